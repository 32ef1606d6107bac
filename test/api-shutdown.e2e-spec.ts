import http from 'node:http';
import { AddressInfo } from 'node:net';
import { setDemoPolicy } from './support/demo-policy';
import { testApiKey } from './support/keys';
import { eventually, spawnWarden, startWarden, stopProcess } from './support/warden';

/** An upstream that streams one short completion chunk every 200 ms for a minute. */
async function slowStreamingUpstream(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    request.resume();
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    let sent = 0;
    const timer = setInterval(() => {
      if (response.destroyed || sent++ >= 300) {
        clearInterval(timer);
        response.end('data: [DONE]\n\n');
        return;
      }
      response.write(
        `data: ${JSON.stringify({
          id: 'cmpl-slow',
          object: 'text_completion',
          created: 0,
          model: 'slow',
          choices: [{ index: 0, text: ' and then', finish_reason: null, logprobs: null }],
        })}\n\n`,
      );
    }, 200);
    response.on('close', () => clearInterval(timer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('api shutdown', () => {
  it('ends a stream in flight when the api stops, and keeps its request log', async () => {
    const apiKey = testApiKey();
    const upstream = await slowStreamingUpstream();
    const api = await startWarden(
      'api_stop',
      {
        WARDEN_INIT_API_KEY: apiKey,
        WARDEN_UPSTREAM_URL: upstream.url,
        WARDEN_UPSTREAM_MODELS: 'slow',
        WARDEN_EMBEDDED_MODELS: '',
      },
      ['api'],
    );
    const worker = spawnWarden(api.env, ['worker']);
    try {
      await setDemoPolicy(api, { requireUser: false });
      const response = await fetch(`${api.url}/v1/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'slow', prompt: 'Once upon a time', max_tokens: 256, stream: true }),
      });
      expect(response.status).toBe(200);
      const requestId = response.headers.get('x-request-id');
      const reader = response.body!.getReader();
      await reader.read();

      const exited = new Promise<void>((resolve) => {
        const poll = setInterval(() => {
          try {
            process.kill(api.pid, 0);
          } catch {
            clearInterval(poll);
            resolve();
          }
        }, 50);
      });
      process.kill(api.pid, 'SIGTERM');
      // The stream ends (the api does not wait out its grace period for a client still reading) ...
      while (!(await reader.read().catch(() => ({ done: true }))).done);
      await exited;
      // ... and what was already sent is on record: the worker persists the log the api handed to Redis.
      const rows = await eventually(
        () =>
          api.query<{ request_id: string; status_code: number }>(
            `SELECT request_id, status_code FROM request_logs`,
          ),
        (found) => found.length === 1,
        30_000,
      );
      expect(rows).toEqual([{ request_id: requestId, status_code: 200 }]);
    } finally {
      await stopProcess(worker.child, 'SIGKILL');
      await api.stop();
      await upstream.close();
    }
  }, 180_000);
});
