import net from 'node:net';
import { testApiKey } from './support/keys';
import { startWarden, WardenInstance } from './support/warden';

/** How long the suite's Warden gives a client to send a request, and how long the test waits for it to act. */
const REQUEST_TIMEOUT_MS = 2_000;
const PATIENCE_MS = 20_000;

/**
 * Fastify turns Node's request timeout off, so a client that sent its request a byte a second held its socket (and
 * the body read so far) for as long as the 4 MB body limit lasted. Over raw sockets: a trickled body and trickled
 * headers are both cut off with a 408 and a closed connection.
 */
describe('redteam: clients that send their request a byte a second', () => {
  const apiKey = testApiKey();
  let warden: WardenInstance;

  beforeAll(async () => {
    warden = await startWarden('redteam-slow-clients', {
      WARDEN_INIT_API_KEY: apiKey,
      WARDEN_EMBEDDED_MODELS: '',
      WARDEN_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
    });
  }, 90_000);

  afterAll(async () => {
    await warden?.stop();
  });

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
