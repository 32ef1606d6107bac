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
    try {
      return await response.json();
    } catch (err) {
      throw this.transportError(err, timeout);
    }
  }

  /** Yields each `data:` payload of an SSE response; the timeout applies to every wait for the next event. */
  async *postStream(path: string, body: unknown, signal: AbortSignal): AsyncGenerator<string> {
    const idle = new IdleTimeout(this.settings.timeoutMs);
    try {
      const response = await this.send(path, body, AbortSignal.any([signal, idle.signal]), idle.signal);
      if (!response.body) {
        throw new InferenceBackendError(
          502,
          InferenceErrorCode.UpstreamError,
          'The upstream model server sent no body.',
        );
      }
      const decoder = new TextDecoder();
      let buffer = '';
      const reader = response.body.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read().catch((err: unknown) => {
            throw this.transportError(err, idle.signal);
          });
          if (done) {
            return;
          }
          idle.reset();
          buffer += decoder.decode(value, { stream: true });
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

  private async statusError(response: Response): Promise<Error> {
    const detail = await response.text().catch(() => '');
    const message = upstreamMessage(detail) ?? `HTTP ${response.status}`;
    if ([400, 404, 413, 422].includes(response.status)) {
      return new InferenceRequestError(
        'upstream_rejected',
        `The model server rejected the request: ${message}`,
      );
    }
    if (response.status === 429) {
      return new InferenceBackendError(
        429,
        InferenceErrorCode.UpstreamRateLimited,
        'The model server is rate limiting Warden; retry shortly.',
      );
    }
    if (response.status === 401 || response.status === 403) {
      return new InferenceBackendError(
        502,
        InferenceErrorCode.UpstreamError,
        'Warden is not authorized by its model server (operator configuration).',
      );
    }
    return new InferenceBackendError(
      502,
      InferenceErrorCode.UpstreamError,
      `The model server failed: ${message}`,
    );
  }

  private transportError(err: unknown, timeout: AbortSignal): Error {
    if (err instanceof InferenceBackendError || err instanceof InferenceRequestError) {
      return err;
    }
    if (timeout.aborted) {
      return new InferenceBackendError(
        504,
        InferenceErrorCode.UpstreamTimeout,
        `The model server did not answer within ${this.settings.timeoutMs} ms.`,
      );
    }
    if (err instanceof Error && err.name === 'AbortError') {
      return err;
    }
    return new InferenceBackendError(
      502,
      InferenceErrorCode.UpstreamUnavailable,
      'The model server could not be reached.',
    );
  }
}

function upstreamMessage(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown } | string; message?: unknown };
    const candidate =
      typeof parsed.error === 'string' ? parsed.error : (parsed.error?.message ?? parsed.message);
    return typeof candidate === 'string' ? candidate.slice(0, 500) : undefined;
  } catch {
    return body ? body.slice(0, 200) : undefined;
  }
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
