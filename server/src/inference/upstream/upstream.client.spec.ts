import http from 'node:http';
import { AddressInfo } from 'node:net';
import { InferenceErrorCode } from '../inference.errors';
import { UpstreamClient } from './upstream.client';

type Handler = (request: http.IncomingMessage, body: string, response: http.ServerResponse) => void;

/** A real model server on loopback whose behaviour each test sets, counting the connections it accepts. */
class FakeUpstream {
  handler: Handler = (_request, _body, response) => response.end('{}');
  connections = 0;
  private readonly server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => this.handler(request, body, response));
  });

  async start(): Promise<string> {
    this.server.on('connection', () => this.connections++);
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

async function failure(promise: Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a failure');
}

async function collect(stream: AsyncGenerator<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const data of stream) out.push(data);
  return out;
}

describe('UpstreamClient', () => {
  const upstream = new FakeUpstream();
  let baseUrl: string;
  let client: UpstreamClient;

  beforeAll(async () => {
    baseUrl = await upstream.start();
  });
  afterAll(() => upstream.stop());
  beforeEach(() => {
    client = new UpstreamClient({ baseUrl, apiKey: 'sk-operator', timeoutMs: 300 });
  });

  it('posts JSON with the operator key under the base path and reuses one connection', async () => {
    const seen: Array<{ url?: string; authorization?: string; body: unknown }> = [];
    upstream.handler = (request, body, response) => {
      seen.push({ url: request.url, authorization: request.headers.authorization, body: JSON.parse(body) });
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ choices: [{ text: 'ok' }] }));
    };
    const before = upstream.connections;
    const signal = new AbortController().signal;
    for (let i = 0; i < 3; i++) {
      expect(await client.postJson('/completions', { prompt: `p${i}` }, signal)).toEqual({
        choices: [{ text: 'ok' }],
      });
    }
    expect(seen).toEqual(
      [0, 1, 2].map((i) => ({
        url: '/v1/completions',
        authorization: 'Bearer sk-operator',
        body: { prompt: `p${i}` },
      })),
    );
    expect(upstream.connections - before).toBe(1);
  });

  it('maps a 200 that is not JSON to upstream_bad_response and error statuses to their codes', async () => {
    upstream.handler = (_request, _body, response) => response.end('<html>proxy error</html>');
    const signal = new AbortController().signal;
    const notJson = await failure(client.postJson('/completions', {}, signal));
    expect(notJson.code).toBe(InferenceErrorCode.UpstreamBadResponse);

    // The status each code answers with is the error catalog's (error-catalog.spec.ts).
    const statuses: Array<[number, InferenceErrorCode]> = [
      [400, InferenceErrorCode.UpstreamRejected],
      [429, InferenceErrorCode.UpstreamRateLimited],
      [401, InferenceErrorCode.UpstreamError],
      [500, InferenceErrorCode.UpstreamError],
    ];
    for (const [upstreamStatus, code] of statuses) {
      upstream.handler = (_request, _body, response) => {
        response.statusCode = upstreamStatus;
        response.end('{"error":"Bearer sk-secret-value-123 leaked"}');
      };
      const err = await failure(client.postJson('/completions', {}, signal));
      expect(err.code).toBe(code);
      expect(JSON.stringify((err as { logDetail?: unknown }).logDetail)).not.toContain('sk-secret');
    }
  });

  it('answers upstream_timeout when the server is silent past the timeout, for the headers or the body', async () => {
    const signal = new AbortController().signal;
    upstream.handler = () => undefined;
    const silent = await failure(client.postJson('/completions', {}, signal));
    expect(silent.code).toBe(InferenceErrorCode.UpstreamTimeout);

    upstream.handler = (_request, _body, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"choices":');
    };
    const stalled = await failure(client.postJson('/completions', {}, signal));
    expect(stalled.code).toBe(InferenceErrorCode.UpstreamTimeout);
  });

  it("rejects with an AbortError when the caller's signal fires, and upstream_unavailable when unreachable", async () => {
    upstream.handler = () => undefined;
    const controller = new AbortController();
    const pending = client.postJson('/completions', {}, controller.signal);
    setTimeout(() => controller.abort(), 20);
    expect((await failure(pending)).name).toBe('AbortError');

    const closed = new UpstreamClient({ baseUrl: 'http://127.0.0.1:1/v1', timeoutMs: 1000 });
    const err = await failure(closed.postJson('/completions', {}, new AbortController().signal));
    expect(err.code).toBe(InferenceErrorCode.UpstreamUnavailable);
  });

  it('streams each data payload until [DONE], and fails a stream the server stops feeding or cuts', async () => {
    const signal = new AbortController().signal;
    upstream.handler = (_request, _body, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write('data: {"a":1}\n\n: comment\n\ndata: {"b"');
      setTimeout(() => response.end(':2}\r\n\r\ndata: [DONE]\n\n'), 20);
    };
    expect(await collect(client.postStream('/completions', {}, signal))).toEqual(['{"a":1}', '{"b":2}']);

    upstream.handler = (_request, _body, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write('data: {"a":1}\n\n');
    };
    const idle = await failure(collect(client.postStream('/completions', {}, signal)));
    expect(idle.code).toBe(InferenceErrorCode.UpstreamTimeout);

    upstream.handler = (_request, _body, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write('data: {"a":1}\n\n');
      setTimeout(() => response.socket?.destroy(), 20);
    };
    const cut = await failure(collect(client.postStream('/completions', {}, signal)));
    expect(cut.code).toBe(InferenceErrorCode.UpstreamUnavailable);
  });

  it('refuses a 200 that is not an event stream when streaming', async () => {
    upstream.handler = (_request, _body, response) => response.end('<html>not sse</html>');
    const err = await failure(collect(client.postStream('/completions', {}, new AbortController().signal)));
    expect(err.code).toBe(InferenceErrorCode.UpstreamBadResponse);
  });
});
