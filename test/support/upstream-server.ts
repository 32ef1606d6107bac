import http from 'node:http';
import { AddressInfo } from 'node:net';
import { startWarden, WardenInstance } from './warden';

export interface ReceivedRequest {
  path: string;
  authorization?: string;
  body: Record<string, unknown>;
}

/**
 * A real OpenAI-compatible completions server on loopback standing in for an LLM (vLLM, llama.cpp, OpenAI).
 * Its answer is a deterministic function of the prompt (for chat: of the last message's text); prompts starting
 * with `trigger:` ask for failures.
 */
export class UpstreamServer {
  readonly received: ReceivedRequest[] = [];
  private server?: http.Server;
  private holding = false;
  private readonly held: Array<() => void> = [];

  async start(): Promise<string> {
    this.server = http.createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  /** Requests wait unanswered from now until release(): a test picks the moment the answers arrive. */
  hold(): void {
    this.holding = true;
  }

  release(): void {
    this.holding = false;
    for (const answer of this.held.splice(0)) answer();
  }

  /** The words the upstream answers with for a prompt; tests compare against it. */
  static answer(prompt: string, maxTokens: number): string[] {
    const words = ` upstream heard: ${prompt}`.split(/(?= )/);
    return words.slice(0, maxTokens);
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    let raw = '';
    for await (const chunk of request) {
      raw += chunk;
    }
    const body = JSON.parse(raw || '{}') as Record<string, unknown>;
    this.received.push({ path: request.url ?? '', authorization: request.headers.authorization, body });
    if (this.holding) {
      await new Promise<void>((resolve) => this.held.push(resolve));
    }
    if (request.url === '/v1/chat/completions') {
      return this.chat(body, response);
    }
    if (request.url !== '/v1/completions') {
      return this.json(response, 404, { error: { message: 'not found', type: 'invalid_request_error' } });
    }
    const prompt = String(Array.isArray(body.prompt) ? body.prompt[0] : body.prompt);
    const maxTokens = Number(body.max_tokens ?? 16);
    switch (prompt) {
      case 'trigger:500':
        return this.json(response, 500, { error: { message: 'the GPU caught fire', type: 'server_error' } });
      case 'trigger:400':
        return this.json(response, 400, {
          error: { message: 'max_tokens is too large for this model', type: 'invalid_request_error' },
        });
      case 'trigger:429':
        return this.json(response, 429, { error: { message: 'slow down', type: 'rate_limit_error' } });
      case 'trigger:malformed':
        return this.json(response, 200, { choices: [null] });
      case 'trigger:not-json':
        response.writeHead(200, { 'content-type': 'text/html' });
        response.end('<html><body>502 Bad Gateway from a misconfigured proxy</body></html>');
        return;
      case 'trigger:500-leaky':
        return this.json(response, 500, {
          error: {
            message: 'auth failed for Bearer sk-live-ABCDEF0123456789 at 10.0.0.7',
            type: 'server_error',
          },
        });
      case 'trigger:slow':
        return; // never answers: the client's timeout must fire
    }
    const words = UpstreamServer.answer(prompt, maxTokens);
    const finish = words.length < maxTokens ? 'stop' : 'length';
    const usage = {
      prompt_tokens: prompt.split(' ').length,
      completion_tokens: words.length,
      total_tokens: prompt.split(' ').length + words.length,
    };
    const base = {
      id: 'cmpl-upstream',
      object: 'text_completion',
      created: Math.floor(Date.now() / 1000),
      model: body.model,
    };
    if (!body.stream) {
      const n = Number(body.n ?? 1);
      const choices = Array.from({ length: n }, (_, index) => ({
        index,
        text: words.join(''),
        finish_reason: finish,
        logprobs: null,
      }));
      return this.json(response, 200, { ...base, choices, usage });
    }
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    for (const word of words) {
      response.write(
        `data: ${JSON.stringify({ ...base, choices: [{ index: 0, text: word, finish_reason: null, logprobs: null }] })}\n\n`,
      );
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    response.write(
      `data: ${JSON.stringify({ ...base, choices: [{ index: 0, text: '', finish_reason: finish, logprobs: null }] })}\n\n`,
    );
    if ((body.stream_options as { include_usage?: boolean } | undefined)?.include_usage) {
      response.write(`data: ${JSON.stringify({ ...base, choices: [], usage })}\n\n`);
    }
    response.end('data: [DONE]\n\n');
  }

  /** The chat endpoint: answers the last message's text in OpenAI's chat shapes, logprobs included when asked. */
  private async chat(body: Record<string, unknown>, response: http.ServerResponse): Promise<void> {
    const messages = body.messages as Array<{ content: string | Array<{ type: string; text?: string }> }>;
    const last = messages.at(-1)!.content;
    const prompt = typeof last === 'string' ? last : last.map((part) => part.text ?? '').join('');
    if (prompt === 'trigger:500') {
      return this.json(response, 500, { error: { message: 'the GPU caught fire', type: 'server_error' } });
    }
    const maxTokens = Number(body.max_completion_tokens ?? body.max_tokens ?? 16);
    const words = UpstreamServer.answer(prompt, maxTokens);
    const finish = words.length < maxTokens ? 'stop' : 'length';
    const logprobs = (tokens: string[]) =>
      body.logprobs
        ? {
            content: tokens.map((token) => ({
              token,
              logprob: -0.5,
              bytes: [...Buffer.from(token)],
              top_logprobs: [{ token, logprob: -0.5, bytes: [...Buffer.from(token)] }],
            })),
            refusal: null,
          }
        : null;
    const usage = { prompt_tokens: 7, completion_tokens: words.length, total_tokens: 7 + words.length };
    const base = { id: 'chatcmpl-upstream', created: Math.floor(Date.now() / 1000), model: body.model };
    if (!body.stream) {
      const choices = Array.from({ length: Number(body.n ?? 1) }, (_, index) => ({
        index,
        message: { role: 'assistant', content: words.join(''), refusal: null },
        logprobs: logprobs(words),
        finish_reason: finish,
      }));
      return this.json(response, 200, { ...base, object: 'chat.completion', choices, usage });
    }
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) =>
      `data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices, ...extra })}\n\n`;
    response.write(chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]));
    for (const word of words) {
      response.write(
        chunk([{ index: 0, delta: { content: word }, logprobs: logprobs([word]), finish_reason: null }]),
      );
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    response.write(chunk([{ index: 0, delta: {}, finish_reason: finish }]));
    if ((body.stream_options as { include_usage?: boolean } | undefined)?.include_usage) {
      response.write(chunk([], { usage }));
    }
    response.end('data: [DONE]\n\n');
  }

  private json(response: http.ServerResponse, status: number, body: unknown): void {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  }
}

/**
 * A Warden whose one model is `house-model`, served by this upstream (no embedded engine), as most /v1 suites run
 * it; `env` holds the suite's own settings. The suite stops both.
 */
export async function startWardenServedBy(
  upstream: UpstreamServer,
  label: string,
  env: NodeJS.ProcessEnv = {},
): Promise<WardenInstance> {
  return startWarden(label, {
    ...env,
    WARDEN_UPSTREAM_URL: await upstream.start(),
    WARDEN_UPSTREAM_MODELS: 'house-model',
    WARDEN_EMBEDDED_MODELS: '',
  });
}
