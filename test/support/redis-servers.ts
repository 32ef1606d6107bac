import Redis from 'ioredis';

/**
 * One command's reply from the Redis server (or Sentinel) on a loopback port, or null while nothing there answers
 * it yet: for waiting on servers a suite starts itself.
 */
export async function replyFrom(port: number, command: string, ...args: string[]): Promise<unknown> {
  const client = new Redis({ host: '127.0.0.1', port, lazyConnect: true, retryStrategy: () => null });
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
