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
  let producer: RequestLogProducer;

  beforeEach(() => {
    queue = new Queue<PersistRequestLogsJob>('request-logs', {
      connection: { url: REDIS_URL, maxRetriesPerRequest: null },
      prefix: `test_producer_${randomBytes(4).toString('hex')}:bull`,
    });
    // The former WARDEN_LOG_FLUSH_MS window, set far longer than a test may wait: a producer that held records
    // for a window (as this one did before hand-offs became a group commit) times out below.
    producer = new RequestLogProducer(queue, loadConfig({ ...process.env, WARDEN_LOG_FLUSH_MS: '60000' }));
  });

  afterEach(async () => {
    await producer.onApplicationShutdown();
    await queue.obliterate({ force: true });
    await queue.close();
  });

  const storedRecords = async () =>
    (await queue.getJobs(['waiting', 'delayed', 'prioritized'])).map((job) =>
      job.data.records.map((entry) => entry.prompt),
    );

  it('releases a caller as soon as Redis holds its record, without waiting out a flush window', async () => {
    const outcome = await within(
      producer.record(record(1)).then(() => 'logged'),
      10_000,
    );
    expect(outcome).toBe('logged');
    expect(await storedRecords()).toEqual([['prompt 1']]);
  });

  it('hands records that arrive together to Redis as one job', async () => {
    const all = Promise.all(Array.from({ length: 40 }, (_, index) => producer.record(record(index))));
    expect(await within(all, 10_000)).not.toBe('still waiting');
    const jobs = await storedRecords();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toEqual(Array.from({ length: 40 }, (_, index) => `prompt ${index}`));
  });

  it('gathers records arriving while a hand-off is in flight into the next job', async () => {
    const first = producer.record(record(0));
    // The first job is on its way to Redis; these arrive during its round trip, one tick apart.
    const later: Promise<void>[] = [];
    for (let index = 1; index <= 5; index++) {
      await new Promise((resolve) => setImmediate(resolve));
      later.push(producer.record(record(index)));
    }
    expect(await within(Promise.all([first, ...later]), 10_000)).not.toBe('still waiting');
    const jobs = await storedRecords();
    expect(jobs.flat().sort()).toEqual([
      'prompt 0',
      'prompt 1',
      'prompt 2',
      'prompt 3',
      'prompt 4',
      'prompt 5',
    ]);
    expect(jobs.length).toBeLessThan(6);
  });

  it('rejects every caller of a hand-off Redis did not take, and takes later records again', async () => {
    const closed = new Queue<PersistRequestLogsJob>('request-logs', {
      connection: { url: REDIS_URL, maxRetriesPerRequest: null },
      prefix: `test_producer_${randomBytes(4).toString('hex')}:bull`,
    });
    await closed.close();
    const failing = new RequestLogProducer(closed, loadConfig(process.env));
    const results = await Promise.allSettled([failing.record(record(1)), failing.record(record(2))]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);

    await producer.record(record(3));
    expect(await storedRecords()).toEqual([['prompt 3']]);
  });
});
