import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { OPENAI_CATEGORIES } from '../../server/src/moderation/moderation.types';
import {
  REQUEST_LOG_CONSUMER_GROUP,
  REQUEST_LOG_STREAM_FIELD,
  requestLogStreamKey,
} from '../../server/src/request-logs/request-log.stream';

/** The request-log stream of one instance, written as its api writes it and inspected as an operator would. */
export class RequestLogStream {
  private readonly redis: Redis;
  readonly key: string;

  constructor(env: NodeJS.ProcessEnv) {
    this.redis = new Redis(env.REDIS_URL!, { maxRetriesPerRequest: 3 });
    this.key = requestLogStreamKey(env.WARDEN_REDIS_PREFIX!);
  }

  /** One hand-off of the api: the records as one entry. Returns the entry's id. */
  async handOff(records: unknown[]): Promise<string> {
    return (await this.redis.xadd(this.key, '*', REQUEST_LOG_STREAM_FIELD, JSON.stringify(records)))!;
  }

  /** An entry carrying anything at all in its records field. */
  async handOffRaw(value: string): Promise<string> {
    return (await this.redis.xadd(this.key, '*', REQUEST_LOG_STREAM_FIELD, value))!;
  }

  /** Entries not yet written (acknowledged entries are deleted). */
  length(): Promise<number> {
    return this.redis.xlen(this.key);
  }

  /** Entries read by a worker and not acknowledged yet. */
  async pending(): Promise<number> {
    const [count] = (await this.redis.xpending(this.key, REQUEST_LOG_CONSUMER_GROUP)) as [number];
    return Number(count);
  }

  /**
   * One hand-off delivered `times` times to workers that vanished while writing it: read by one, then taken over
   * again and again (each take-over counts a delivery). The hand-off and the first read are one transaction, so a
   * worker waiting on the stream never sees the entry as new.
   */
  async handOffToVanishingWorkers(records: unknown[], times: number): Promise<string> {
    await this.redis
      .xgroup('CREATE', this.key, REQUEST_LOG_CONSUMER_GROUP, '0', 'MKSTREAM')
      .catch((err: Error) => {
        if (!err.message.includes('BUSYGROUP')) throw err;
      });
    const replies = (await this.redis
      .multi()
      .xadd(this.key, '*', REQUEST_LOG_STREAM_FIELD, JSON.stringify(records))
      .xreadgroup(
        'GROUP',
        REQUEST_LOG_CONSUMER_GROUP,
        `vanished-${randomUUID()}`,
        'COUNT',
        1,
        'STREAMS',
        this.key,
        '>',
      )
      .exec())!;
    const id = replies[0][1] as string;
    for (let delivery = 1; delivery < times; delivery++) {
      await this.redis.xclaim(this.key, REQUEST_LOG_CONSUMER_GROUP, `vanished-${randomUUID()}`, 0, id);
    }
    return id;
  }

  close(): void {
    this.redis.disconnect();
  }
}

/** A record as the api hands it to the worker, for rows the api itself would never produce. */
export function requestLogRecord(
  applicationId: string | null,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    requestId: `req_${randomUUID().replace(/-/g, '')}`,
    createdAt: new Date().toISOString(),
    endpoint: '/v1/completions',
    apiKeyId: null,
    applicationId,
    organizationId: null,
    endUser: null,
    model: 'house-model',
    prompt: 'hello',
    output: [{ index: 0, text: ' world', finish_reason: 'stop' }],
    stream: false,
    statusCode: 200,
    errorCode: null,
    errorMessage: null,
    finishReasons: ['stop'],
    promptTokens: 1,
    completionTokens: 1,
    latencyMs: 5,
    timeToFirstTokenMs: null,
    verdicts: [],
    clientIp: '127.0.0.1',
    ...overrides,
  };
}

/** A classifier that only observes and budgets no suite spends: for suites about the log, not limits or verdicts. */
export function logOnlyPolicy(): string {
  return JSON.stringify({
    categories: Object.fromEntries(
      OPENAI_CATEGORIES.map((category) => [
        category,
        { input: { action: 'observe' }, output: { action: 'observe' } },
      ]),
    ),
    rateLimits: {
      requestsPerMinute: 100000,
      tokensPerMinute: 100000000,
      applicationRequestsPerMinute: 100000,
      applicationTokensPerMinute: 100000000,
    },
  });
}

/** One completion through the api, which must answer 200; returns the request id its log row will carry. */
export async function answeredCompletion(
  url: string,
  apiKey: string,
  prompt: string,
  user?: string,
): Promise<string> {
  const response = await fetch(`${url}/v1/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'house-model', max_tokens: 8, prompt, ...(user ? { user } : {}) }),
  });
  const body = await response.text();
  expect({ status: response.status, body }).toMatchObject({ status: 200 });
  return response.headers.get('x-request-id')!;
}
