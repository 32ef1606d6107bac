import { Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../config/config';
import { PersistRequestLogsJob, RequestLogRecord } from './request-log.record';
import { RequestLogProducer } from './request-log.producer';

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

describe('RequestLogProducer (real BullMQ queue on Redis)', () => {
  let queue: Queue<PersistRequestLogsJob>;
  let producers: RequestLogProducer[];

  /** The old flush-window variable, set far longer than a test may wait: it must not hold any record back. */
  const producerWith = (target = queue, env: Record<string, string> = {}) => {
    const producer = new RequestLogProducer(
      target,
      loadConfig({ ...process.env, WARDEN_LOG_FLUSH_MS: '60000', ...env }),
    );
    producers.push(producer);
    return producer;
  };

  /** The queue, with its Redis writes held until `open()`: a hand-off in flight for as long as a test needs. */
  const gatedQueue = () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const add = queue.add.bind(queue);
    const gated = Object.assign(Object.create(queue) as Queue<PersistRequestLogsJob>, {
      add: async (...args: Parameters<typeof add>) => {
        await gate;
        return add(...args);
      },
    });
    return { gated, open };
  };

  beforeEach(() => {
    producers = [];
    queue = new Queue<PersistRequestLogsJob>('request-logs', {
      connection: { url: REDIS_URL, maxRetriesPerRequest: null },
      prefix: `test_producer_${randomBytes(4).toString('hex')}:bull`,
    });
  });

  afterEach(async () => {
    await Promise.all(producers.map((producer) => producer.onApplicationShutdown().catch(() => undefined)));
    await queue.obliterate({ force: true });
    await queue.close();
  });

  const storedRecords = async () =>
    (await queue.getJobs(['waiting', 'delayed', 'prioritized'])).map((job) =>
      job.data.records.map((entry) => entry.prompt),
    );

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

  it('hands records that arrive together to Redis as one job, at once', async () => {
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

  it('gathers records arriving while a hand-off is in flight into the next job, sent when it is answered', async () => {
    const { gated, open } = gatedQueue();
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
    const { gated, open } = gatedQueue();
    const producer = producerWith(gated, { WARDEN_LOG_BATCH_SIZE: '4' });
    const all = Promise.all(Array.from({ length: 10 }, (_, index) => producer.record(record(index))));
    open();
    expect(await within(all, 10_000)).not.toBe('still waiting');
    const jobs = await storedRecords();
    expect(jobs.flat().sort()).toEqual(Array.from({ length: 10 }, (_, index) => `prompt ${index}`).sort());
    expect(Math.max(...jobs.map((job) => job.length))).toBeLessThanOrEqual(4);
  });

  it('rejects every caller of a hand-off Redis did not take, and takes later records again', async () => {
    const closed = new Queue<PersistRequestLogsJob>('request-logs', {
      connection: { url: REDIS_URL, maxRetriesPerRequest: null },
      prefix: `test_producer_${randomBytes(4).toString('hex')}:bull`,
    });
    await closed.close();
    const failing = producerWith(closed);
    const results = await Promise.allSettled([failing.record(record(1)), failing.record(record(2))]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);

    await producerWith().record(record(3));
    expect(await storedRecords()).toEqual([['prompt 3']]);
  });
});
