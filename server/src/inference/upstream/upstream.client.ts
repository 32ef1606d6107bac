import { WardenError } from '../../common/errors';
import { InferenceBackendError, InferenceErrorCode, InferenceRequestError } from '../inference.errors';

export interface UpstreamSettings {
  baseUrl: string;
  apiKey?: string;
  timeoutMs: number;
}

/**
 * HTTP to one OpenAI-compatible server, whose address comes only from operator configuration.
 * Translates transport failures and upstream error statuses into Warden's inference errors.
 */
export class UpstreamClient {
  constructor(private readonly settings: UpstreamSettings) {}

  async postJson(path: string, body: unknown, signal: AbortSignal): Promise<unknown> {
    const timeout = AbortSignal.timeout(this.settings.timeoutMs);
    const response = await this.send(path, body, AbortSignal.any([signal, timeout]), timeout);
    let text: string;
    try {
      text = await response.text();
    } catch (err) {
      throw this.transportError(err, timeout);
    }
    try {
      return JSON.parse(text);
    } catch {
      // A 200 that is not JSON is a misbehaving server or proxy, not an unreachable one.
      throw withUpstreamDetail(
        new InferenceBackendError(
          InferenceErrorCode.UpstreamBadResponse,
          'The model server sent a response that is not JSON.',
        ),
        response.status,
        text,
      );
    }
  }

  /** Yields each `data:` payload of an SSE response; the timeout applies to every wait for the next event. */
  async *postStream(path: string, body: unknown, signal: AbortSignal): AsyncGenerator<string> {
    const idle = new IdleTimeout(this.settings.timeoutMs);
    try {
      const response = await this.send(path, body, AbortSignal.any([signal, idle.signal]), idle.signal);
      if (!response.body) {
        throw new InferenceBackendError(
          InferenceErrorCode.UpstreamError,
          'The upstream model server sent no body.',
        );
      }
      const decoder = new TextDecoder();
      let buffer = '';
      let events = 0;
      const reader = response.body.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read().catch((err: unknown) => {
            throw this.transportError(err, idle.signal);
          });
          if (done) {
            if (events === 0) throw badStream(response.status, buffer);
            return;
          }
          idle.reset();
          buffer += decoder.decode(value, { stream: true });
          if (buffer.length > MAX_EVENT_CHARS) throw badStream(response.status, buffer);
          let boundary: number;
          while ((boundary = buffer.search(/\r?\n\r?\n/)) >= 0) {
            const event = buffer.slice(0, boundary);
            buffer = buffer.slice(boundary).replace(/^\r?\n\r?\n/, '');
            const data = event
              .split(/\r?\n/)
              .filter((line) => line.startsWith('data:'))
              .map((line) => line.slice(5).replace(/^ /, ''))
              .join('\n');
            if (data === '[DONE]') {
              return;
            }
            if (data) {
              events++;
              yield data;
            }
          }
        }
      } finally {
        reader.cancel().catch(() => undefined);
      }
    } finally {
      idle.clear();
    }
  }

  private async send(
    path: string,
    body: unknown,
    signal: AbortSignal,
    timeout: AbortSignal,
  ): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(`${this.settings.baseUrl}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.settings.apiKey ? { authorization: `Bearer ${this.settings.apiKey}` } : {}),
        },
        body: JSON.stringify(body),
        signal,
      });
    } catch (err) {
      throw this.transportError(err, timeout);
    }
    if (!response.ok) {
      throw await this.statusError(response);
    }
    return response;
  }

  /**
   * Upstream error bodies are not passed on: they can carry the operator's secrets, internal addresses or another
   * tenant's text. Clients get Warden's own message; the status and a scrubbed excerpt go to the server log only.
   */
  private async statusError(response: Response): Promise<Error> {
    const detail = await response.text().catch(() => '');
    const status = response.status;
    let error: WardenError;
    if ([400, 404, 413, 422].includes(status)) {
      error = new InferenceRequestError(
        InferenceErrorCode.UpstreamRejected,
        `The model server rejected the request (HTTP ${status}); check the parameters against the model's limits.`,
      );
    } else if (status === 429) {
      error = new InferenceBackendError(
        InferenceErrorCode.UpstreamRateLimited,
        'The model server is rate limiting Warden; retry shortly.',
      );
    } else if (status === 401 || status === 403) {
      error = new InferenceBackendError(
        InferenceErrorCode.UpstreamError,
        'Warden is not authorized by its model server (operator configuration).',
      );
    } else {
      error = new InferenceBackendError(
        InferenceErrorCode.UpstreamError,
        `The model server failed (HTTP ${status}).`,
      );
    }
    return withUpstreamDetail(error, status, detail);
  }

  private transportError(err: unknown, timeout: AbortSignal): Error {
    if (err instanceof InferenceBackendError || err instanceof InferenceRequestError) {
      return err;
    }
    if (timeout.aborted) {
      return new InferenceBackendError(
        InferenceErrorCode.UpstreamTimeout,
        `The model server did not answer within ${this.settings.timeoutMs} ms.`,
      );
    }
    if (err instanceof Error && err.name === 'AbortError') {
      return err;
    }
    return new InferenceBackendError(
      InferenceErrorCode.UpstreamUnavailable,
      'The model server could not be reached.',
    );
  }
}

const EXCERPT_CHARS = 300;
/** No completion event comes near this size; a server that sends more without an event boundary is not SSE. */
const MAX_EVENT_CHARS = 1_000_000;

/** A 200 whose body is not a server-sent event stream (an HTML error page from a proxy, say). */
function badStream(status: number, body: string): InferenceBackendError {
  return withUpstreamDetail(
    new InferenceBackendError(
      InferenceErrorCode.UpstreamBadResponse,
      'The model server sent a response that is not an event stream.',
    ),
    status,
    body,
  );
}
const SECRETS: Array<[RegExp, string]> = [
  [/\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]+/gi, '$1 [scrubbed]'],
  [/\b(sk|pk|rk|wk|hf|ghp|gho|xox[abp])[-_][A-Za-z0-9_-]{8,}/g, '$1-[scrubbed]'],
  [/\b(api[_-]?key|token|secret|password|authorization)\b(["'\s:=]+)[^\s"',}]+/gi, '$1$2[scrubbed]'],
];

/** Attaches the upstream status and a truncated, secret-scrubbed excerpt of its body, for the server log. */
function withUpstreamDetail<T extends WardenError>(error: T, status: number, body: string): T {
  let excerpt = body.slice(0, EXCERPT_CHARS);
  for (const [pattern, replacement] of SECRETS) excerpt = excerpt.replace(pattern, replacement);
  error.logDetail = { upstreamStatus: status, upstreamExcerpt: excerpt };
  return error;
}

class IdleTimeout {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout;

  constructor(private readonly ms: number) {
    this.timer = setTimeout(() => this.controller.abort(), ms);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  reset(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.controller.abort(), this.ms);
  }

  clear(): void {
    clearTimeout(this.timer);
  }
}
