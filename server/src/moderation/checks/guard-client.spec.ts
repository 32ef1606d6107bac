import http from 'node:http';
import { AddressInfo } from 'node:net';
import { GuardCallError, GuardFailureCode, postJson } from './guard-client';

/** A guard endpoint on loopback that answers with `pages` × 64 KB, written as fast as the client reads. */
function floodingGuard(pages: number): { start(): Promise<string>; stop(): Promise<void>; sent(): number } {
  let sent = 0;
  const page = 'x'.repeat(64 * 1024);
  const server = http.createServer((_request, response) => {
    let open = true;
    response.on('close', () => (open = false));
    response.writeHead(200, { 'content-type': 'application/json' });
    const pump = () => {
      while (open && sent < pages) {
        sent++;
        if (!response.write(page)) return void response.once('drain', pump);
      }
      if (open) response.end();
    };
    _request.resume();
    _request.on('end', pump);
  });
  return {
    async start() {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
    sent: () => sent,
  };
}

describe('guard postJson', () => {
  it('does not read an answer past its limit into memory: a malformed_response, the connection dropped', async () => {
    const guard = floodingGuard(2048); // 128 MB
    const baseUrl = await guard.start();
    try {
      const failure = await postJson({ baseUrl, timeoutMs: 30_000 }, '/v1/chat/completions', {}).then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(failure).toBeInstanceOf(GuardCallError);
      expect((failure as GuardCallError).code).toBe(GuardFailureCode.Malformed);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(guard.sent()).toBeLessThan(1024); // it stopped well before the 128 MB were sent
    } finally {
      await guard.stop();
    }
  }, 60_000);
});
