import { ChildProcess, spawn } from 'node:child_process';
import Redis from 'ioredis';
import { freePort } from './warden';

/**
 * One command's reply from the Redis server (or Sentinel) on a loopback port, or null while nothing there answers
 * it yet: for waiting on servers a suite starts itself.
 */
export async function replyFrom(port: number, command: string, ...args: string[]): Promise<unknown> {
  const client = new Redis({
    host: '127.0.0.1',
    port,
    lazyConnect: true,
    retryStrategy: () => null,
    // Whatever else holds the port may accept and never answer.
    connectTimeout: 2_000,
    commandTimeout: 2_000,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return await client.call(command, ...args);
  } catch {
    return null;
  } finally {
    client.disconnect();
  }
}

export interface LoopbackRedis {
  port: number;
  /** A second port of its own, for a Cluster node's bus. */
  busPort: number;
  process: ChildProcess;
}

export interface LoopbackRedisOptions {
  /** redis-server's arguments for the ports picked. */
  argumentsFor: (port: number, busPort: number) => string[];
  /**
   * Whether the server on `port`, once it answers as this process, is ready; polled until it is, the server exits or
   * `timeoutMs` passes. Ready when it answers, if not given.
   */
  ready?: (port: number) => Promise<boolean>;
  /** Where the ports come from (the kernel's free ones unless a spec says otherwise). */
  pickPort?: () => Promise<number>;
  attempts?: number;
  timeoutMs?: number;
}

/**
 * A redis-server a suite starts on loopback. The ports come free from the kernel but are only bound when the server
 * starts, so another suite's server or an outgoing connection can take one first: redis-server then exits
 * ("Address already in use"), and it is started again on other ports. Whatever holds the port may be a Redis too,
 * so the server counts as up only when the one answering there names this process. A server that never gets ready
 * fails with its own output.
 */
export async function startRedisServer(options: LoopbackRedisOptions): Promise<LoopbackRedis> {
  const {
    argumentsFor,
    ready = async () => true,
    pickPort = freePort,
    attempts = 3,
    timeoutMs = 20_000,
  } = options;
  const failures: string[] = [];
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const [port, busPort] = [await pickPort(), await pickPort()];
    const child = spawn('redis-server', argumentsFor(port, busPort), { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-2_000));
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const deadline = Date.now() + timeoutMs;
    while (child.exitCode === null && child.signalCode === null && Date.now() < deadline) {
      if ((await answersAs(port, child.pid)) && (await ready(port))) {
        child.stdout?.removeListener('data', collect);
        child.stderr?.removeListener('data', collect);
        child.stdout?.resume();
        child.stderr?.resume();
        return { port, busPort, process: child };
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 100))]);
    }
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
    failures.push(`attempt ${attempt} on ports ${port}/${busPort}:\n${output.trim()}`);
  }
  throw new Error(`redis-server did not get ready in ${attempts} attempts\n${failures.join('\n')}`);
}

async function answersAs(port: number, pid: number | undefined): Promise<boolean> {
  const info = await replyFrom(port, 'INFO', 'server');
  return typeof info === 'string' && new RegExp(`^process_id:${pid}\\r?$`, 'm').test(info);
}
