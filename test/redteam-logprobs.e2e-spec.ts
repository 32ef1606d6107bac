import http from 'node:http';
import { AddressInfo } from 'node:net';
import { RED_TEAM_POLICY, setDemoPolicy } from './support/demo-policy';
import { testApiKey } from './support/keys';
import { postJson } from './support/review-api';
import { startWarden, WardenInstance } from './support/warden';

/** The upstream's answer; its last token's runner-up is the blocklisted word unless the prompt is `clean`. */
const TOKENS = [' I', ' like', ' tea'];
const runnerUp = (prompt: string) => (prompt === 'clean' ? ' water' : ' coffee');

/**
 * A loopback OpenAI-compatible model server whose answers carry `logprobs` with alternative tokens, as vLLM and
 * OpenAI send them: completions (whole and streamed) and chat.
 */
function startUpstream(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => (raw += chunk));
    request.on('end', () => {
      const body = JSON.parse(raw || '{}') as Record<string, unknown>;
      const created = Math.floor(Date.now() / 1000);
      if (request.url === '/v1/chat/completions') {
        const messages = body.messages as Array<{ content: string }>;
        const alternative = runnerUp(messages[messages.length - 1].content);
        const entry = (token: string, logprob: number) => ({
          token,
          logprob,
          bytes: [...Buffer.from(token)],
        });
        response.setHeader('content-type', 'application/json');
        response.end(
          JSON.stringify({
            id: 'chatcmpl-stub',
            object: 'chat.completion',
            created,
            model: body.model,
            choices: [
              {
                index: 0,
                message: { role: 'assistant', content: TOKENS.join('') },
                finish_reason: 'stop',
                logprobs: {
                  content: TOKENS.map((token, index) => ({
                    ...entry(token, -0.1),
                    top_logprobs:
                      index === TOKENS.length - 1
                        ? [entry(token, -0.1), entry(alternative, -2.5)]
                        : [entry(token, -0.1)],
                  })),
                },
              },
            ],
            usage: { prompt_tokens: 3, completion_tokens: 3, total_tokens: 6 },
          }),
        );
        return;
      }
      const alternative = runnerUp(String(body.prompt));
      let offset = 0;
      const logprobsOf = (token: string, index: number) => {
        const entry = {
          tokens: [token],
          token_logprobs: [-0.1],
          top_logprobs: [
            index === TOKENS.length - 1 ? { [token]: -0.1, [alternative]: -2.5 } : { [token]: -0.1 },
          ],
          text_offset: [offset],
        };
        offset += token.length;
        return entry;
      };
      const base = { id: 'cmpl-stub', object: 'text_completion', created, model: body.model };
      if (!body.stream) {
        const pieces = TOKENS.map(logprobsOf);
        response.setHeader('content-type', 'application/json');
        response.end(
          JSON.stringify({
            ...base,
            choices: [
              {
                index: 0,
                text: TOKENS.join(''),
                finish_reason: 'stop',
                logprobs: {
                  tokens: pieces.flatMap((piece) => piece.tokens),
                  token_logprobs: pieces.flatMap((piece) => piece.token_logprobs),
                  top_logprobs: pieces.flatMap((piece) => piece.top_logprobs),
                  text_offset: pieces.flatMap((piece) => piece.text_offset),
                },
              },
            ],
            usage: { prompt_tokens: 1, completion_tokens: 3, total_tokens: 4 },
          }),
        );
        return;
      }
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      TOKENS.forEach((token, index) => {
        const choice = { index: 0, text: token, finish_reason: null, logprobs: logprobsOf(token, index) };
        response.write(`data: ${JSON.stringify({ ...base, choices: [choice] })}\n\n`);
      });
      const last = { index: 0, text: '', finish_reason: 'stop', logprobs: null };
      response.write(`data: ${JSON.stringify({ ...base, choices: [last] })}\n\n`);
      response.end('data: [DONE]\n\n');
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    ),
  );
}

interface CompletionChoice {
  text: string;
  logprobs: { tokens: string[]; top_logprobs: Array<Record<string, number>> } | null;
}

/**
 * `logprobs` list the runners-up of every sampled token: what the model would have written instead. Output
 * moderation read only the sampled text, so a blocklisted word (or a slur, or an address) the policy never lets
 * through reached the client as an alternative token.
 */
describe('redteam: alternative tokens in logprobs are moderated like the output', () => {
  const apiKey = testApiKey();
  let warden: WardenInstance;
  let upstream: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    upstream = await startUpstream();
    warden = await startWarden('redteam-logprobs', {
      WARDEN_INIT_API_KEY: apiKey,
      WARDEN_UPSTREAM_URL: upstream.url,
      WARDEN_UPSTREAM_API_KEY: 'upstream-secret',
      WARDEN_UPSTREAM_MODELS: 'house-model=real-upstream-model',
      WARDEN_EMBEDDED_MODELS: '',
    });
    await setDemoPolicy(warden, RED_TEAM_POLICY);
  }, 90_000);

  afterAll(async () => {
    await warden?.stop();
    await upstream?.close();
  });

  const post = <T = Record<string, any>>(path: string, body: object) =>
    postJson<T>(warden.url, `/v1/${path}`, apiKey, { model: 'house-model', max_tokens: 8, ...body });

  async function complete(prompt: string): Promise<CompletionChoice> {
    const response = await post<{ choices: CompletionChoice[] }>('completions', { prompt, logprobs: 2 });
    expect(response.status).toBe(200);
    return response.body.choices[0];
  }

  /** Every chunk's choice of a streamed completion. */
  async function stream(prompt: string): Promise<CompletionChoice[]> {
    const response = await post<string>('completions', { prompt, logprobs: 2, stream: true });
    expect(response.status).toBe(200);
    return response.body
      .split('\n\n')
      .filter((event) => event.startsWith('data: {'))
      .flatMap((event) => (JSON.parse(event.slice(6)) as { choices: CompletionChoice[] }).choices);
  }

  it('returns the alternatives when none of them is refused', async () => {
    const choice = await complete('clean');
    expect(choice.text).toBe(TOKENS.join(''));
    expect(choice.logprobs?.top_logprobs[2]).toHaveProperty([' water']);
  });

  it('drops the logprobs of a completion whose runner-up token is blocklisted, keeping its text', async () => {
    const choice = await complete('what do you like to drink?');
    expect(choice.text).toBe(TOKENS.join(''));
    expect(JSON.stringify(choice)).not.toContain('coffee');
  });

  it('never streams a blocklisted runner-up token', async () => {
    const clean = await stream('clean');
    expect(JSON.stringify(clean)).toContain(' water');
    const choices = await stream('what do you like to drink?');
    expect(choices.map((choice) => choice.text).join('')).toBe(TOKENS.join(''));
    expect(JSON.stringify(choices)).not.toContain('coffee');
  });

  it('drops chat logprobs whose top_logprobs hold a blocklisted token', async () => {
    const request = (content: string) =>
      post('chat/completions', { messages: [{ role: 'user', content }], logprobs: true, top_logprobs: 2 });
    const clean = await request('clean');
    expect(clean.status).toBe(200);
    expect(JSON.stringify(clean.body)).toContain(' water');
    const response = await request('what do you like to drink?');
    expect(response.status).toBe(200);
    const body = response.body;
    expect(body.choices[0].message.content).toBe(TOKENS.join(''));
    expect(JSON.stringify(body)).not.toContain('coffee');
  });
});
