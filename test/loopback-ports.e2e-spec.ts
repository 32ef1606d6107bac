import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { replyFrom, startRedisServer } from './support/redis-servers';
import {
  createDatabase,
  deleteRedisPrefix,
  dropDatabase,
  freePort,
  isolatedEnvironment,
  spawnOnFreePort,
  stopProcess,
  TEMPLATE_VARIABLE,
} from './support/warden';

/**
 * Suites start servers on ports the kernel said were free. In a full run another suite's server or an outgoing
 * connection can take such a port before the server binds it; the server then exits, and the suite used to wait for an
 * answer that never came (a CI run's four Cluster failures, 5 December 2026). Here the first port given is held.
 */
let taken: net.Server;
let takenPort: number;

beforeAll(async () => {
  taken = net.createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  takenPort = (taken.address() as net.AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => taken.close(resolve));
});

describe('startRedisServer', () => {
  let directory: string;

  beforeAll(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-redis-server-'));
  });

  afterAll(() => {
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

describe("a suite's Warden", () => {
  it('starts again on another port when the one it was given is taken before it listens', async () => {
    const isolated = isolatedEnvironment('loopback-ports');
    await createDatabase(isolated.databaseUrl, process.env[TEMPLATE_VARIABLE]!);
    const picks = [takenPort];
    const pickPort = async () => picks.shift() ?? freePort();
    const started = await spawnOnFreePort(isolated.env, [], { pickPort });
    try {
      expect(started.env.PORT).not.toBe(String(takenPort));
      expect((await fetch(`${started.url}/health`)).status).toBe(200);
    } finally {
      await stopProcess(started.child);
      await dropDatabase(isolated.databaseUrl);
      await deleteRedisPrefix(isolated.env.WARDEN_REDIS_PREFIX!);
    }
  });
});
