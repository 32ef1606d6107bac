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

/** Far above any answer these tests send, except the ones that test the limit. */
const LIMIT = 1 << 20;

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
      expect(await client.postJson('/completions', { prompt: `p${i}` }, signal, LIMIT)).toEqual({
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
    const notJson = await failure(client.postJson('/completions', {}, signal, LIMIT));
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
      const err = await failure(client.postJson('/completions', {}, signal, LIMIT));
      expect(err.code).toBe(code);
      expect(JSON.stringify((err as { logDetail?: unknown }).logDetail)).not.toContain('sk-secret');
    }
  });

  it('answers upstream_timeout when the server is silent past the timeout, for the headers or the body', async () => {
    const signal = new AbortController().signal;
    upstream.handler = () => undefined;
    const silent = await failure(client.postJson('/completions', {}, signal, LIMIT));
    expect(silent.code).toBe(InferenceErrorCode.UpstreamTimeout);

    upstream.handler = (_request, _body, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"choices":');
    };
    const stalled = await failure(client.postJson('/completions', {}, signal, LIMIT));
    expect(stalled.code).toBe(InferenceErrorCode.UpstreamTimeout);
  });

  it("rejects with an AbortError when the caller's signal fires, and upstream_unavailable when unreachable", async () => {
    upstream.handler = () => undefined;
    const controller = new AbortController();
    const pending = client.postJson('/completions', {}, controller.signal, LIMIT);
    setTimeout(() => controller.abort(), 20);
    expect((await failure(pending)).name).toBe('AbortError');

    const closed = new UpstreamClient({ baseUrl: 'http://127.0.0.1:1/v1', timeoutMs: 1000 });
    const err = await failure(closed.postJson('/completions', {}, new AbortController().signal, LIMIT));
    expect(err.code).toBe(InferenceErrorCode.UpstreamUnavailable);
  });

  it('streams each data payload until [DONE], and fails a stream the server stops feeding or cuts', async () => {
    const signal = new AbortController().signal;
    upstream.handler = (_request, _body, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write('data: {"a":1}\n\n: comment\n\ndata: {"b"');
      setTimeout(() => response.end(':2}\r\n\r\ndata: [DONE]\n\n'), 20);
    };
    expect(await collect(client.postStream('/completions', {}, signal, LIMIT))).toEqual([
      '{"a":1}',
      '{"b":2}',
    ]);

    upstream.handler = (_request, _body, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write('data: {"a":1}\n\n');
    };
    const idle = await failure(collect(client.postStream('/completions', {}, signal, LIMIT)));
    expect(idle.code).toBe(InferenceErrorCode.UpstreamTimeout);

    upstream.handler = (_request, _body, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write('data: {"a":1}\n\n');
      setTimeout(() => response.socket?.destroy(), 20);
    };
    const cut = await failure(collect(client.postStream('/completions', {}, signal, LIMIT)));
    expect(cut.code).toBe(InferenceErrorCode.UpstreamUnavailable);
  });

  it('refuses a 200 that is not an event stream when streaming', async () => {
    upstream.handler = (_request, _body, response) => response.end('<html>not sse</html>');
    const err = await failure(
      collect(client.postStream('/completions', {}, new AbortController().signal, LIMIT)),
    );
    expect(err.code).toBe(InferenceErrorCode.UpstreamBadResponse);
  });

  it('cuts off an answer larger than the request can produce, whole or streamed, and closes its connection', async () => {
    // The stub writes its 8 MB in this process's event loop: on a loaded machine that took longer than the shared
    // client's 300 ms timeout, and the test saw upstream_timeout. What it checks is the size cut, not the timeout.
    client = new UpstreamClient({ baseUrl, apiKey: 'sk-operator', timeoutMs: 10_000 });
    const signal = new AbortController().signal;
    let closed = 0;
    upstream.handler = (_request, _body, response) => {
      response.on('close', () => closed++);
      response.writeHead(200, { 'content-type': 'application/json' });
      // A server ignoring max_tokens: 8 MB of one choice's text, as valid JSON.
      response.write('{"choices":[{"text":"');
      for (let i = 0; i < 128; i++) response.write('a'.repeat(64 * 1024));
      response.end('"}]}');
    };
    const whole = await failure(client.postJson('/completions', {}, signal, 256 * 1024));
    expect(whole.code).toBe(InferenceErrorCode.UpstreamBadResponse);
    expect(whole.message).toContain('larger than this request can produce');

    upstream.handler = (_request, _body, response) => {
      response.on('close', () => closed++);
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      // A stream that never ends: an event every millisecond until the connection goes away.
      const event = `data: ${JSON.stringify({ choices: [{ text: 'b'.repeat(8 * 1024) }] })}\n\n`;
      const timer = setInterval(() => response.write(event), 1);
      response.on('close', () => clearInterval(timer));
    };
    let events = 0;
    const endless = await failure(
      (async () => {
        for await (const _data of client.postStream('/completions', {}, signal, 256 * 1024)) events++;
      })(),
    );
    expect(endless.code).toBe(InferenceErrorCode.UpstreamBadResponse);
    expect(events).toBeGreaterThan(0);
    expect(events).toBeLessThan(40);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(closed).toBe(2);
  });

  it('reads no more of an error page than its excerpt needs', async () => {
    const chunk = 'c'.repeat(64 * 1024);
    const total = 1024; // 64 MB, written as fast as the client reads
    let sent = 0;
    let closed = false;
    upstream.handler = (_request, _body, response) => {
      response.on('close', () => (closed = true));
      response.writeHead(500, { 'content-type': 'text/html' });
      const pump = () => {
        while (sent < total && !closed) {
          sent++;
          if (!response.write(chunk)) return void response.once('drain', pump);
        }
        if (sent === total) response.end();
      };
      pump();
    };
    const err = await failure(client.postJson('/completions', {}, new AbortController().signal, LIMIT));
    expect(err.code).toBe(InferenceErrorCode.UpstreamError);
    expect((err as { logDetail?: { upstreamExcerpt: string } }).logDetail?.upstreamExcerpt).toMatch(
      /^c{300}$/,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(closed).toBe(true);
    expect(sent).toBeLessThan(total / 4); // the client hung up after 64 KB, not after the whole page
  });
});
