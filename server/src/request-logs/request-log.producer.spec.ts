import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../config/config';
import { RequestLogRecord } from './request-log.record';
import { MAX_ENTRY_CHARS, RequestLogProducer } from './request-log.producer';
import { decodeStreamEntry, requestLogStreamKey } from './request-log.stream';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

function record(index: number): RequestLogRecord {
  return {
    requestId: `req_${randomBytes(12).toString('hex')}`,
    createdAt: new Date().toISOString(),
    endpoint: '/v1/completions',
    apiKeyId: null,
    applicationId: null,
    organizationId: null,
    endUser: null,
    model: 'stories260K',
    prompt: `prompt ${index}`,
    output: [],
    stream: false,
    statusCode: 200,
    errorCode: null,
    errorMessage: null,
    finishReasons: ['stop'],
    promptTokens: 2,
    completionTokens: 0,
    latencyMs: 1,
    timeToFirstTokenMs: null,
    verdicts: [],
    clientIp: null,
  };
}

/** Resolves with what `promise` gave, or with 'still waiting' if it has not settled within `ms`. */
function within<T>(promise: Promise<T>, ms: number): Promise<T | 'still waiting'> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<'still waiting'>((resolve) => (timer = setTimeout(() => resolve('still waiting'), ms))),
  ]).finally(() => clearTimeout(timer));
}

describe('RequestLogProducer (real Redis stream)', () => {
  let redis: Redis;
  let prefix: string;
  let producers: RequestLogProducer[];

  /** The old flush-window variable, set far longer than a test may wait: it must not hold any record back. */
  const producerWith = (target: Redis = redis, env: Record<string, string> = {}) => {
    const producer = new RequestLogProducer(
      target,
      loadConfig({ ...process.env, WARDEN_LOG_FLUSH_MS: '60000', WARDEN_REDIS_PREFIX: prefix, ...env }),
    );
    producers.push(producer);
    return producer;
  };

  /** A connection whose XADDs are held until `open()`: a hand-off in flight for as long as a test needs. */
  const gatedRedis = () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const held = redis.duplicate();
    const xadd = held.xadd.bind(held) as (...args: unknown[]) => Promise<string | null>;
    const gated = Object.assign(held, {
      xadd: async (...args: unknown[]) => {
        await gate;
        return xadd(...args);
      },
    });
    // The producer takes a connection of its own from the one it is given.
    return { gated: Object.assign(Object.create(redis) as Redis, { duplicate: () => gated }), open };
  };

  beforeEach(() => {
    producers = [];
    prefix = `test_producer_${randomBytes(4).toString('hex')}`;
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 3 });
  });

  afterEach(async () => {
    await Promise.all(producers.map((producer) => producer.onApplicationShutdown().catch(() => undefined)));
    await redis.del(requestLogStreamKey(prefix));
    redis.disconnect();
  });

  /** The prompts of each stream entry, in order. */
  const storedRecords = async () =>
    (await redis.xrange(requestLogStreamKey(prefix), '-', '+')).map((entry) => {
      const { records } = decodeStreamEntry(entry);
      if (!Array.isArray(records)) throw new Error(records.unreadable);
      return records.map((stored) => stored.prompt);
    });

  it('releases a lone caller as soon as Redis holds its record, without waiting out the flush window', async () => {
    const outcome = await within(
      producerWith()
        .record(record(1))
        .then(() => 'logged'),
      10_000,
    );
    expect(outcome).toBe('logged');
    expect(await storedRecords()).toEqual([['prompt 1']]);
  });

  it('hands records that arrive together to Redis as one stream entry, at once', async () => {
    const producer = producerWith();
    const all = Promise.all(Array.from({ length: 40 }, (_, index) => producer.record(record(index))));
    expect(await within(all, 10_000)).not.toBe('still waiting');
    const jobs = await storedRecords();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toEqual(Array.from({ length: 40 }, (_, index) => `prompt ${index}`));
  });

  it('releases one record after another without a window between hand-offs', async () => {
    const producer = producerWith();
    for (let index = 0; index < 3; index++) {
      expect(
        await within(
          producer.record(record(index)).then(() => 'logged'),
          10_000,
        ),
      ).toBe('logged');
    }
    expect(await storedRecords()).toHaveLength(3);
  });

  it('gathers records arriving while a hand-off is in flight into the next entry, sent when it is answered', async () => {
    const { gated, open } = gatedRedis();
    const producer = producerWith(gated);
    const released: string[] = [];
    const track = (index: number) =>
      producer.record(record(index)).then(() => void released.push(`prompt ${index}`));
    const first = track(0);
    const later: Promise<void>[] = [];
    for (let index = 1; index <= 5; index++) {
      await new Promise((resolve) => setImmediate(resolve));
      later.push(track(index));
    }
    expect(released).toEqual([]);
    open();
    await first;
    expect(await within(Promise.all(later), 10_000)).not.toBe('still waiting');
    expect(released[0]).toBe('prompt 0');
    expect(await storedRecords()).toEqual(
      expect.arrayContaining([['prompt 0'], ['prompt 1', 'prompt 2', 'prompt 3', 'prompt 4', 'prompt 5']]),
    );
    expect(await storedRecords()).toHaveLength(2);
  });

  it('sends a full batch at once even while a hand-off is in flight', async () => {
    const { gated, open } = gatedRedis();
    const producer = producerWith(gated, { WARDEN_LOG_BATCH_SIZE: '4' });
    const all = Promise.all(Array.from({ length: 10 }, (_, index) => producer.record(record(index))));
    open();
    expect(await within(all, 10_000)).not.toBe('still waiting');
    const jobs = await storedRecords();
    expect(jobs.flat().sort()).toEqual(Array.from({ length: 10 }, (_, index) => `prompt ${index}`).sort());
    expect(Math.max(...jobs.map((job) => job.length))).toBeLessThanOrEqual(4);
  });

  it('rejects every caller of a hand-off Redis did not take, and takes later records again', async () => {
    // Nothing listens on port 1: every XADD on this connection fails after its retries.
    const unreachable = new Redis(1, '127.0.0.1', {
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
      lazyConnect: true,
    });
    const failing = producerWith(unreachable);
    const results = await Promise.allSettled([failing.record(record(1)), failing.record(record(2))]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);

    await producerWith().record(record(3));
    expect(await storedRecords()).toEqual([['prompt 3']]);
  });

  it('rejects only the caller whose record cannot be serialized, and hands the rest of its batch to Redis', async () => {
    const producer = producerWith();
    // What JSON.stringify does past the longest string V8 holds; it threw out of the hand-off (an uncaught exception
    // in a microtask, which ends the process) and left the batch's other callers waiting for ever.
    const unserializable = Object.assign(record(2), {
      toJSON: () => {
        throw new RangeError('Invalid string length');
      },
    });
    const results = await within(
      Promise.allSettled([
        producer.record(record(1)),
        producer.record(unserializable),
        producer.record(record(3)),
      ]),
      10_000,
    );
    expect(results).not.toBe('still waiting');
    expect((results as PromiseSettledResult<void>[]).map((result) => result.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect(await storedRecords()).toEqual([['prompt 1', 'prompt 3']]);
  });

  it('splits a batch whose JSON would pass the entry limit into entries under it (Redis takes 512 MB at most)', async () => {
    const producer = producerWith();
    const big = (index: number) => ({ ...record(index), prompt: `${index}`.repeat(MAX_ENTRY_CHARS / 3) });
    const all = Promise.all([0, 1, 2, 3].map((index) => producer.record(big(index))));
    expect(await within(all, 60_000)).not.toBe('still waiting');
    const entries = await redis.xrange(requestLogStreamKey(prefix), '-', '+');
    expect(entries.length).toBeGreaterThan(1);
    for (const [, fields] of entries) expect(fields[1].length).toBeLessThanOrEqual(MAX_ENTRY_CHARS);
    const prompts = entries.flatMap((entry) =>
      (decodeStreamEntry(entry).records as RequestLogRecord[]).map((r) => r.prompt),
    );
    expect(prompts.map((prompt) => String(prompt)[0])).toEqual(['0', '1', '2', '3']);
  }, 120_000);
});
