import http from 'node:http';
import net, { AddressInfo } from 'node:net';
import { setDemoPolicy } from './support/demo-policy';
import { testApiKey } from './support/keys';
import { eventually, startWarden, WardenInstance } from './support/warden';

/** How long the suite's Warden gives a client to send a request, and how long the test waits for it to act. */
const REQUEST_TIMEOUT_MS = 2_000;
const PATIENCE_MS = 20_000;

/**
 * An upstream that streams completion chunks for as long as its client reads them (64 KB of spaces each, so the
 * output checks have nothing to hold), and records when Warden hangs up on it.
 */
class EndlessUpstream {
  closedAt: number | null = null;
  private server?: http.Server;

  async start(): Promise<string> {
    this.server = http.createServer((request, response) => {
      request.resume();
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      const chunk = `data: ${JSON.stringify({
        id: 'cmpl-endless',
        object: 'text_completion',
        created: 0,
        model: 'endless',
        choices: [{ index: 0, text: ' '.repeat(64 * 1024), finish_reason: null, logprobs: null }],
      })}\n\n`;
      const pump = () => {
        while (!response.destroyed && response.write(chunk));
      };
      response.on('drain', pump);
      response.on('close', () => (this.closedAt = Date.now()));
      pump();
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

// One Warden for both groups below (the same request timeout; the trickled requests never reach the upstream):
// a start is the slowest part of this suite on a loaded machine.
const apiKey = testApiKey();
const upstream = new EndlessUpstream();
let warden: WardenInstance;

beforeAll(async () => {
  warden = await startWarden('redteam-slow-clients', {
    WARDEN_INIT_API_KEY: apiKey,
    WARDEN_EMBEDDED_MODELS: '',
    WARDEN_UPSTREAM_URL: await upstream.start(),
    WARDEN_UPSTREAM_MODELS: 'endless',
    WARDEN_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
  });
}, 90_000);

afterAll(async () => {
  await warden?.stop();
  await upstream.stop();
});

/**
 * Fastify turns Node's request timeout off, so a client that sent its request a byte a second held its socket (and
 * the body read so far) for as long as the 4 MB body limit lasted. Over raw sockets: a trickled body and trickled
 * headers are both cut off with a 408 and a closed connection.
 */
describe('redteam: clients that send their request a byte a second', () => {
  /**
   * Sends `head` at once, then `trickle` one byte a second; resolves with what the server answered once it closed
   * the connection, or with null if it still had not after PATIENCE_MS.
   */
  function trickle(head: string, rest: string): Promise<string | null> {
    const { hostname, port } = new URL(warden.url);
    return new Promise((resolve) => {
      const socket = net.connect(Number(port), hostname);
      let answer = '';
      let sent = 0;
      const drip = setInterval(() => {
        if (sent < rest.length && socket.writable) socket.write(rest[sent++]);
      }, 1_000);
      const giveUp = setTimeout(() => finish(null), PATIENCE_MS);
      const finish = (result: string | null) => {
        clearInterval(drip);
        clearTimeout(giveUp);
        socket.destroy();
        resolve(result);
      };
      socket.on('connect', () => socket.write(head));
      socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
      socket.on('close', () => finish(answer));
      socket.on('error', () => undefined);
    });
  }

  it('cuts off a body sent a byte a second with 408', async () => {
    const body = JSON.stringify({ input: 'x'.repeat(200) });
    const head =
      `POST /v1/moderations HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${apiKey}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
    const answer = await trickle(head, body);
    expect(answer).not.toBeNull();
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer).toContain('"code":"request_timeout"');
  }, 30_000);

  it('cuts off headers sent a byte a second with 408', async () => {
    const answer = await trickle('GET /health HTTP/1.1\r\nHost: localhost\r\n', 'X-Slow: ' + 'a'.repeat(100));
    expect(answer).not.toBeNull();
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  }, 30_000);

  it('still serves a request sent at once on a fresh connection', async () => {
    const response = await fetch(`${warden.url}/health`);
    expect(response.status).toBeLessThan(500);
  });
});

/**
 * A client that asks for a stream and then stops reading it filled Warden's socket buffer, and the stream writer
 * waited for a 'drain' that never came: the upstream connection (or an engine slot) stayed held for as long as the
 * client kept its socket open. Warden now gives a stalled reader the request timeout, then hangs up on both ends.
 */
describe('redteam: a client that stops reading its stream', () => {
  it('hangs up on the client and the upstream once the client has not read for the request timeout', async () => {
    // Warden cuts off an answer larger than the request can produce (every token at 512 bytes): with the default
    // 512 tokens that limit (1.25 MB) comes before the sockets' buffers fill, so the stall is never reached. A
    // 100,000-token request may produce about 50 MB, far more than the buffers hold.
    await setDemoPolicy(warden, { limits: { maxTokens: 100_000, maxTotalTokens: 110_000 } });
    const { hostname, port } = new URL(warden.url);
    const body = JSON.stringify({
      model: 'endless',
      prompt: 'Tell me a story.',
      max_tokens: 100_000,
      stream: true,
    });
    const socket = net.connect(Number(port), hostname);
    socket.on('error', () => undefined);
    socket.on('connect', () =>
      socket.write(
        `POST /v1/completions HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${apiKey}\r\n` +
          `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
      ),
    );
    const firstBytes = await new Promise<string>((resolve) =>
      socket.once('data', (data) => resolve(data.toString())),
    );
    expect(firstBytes).toMatch(/^HTTP\/1\.1 200 /);
    socket.pause();
    const stoppedReading = Date.now();
    try {
      await eventually(
        async () => upstream.closedAt,
        (closedAt) => closedAt !== null,
        3 * PATIENCE_MS,
      );
    } finally {
      socket.destroy();
    }
    expect(upstream.closedAt! - stoppedReading).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 100);
  }, 90_000);
});
