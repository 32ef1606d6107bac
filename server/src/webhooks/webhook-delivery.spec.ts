import http from 'node:http';
import { AddressInfo } from 'node:net';
import { postWebhook } from './webhook-delivery';

const post = { headers: { 'content-type': 'application/json' }, body: '{"id":"d1"}', timeoutMs: 1_000 };

describe('postWebhook', () => {
  let server: http.Server;
  let hits: string[];
  let port: number;

  beforeAll(async () => {
    hits = [];
    server = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        hits.push(body);
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  beforeEach(() => (hits = []));

  it('posts the delivery and answers the status when private targets are allowed', async () => {
    await expect(postWebhook(`http://127.0.0.1:${port}/hook`, true, post)).resolves.toBe(204);
    expect(hits).toEqual(['{"id":"d1"}']);
  });

  it('refuses a name that resolves to a private address without connecting', async () => {
    await expect(
      postWebhook(`http://localhost:${port}/hook`, false, post, async () => ['127.0.0.1']),
    ).rejects.toThrow(/a loopback address/);
    expect(hits).toEqual([]);
  });

  it('connects to the address it checked, not to what the name resolves to a moment later (DNS rebinding)', async () => {
    let lookups = 0;
    // A rebinding name server: a public address for the check, then the server's own loopback.
    const rebinding = async () => (lookups++ === 0 ? ['192.0.2.1'] : ['127.0.0.1']);
    await postWebhook(`http://localhost:${port}/hook`, false, post, rebinding).catch(() => undefined);
    expect(hits).toEqual([]);
  });
});
