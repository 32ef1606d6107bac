import http from 'node:http';
import { AddressInfo } from 'node:net';
import { InferenceErrorCode } from './support/error-catalog';
import { testApiKey } from './support/keys';
import { eventually, startWarden, WardenInstance } from './support/warden';

/**
 * A model server that ignores `max_tokens`: it answers a 16-token request with 48 MB of text, or streams without
 * end. Before, Warden read the whole answer into memory and moderated it (or relayed the stream for as long as the
 * server kept sending); the answer is now held to what the request can produce, cut off, and answered as
 * `upstream_bad_response` in the OpenAI envelope, logged like any failed call.
 */
class RunawayUpstream {
  /** Bytes the server managed to hand to its socket, per request. */
  readonly sent: number[] = [];
  private readonly server = http.createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    request.on('end', () => {
      const body = JSON.parse(raw) as { stream?: boolean; prompt?: string };
      if (body.prompt === 'many choices') this.manyChoices(body, response);
      else this.answer(body, response);
    });
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  /** Small answers with choices nobody asked for: 5,000 of them, or a stream's delta for choice 7 of one. */
  private manyChoices(body: { stream?: boolean }, response: http.ServerResponse): void {
    if (body.stream) {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      const delta = (index: number) =>
        `data: ${JSON.stringify({ choices: [{ index, text: ' hello', finish_reason: null }] })}\n\n`;
      response.end(delta(0) + delta(7) + 'data: [DONE]\n\n');
      return;
    }
    const choices = Array.from({ length: 5000 }, (_, index) => ({
      index,
      text: 'hi',
      finish_reason: 'stop',
    }));
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ choices }));
  }

  private answer(body: { stream?: boolean }, response: http.ServerResponse): void {
    const slot = this.sent.push(0) - 1;
    let open = true;
    response.on('close', () => (open = false));
    // Ordinary story text, so that the output filter lets it through and only the size can stop it.
    const words = 'The little dog ran to the park and played with a red ball in the sun. '.repeat(
      body.stream ? 16 : 4096,
    );
    const piece = body.stream
      ? `data: ${JSON.stringify({ choices: [{ index: 0, text: words, finish_reason: null }] })}\n\n`
      : words;
    const limit = body.stream ? Infinity : 48 * 1024 * 1024;
    response.writeHead(200, { 'content-type': body.stream ? 'text/event-stream' : 'application/json' });
    if (!body.stream) response.write('{"choices":[{"index":0,"finish_reason":"length","text":"');
    const pump = () => {
      while (open && this.sent[slot] < limit) {
        this.sent[slot] += piece.length;
        if (!response.write(piece)) return void response.once('drain', pump);
      }
      if (open) response.end('"}]}');
    };
    pump();
  }
}

describe('a model server that ignores max_tokens', () => {
  const upstream = new RunawayUpstream();
  const apiKey = testApiKey();
  let warden: WardenInstance;

  beforeAll(async () => {
    warden = await startWarden('redteam-upstream-answers', {
      WARDEN_INIT_API_KEY: apiKey,
      WARDEN_UPSTREAM_URL: await upstream.start(),
      WARDEN_UPSTREAM_MODELS: 'house-model=runaway',
      WARDEN_UPSTREAM_TIMEOUT_MS: '5000',
      WARDEN_EMBEDDED_MODELS: '',
    });
  }, 240_000);

  afterAll(async () => {
    await warden?.stop();
    await upstream.stop();
  });

  function complete(stream: boolean, prompt = 'Tell me a story.'): Promise<Response> {
    return fetch(`${warden.url}/v1/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'house-model', prompt, max_tokens: 16, stream }),
      signal: AbortSignal.timeout(60_000),
    });
  }

  async function loggedError(requestId: string): Promise<string | null> {
    const [row] = await eventually(
      () =>
        warden.query<{ error_code: string | null }>(
          'SELECT error_code FROM request_logs WHERE request_id = $1',
          [requestId],
        ),
      (rows) => rows.length === 1,
    );
    return row.error_code;
  }

  it('answers a 48 MB answer to a 16-token request with 502 upstream_bad_response, cut off early', async () => {
    const response = await complete(false);
    expect(response.status).toBe(502);
    const body = (await response.json()) as { error: { code: string; type: string; message: string } };
    expect(body.error.code).toBe(InferenceErrorCode.UpstreamBadResponse);
    expect(body.error.message).toContain('larger than this request can produce');
    expect(upstream.sent[0]).toBeLessThan(16 * 1024 * 1024);
    expect(await loggedError(response.headers.get('x-request-id')!)).toBe(
      InferenceErrorCode.UpstreamBadResponse,
    );
    const health = await fetch(`${warden.url}/health`);
    expect(health.status).toBe(200);
  }, 120_000);

  it('ends a stream that would never end with an error event, and closes the upstream connection', async () => {
    const response = await complete(true);
    expect(response.status).toBe(200);
    const events = (await response.text()).split('\n\n').filter((event) => event.startsWith('data: '));
    expect(events.length).toBeGreaterThan(10); // the text was relayed until the limit
    expect(events.at(-1)).toBe('data: [DONE]');
    const last = JSON.parse(events.at(-2)!.slice('data: '.length)) as { error?: { code: string } };
    expect(last.error?.code).toBe(InferenceErrorCode.UpstreamBadResponse);
    expect(await loggedError(response.headers.get('x-request-id')!)).toBe(
      InferenceErrorCode.UpstreamBadResponse,
    );
    const sentThen = upstream.sent[1];
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(upstream.sent[1]).toBe(sentThen); // the upstream connection is gone: nothing more is written
  }, 120_000);

  it('refuses choices the request did not ask for, whole or streamed', async () => {
    const whole = await complete(false, 'many choices');
    expect(whole.status).toBe(502);
    const body = (await whole.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe(InferenceErrorCode.UpstreamBadResponse);
    expect(body.error.message).toContain('choices the request did not ask for');

    const streamed = await complete(true, 'many choices');
    const events = (await streamed.text()).split('\n\n').filter((event) => event.startsWith('data: '));
    const texts = events.slice(0, -1).map(
      (event) =>
        JSON.parse(event.slice('data: '.length)) as {
          choices?: Array<{ index: number }>;
          error?: { code: string };
        },
    );
    expect(texts.flatMap((chunk) => chunk.choices ?? []).every((choice) => choice.index === 0)).toBe(true);
    expect(texts.at(-1)?.error?.code).toBe(InferenceErrorCode.UpstreamBadResponse);
  }, 120_000);
});
