import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { replyFrom, startRedisServer } from './support/redis-servers';
import { freePort, stopProcess } from './support/warden';

/**
 * The Cluster and Sentinel suites start their own redis-servers on ports the kernel said were free. In a full run
 * another suite can take such a port before redis-server binds it; the server then exits and the suite used to wait
 * 20 s for an answer that never came (a CI run's four Cluster failures, 5 December 2026).
 */
describe('startRedisServer', () => {
  let directory: string;
  let taken: net.Server;
  let takenPort: number;

  beforeAll(async () => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-redis-server-'));
    taken = net.createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    takenPort = (taken.address() as net.AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise((resolve) => taken.close(resolve));
    fs.rmSync(directory, { recursive: true, force: true });
  });

  const argumentsFor = (port: number) => [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    directory,
    '--save',
    '',
  ];
  it('starts again on other ports when a port it was given is taken before the server binds it', async () => {
    const picks = [takenPort];
    const server = await startRedisServer({
      argumentsFor,
      pickPort: async () => picks.shift() ?? freePort(),
    });
    try {
      expect(server.port).not.toBe(takenPort);
      expect(await replyFrom(server.port, 'PING')).toBe('PONG');
    } finally {
      await stopProcess(server.process);
    }
  });

  it("fails with the server's own words when every attempt's port is taken", async () => {
    const started = startRedisServer({ argumentsFor, pickPort: async () => takenPort, attempts: 2 });
    await expect(started).rejects.toThrow(/did not get ready in 2 attempts[\s\S]*Address already in use/);
  });
});
