import http from 'node:http';
import https from 'node:https';
import { readBoundedText, ResponseTooLarge } from '../../common/bounded-response';
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
 *
 * Speaks `node:http` over a keep-alive agent rather than `fetch`: undici's fetch builds WHATWG Request, Headers,
 * stream and AbortSignal objects for every call, several times the CPU of the exchange itself on a gateway whose
 * upstream answers at once (≈ 700 against ≈ 100 µs a request measured on the development VM).
 */
export class UpstreamClient {
  private readonly transport: typeof http | typeof https;
  private readonly agent: http.Agent;
  private readonly urls = new Map<string, URL>();
  private readonly headers: Record<string, string>;

  constructor(private readonly settings: UpstreamSettings) {
    const secure = new URL(settings.baseUrl).protocol === 'https:';
    this.transport = secure ? https : http;
    // An idle connection is dropped before common servers close theirs (uvicorn and Node after 5 s), or sooner
    // when the server announces a shorter keep-alive, so a request is rarely sent on a socket being closed.
    const options = { keepAlive: true, timeout: IDLE_SOCKET_MS, scheduling: 'lifo' as const };
    this.agent = secure ? new https.Agent(options) : new http.Agent(options);
    this.headers = {
      'content-type': 'application/json',
      ...(settings.apiKey ? { authorization: `Bearer ${settings.apiKey}` } : {}),
    };
  }

  /**
   * `maxBytes` bounds the answer: a server that sends more than the request could produce (it ignored `max_tokens`,
   * or is not a model server) is cut off rather than read into memory and moderated.
   */
  async postJson(path: string, body: unknown, signal: AbortSignal, maxBytes: number): Promise<unknown> {
    const deadline = new Deadline(this.settings.timeoutMs);
    try {
      const response = await this.send(path, body, signal, deadline);
      let text: string;
      try {
        text = await readText(response, maxBytes);
      } catch (err) {
        throw err instanceof ResponseTooLarge
          ? tooLarge(response.statusCode ?? 0, err.head, maxBytes)
          : this.transportError(err, deadline, signal);
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
          response.statusCode ?? 0,
          text,
        );
      }
    } finally {
      deadline.clear();
    }
  }

  /**
   * Yields each `data:` payload of an SSE response; the timeout applies to every wait for the next event, and the
   * whole stream is held to `maxBytes` as `postJson`'s answer is (a server that never ends its stream is cut off).
   */
  async *postStream(
    path: string,
    body: unknown,
    signal: AbortSignal,
    maxBytes: number,
  ): AsyncGenerator<string> {
    const idle = new Deadline(this.settings.timeoutMs);
    let response: http.IncomingMessage | undefined;
    try {
      response = await this.send(path, body, signal, idle);
      const status = response.statusCode ?? 0;
      const decoder = new TextDecoder();
      let buffer = '';
      let events = 0;
      let received = 0;
      const chunks = response[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
      for (;;) {
        const { done, value } = await chunks.next().catch((err: unknown) => {
          throw this.transportError(err, idle, signal);
        });
        if (done) {
          // A connection cut mid-body ends the iteration like a complete one; only the latter is an answer.
          if (!response.complete) throw this.transportError(new Error('aborted'), idle, signal);
          if (events === 0) throw badStream(status, buffer);
          return;
        }
        idle.reset();
        received += value.length;
        if (received > maxBytes) throw tooLarge(status, buffer, maxBytes);
        buffer += decoder.decode(value, { stream: true });
        if (buffer.length > MAX_EVENT_CHARS) throw badStream(status, buffer);
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
      idle.clear();
      // The rest of an answer no one reads is not waited for: its connection is closed, not reused.
      if (response && !response.complete) response.destroy();
    }
  }

  /**
   * Sends one request and resolves with its response once the headers are in and the status is a success. The
   * caller's signal and the deadline end the exchange at any point, the body's reading included.
   */
  private async send(
    path: string,
    body: unknown,
    signal: AbortSignal,
    deadline: Deadline,
  ): Promise<http.IncomingMessage> {
    const payload = JSON.stringify(body);
    let response: http.IncomingMessage;
    try {
      response = await new Promise<http.IncomingMessage>((resolve, reject) => {
        if (signal.aborted) {
          reject(abortError());
          return;
        }
        const request = this.transport.request(this.url(path), {
          method: 'POST',
          agent: this.agent,
          headers: { ...this.headers, 'content-length': Buffer.byteLength(payload) },
        });
        // Active requests have no socket timeout: the deadline bounds them; the agent's applies to idle sockets.
        request.setTimeout(0);
        const end = (err: Error) => request.destroy(err);
        const onAbort = () => end(abortError());
        signal.addEventListener('abort', onAbort, { once: true });
        deadline.onExpiry(() => end(new Error('upstream deadline')));
        request.once('close', () => signal.removeEventListener('abort', onAbort));
        request.once('error', reject);
        request.once('response', resolve);
        request.end(payload);
      });
    } catch (err) {
      throw this.transportError(err, deadline, signal);
    }
    if (response.statusCode === undefined || response.statusCode < 200 || response.statusCode > 299) {
      throw await this.statusError(response);
    }
    return response;
  }

  private url(path: string): URL {
    let url = this.urls.get(path);
    if (!url) {
      url = new URL(`${this.settings.baseUrl}${path}`);
      this.urls.set(path, url);
    }
    return url;
  }

  /**
   * Upstream error bodies are not passed on: they can carry the operator's secrets, internal addresses or another
   * tenant's text. Clients get Warden's own message; the status and a scrubbed excerpt go to the server log only.
   */
  private async statusError(response: http.IncomingMessage): Promise<Error> {
    // Only an excerpt is ever logged: an error page is not read past ERROR_BODY_BYTES.
    const detail = await readText(response, ERROR_BODY_BYTES).catch((err: unknown) =>
      err instanceof ResponseTooLarge ? err.head : '',
    );
    const status = response.statusCode ?? 0;
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

  private transportError(err: unknown, deadline: Deadline, signal: AbortSignal): Error {
    if (err instanceof InferenceBackendError || err instanceof InferenceRequestError) {
      return err;
    }
    if (deadline.expired) {
      return new InferenceBackendError(
        InferenceErrorCode.UpstreamTimeout,
        `The model server did not answer within ${this.settings.timeoutMs} ms.`,
      );
    }
    if (signal.aborted) {
      return abortError();
    }
    return new InferenceBackendError(
      InferenceErrorCode.UpstreamUnavailable,
      'The model server could not be reached.',
    );
  }
}

/** Idle keep-alive connections are closed after this long (or sooner when the server announces a shorter wait). */
const IDLE_SOCKET_MS = 4_000;

/** What a fetch aborted by its signal rejects with: the pipeline tells a client that left by it. */
function abortError(): Error {
  return new DOMException('This operation was aborted', 'AbortError');
}

/** The whole body, held to `maxBytes`; a connection cut mid-body is a failure, not a short answer. */
async function readText(response: http.IncomingMessage, maxBytes: number): Promise<string> {
  const text = await readBoundedText(response, maxBytes);
  if (!response.complete) throw new Error('the connection closed mid-body');
  return text;
}

const EXCERPT_CHARS = 300;
const ERROR_BODY_BYTES = 64 * 1024;
/** No completion event comes near this size; a server that sends more without an event boundary is not SSE. */
const MAX_EVENT_CHARS = 1_000_000;

function tooLarge(status: number, excerpt: string, maxBytes: number): InferenceBackendError {
  return withUpstreamDetail(
    new InferenceBackendError(
      InferenceErrorCode.UpstreamBadResponse,
      `The model server's answer is larger than this request can produce (over ${maxBytes} bytes); it was cut off.`,
    ),
    status,
    excerpt,
  );
}

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

/** A timer that can be restarted (an idle timeout) and tells whether it fired. */
class Deadline {
  expired = false;
  private timer: NodeJS.Timeout;
  private readonly listeners: Array<() => void> = [];

  constructor(private readonly ms: number) {
    this.timer = setTimeout(() => this.expire(), ms);
  }

  onExpiry(listener: () => void): void {
    this.listeners.push(listener);
  }

  reset(): void {
    this.timer.refresh();
  }

  clear(): void {
    clearTimeout(this.timer);
  }

  private expire(): void {
    this.expired = true;
    for (const listener of this.listeners) listener();
  }
}
