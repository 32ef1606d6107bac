import http from 'node:http';
import { AddressInfo } from 'node:net';
import { setDemoPolicy } from './support/demo-policy';
import { testApiKey } from './support/keys';
import { eventually, spawnWarden, startWarden, stopProcess } from './support/warden';

/** An upstream that streams one token-sized completion chunk every 200 ms, `max_tokens` of them. */
async function slowStreamingUpstream(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(async (request, response) => {
    let raw = '';
    for await (const chunk of request) raw += chunk;
    const tokens = Number((JSON.parse(raw) as { max_tokens?: number }).max_tokens ?? 16);
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    let sent = 0;
    const timer = setInterval(() => {
      if (response.destroyed) return clearInterval(timer);
      const last = ++sent >= tokens;
      const choice = { index: 0, text: ' and', finish_reason: last ? 'length' : null, logprobs: null };
      response.write(
        `data: ${JSON.stringify({ id: 'cmpl-slow', object: 'text_completion', created: 0, model: 'slow', choices: [choice] })}\n\n`,
      );
      if (last) {
        clearInterval(timer);
        response.end('data: [DONE]\n\n');
      }
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

/** The stream's events (JSON, or the `[DONE]` marker) once it ends, however it ends. */
async function events(response: Response): Promise<Array<Record<string, any> | '[DONE]'>> {
  const text = await response.text().catch(() => '');
  return text
    .split('\n\n')
    .filter((event) => event.startsWith('data: '))
    .map((event) => event.slice('data: '.length))
    .map((data) => (data === '[DONE]' ? '[DONE]' : (JSON.parse(data) as Record<string, any>)));
}

describe('api shutdown', () => {
  it('reports draining, lets a stream near its end finish, ends a long one with an error event, logs both', async () => {
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
      const stream = (maxTokens: number) =>
        fetch(`${api.url}/v1/completions`, {
          method: 'POST',
          headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            model: 'slow',
            prompt: 'Once upon a time',
            max_tokens: maxTokens,
            stream: true,
          }),
        });
      const [short, long] = await Promise.all([stream(8), stream(250)]);
      expect([short.status, long.status]).toEqual([200, 200]);
      const exit = new Promise<number | null>((resolve) => {
        const poll = setInterval(() => {
          try {
            process.kill(api.pid, 0);
          } catch {
            clearInterval(poll);
            resolve(null);
          }
        }, 50);
      });
      process.kill(api.pid, 'SIGTERM');
      // While it drains, the api tells a load balancer to send new calls elsewhere.
      const health = await eventually(
        () =>
          fetch(`${api.url}/health`).then(async (answer) => ({
            code: answer.status,
            connection: answer.headers.get('connection'),
            body: (await answer.json()) as { status: string },
          })),
        (answer) => answer.code === 503,
        2_000,
      );
      expect(health.body.status).toBe('draining');
      // Every answer while it drains closes its connection, so a keep-alive client reconnects (elsewhere).
      expect(health.connection).toBe('close');
      const [shortEvents, longEvents] = await Promise.all([events(short), events(long)]);
      await exit;

      // The short stream (1.6 s) finished within the drain: its last chunk, then [DONE], no error.
      expect(shortEvents.at(-1)).toBe('[DONE]');
      expect(shortEvents.some((event) => event !== '[DONE]' && event.error)).toBe(false);
      expect((shortEvents.at(-2) as Record<string, any>).choices[0].finish_reason).toBe('length');
      // The long one (50 s) was ended, visibly: an error event, then [DONE]. Cut off, a client could not tell.
      expect(longEvents.at(-1)).toBe('[DONE]');
      expect((longEvents.at(-2) as Record<string, any>).error.code).toBe('server_stopping');

      const rows = await eventually(
        () =>
          api.query<{ request_id: string; error_code: string | null }>(
            'SELECT request_id, error_code FROM request_logs ORDER BY created_at',
          ),
        (found) => found.length === 2,
        30_000,
      );
      expect(Object.fromEntries(rows.map((row) => [row.request_id, row.error_code]))).toEqual({
        [short.headers.get('x-request-id')!]: null,
        [long.headers.get('x-request-id')!]: 'server_stopping',
      });
    } finally {
      await stopProcess(worker.child, 'SIGKILL');
      await api.stop();
      await upstream.close();
    }
  }, 180_000);
});
