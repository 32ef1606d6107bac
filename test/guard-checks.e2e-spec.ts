import http from 'node:http';
import { AddressInfo } from 'node:net';
import { testApiKey } from './support/keys';
import { postJson } from './support/review-api';
import { eventually, loggedVerdicts, runCli, startWarden, WardenInstance } from './support/warden';
import { OPENAI_CATEGORIES } from '../server/src/moderation/moderation.types';

interface ChatMessage {
  role: string;
  content: string;
}

interface Received {
  path: string;
  authorization?: string;
  body: Record<string, any>;
}

/**
 * A loopback guard service speaking the wire formats byte for byte: a vLLM-style `/v1/chat/completions` serving
 * Llama Guard 3 (`\n\nunsafe\nS9`) or ShieldGemma (one token with top log-probabilities), and OpenAI's
 * `/v1/moderations`. Its judgement is a function of marker words in the text, so tests choose the answer.
 */
class GuardStub {
  readonly received: Received[] = [];
  private server?: http.Server;

  async start(): Promise<string> {
    this.server = http.createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    let raw = '';
    for await (const chunk of request) raw += chunk;
    const body = JSON.parse(raw || '{}') as Record<string, any>;
    this.received.push({ path: request.url ?? '', authorization: request.headers.authorization, body });
    const text =
      request.url === '/v1/moderations'
        ? (body.input as string[]).join(' ')
        : (body.messages as ChatMessage[]).map((message) => message.content).join(' ');
    if (text.includes('slow guard')) return; // never answers: Warden's timeout must fire
    if (text.includes('broken guard')) {
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(
        '{"object":"error","message":"CUDA out of memory","type":"InternalServerError","code":500}',
      );
      return;
    }
    if (request.url === '/v1/moderations') return this.moderations(response, body);
    if (request.url !== '/v1/chat/completions') {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end('{"error":{"message":"not found","type":"invalid_request_error"}}');
      return;
    }
    if (String(body.model).startsWith('shieldgemma')) return this.shieldGemma(response, body, text);
    return this.llamaGuard(response, body);
  }

  /** Llama Guard judges the last turn of the conversation it is given, read as words (line breaks are spaces). */
  private llamaGuard(response: http.ServerResponse, body: Record<string, any>): void {
    const messages = body.messages as ChatMessage[];
    const last = messages[messages.length - 1].content.replace(/\s+/g, ' ');
    let content = '\n\nsafe';
    if (last.includes('pipe bomb')) content = '\n\nunsafe\nS9';
    else if (last.includes('zq-plot zq-target')) content = '\n\nunsafe\nS9';
    else if (last.includes('exterminate')) content = '\n\nunsafe\nS1,S10';
    else if (last.includes('zq-hate')) content = '\n\nunsafe\nS10';
    else if (last.includes('zq-elections')) content = '\n\nunsafe\nS13';
    else if (messages[0].role === 'user' && messages.length === 2 && last.includes('Lily')) {
      content = this.outputVerdict;
    }
    this.chat(response, body, content, null);
  }

  /** Set by tests: what Llama Guard says about generated stories (the agent turn). */
  outputVerdict = '\n\nsafe';

  private shieldGemma(response: http.ServerResponse, body: Record<string, any>, text: string): void {
    const policy = /\* "([^"]+)"/.exec(text)?.[1] ?? '';
    const harmful =
      (policy === 'No Dangerous Content' && text.includes('zq-danger')) ||
      (policy === 'No Hate Speech' && text.includes('exterminate'));
    const yes = harmful ? -0.0513 : -4.2687;
    const no = harmful ? -2.9957 : -0.0141;
    const top = [
      { token: 'Yes', logprob: yes, bytes: [89, 101, 115] },
      { token: 'No', logprob: no, bytes: [78, 111] },
      { token: ' Yes', logprob: -9.1, bytes: [32, 89, 101, 115] },
    ].sort((a, b) => b.logprob - a.logprob);
    const logprobs = body.logprobs ? { content: [{ ...top[0], top_logprobs: top }] } : null;
    this.chat(response, body, top[0].token, logprobs);
  }

  private chat(
    response: http.ServerResponse,
    body: Record<string, any>,
    content: string,
    logprobs: unknown,
  ): void {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        id: 'chatcmpl-8d2a4c1f0b7e4a43b2c1f0e9d8c7b6a5',
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: body.model,
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content, tool_calls: [] },
            logprobs,
            finish_reason: 'stop',
            stop_reason: null,
          },
        ],
        usage: { prompt_tokens: 212, total_tokens: 217, completion_tokens: 5 },
        prompt_logprobs: null,
      }),
    );
  }

  private moderations(response: http.ServerResponse, body: Record<string, any>): void {
    const inputs = body.input as string[];
    const results = inputs.map((input) => {
      const scores = Object.fromEntries(OPENAI_CATEGORIES.map((category) => [category, 0.000012]));
      if (input.includes('zq-harass')) scores.harassment = 0.9731;
      if (input.replace(/\s+/g, ' ').includes('zq-hound them')) scores['harassment/threatening'] = 0.9412;
      const flagged = Object.values(scores).some((score) => score > 0.5);
      return {
        flagged,
        categories: Object.fromEntries(
          OPENAI_CATEGORIES.map((category) => [category, scores[category] > 0.5]),
        ),
        category_scores: scores,
        category_applied_input_types: Object.fromEntries(
          OPENAI_CATEGORIES.map((category) => [category, ['text']]),
        ),
      };
    });
    const answered = inputs.some((input) => input.includes('zq-short')) ? results.slice(1) : results;
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        id: 'modr-2b1e0c5a9f',
        model: body.model ?? 'omni-moderation-latest',
        results: answered,
      }),
    );
  }
}

interface Verdict {
  check: string;
  category: string;
  score: number;
  triggered: boolean;
  action: string;
  hazards?: string[];
  failure?: { mode: string; reason: string };
}

describe('guard checks (LLM guard and upstream moderation) against loopback guard services', () => {
  const stub = new GuardStub();
  const apiKey = testApiKey();
  let warden: WardenInstance;
  let applicationId: string;

  beforeAll(async () => {
    const url = await stub.start();
    warden = await startWarden('guard-checks', {
      WARDEN_INIT_API_KEY: apiKey,
      WARDEN_GUARD_URL: url,
      WARDEN_GUARD_MODEL: 'meta-llama/Llama-Guard-3-8B',
      WARDEN_GUARD_API_KEY: 'guard-secret',
      WARDEN_GUARD_TIMEOUT_MS: '2000',
      WARDEN_UPSTREAM_MODERATION_URL: url,
      WARDEN_UPSTREAM_MODERATION_MODEL: 'omni-moderation-latest',
      WARDEN_UPSTREAM_MODERATION_TIMEOUT_MS: '2000',
    });
    [{ id: applicationId }] = await warden.query<{ id: string }>(
      `SELECT id FROM applications WHERE name = 'Demo application'`,
    );
  });

  afterAll(async () => {
    await warden?.stop();
    await stub.stop();
  });

  beforeEach(() => {
    stub.received.length = 0;
  });

  async function setPolicy(patch: unknown): Promise<void> {
    const result = await runCli(warden.env, ['policies:set', applicationId, JSON.stringify(patch)]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  }

  async function moderate(input: string | string[]) {
    const response = await postJson<{ results: Array<Record<string, any>> }>(
      warden.url,
      '/v1/moderations',
      apiKey,
      { input },
    );
    expect(response.status).toBe(200);
    return { requestId: response.requestId, results: response.body.results };
  }

  const post = (path: string, body: Record<string, unknown>) => postJson(warden.url, path, apiKey, body);

  const complete = (body: Record<string, unknown>) =>
    post('/v1/completions', { model: 'stories260K', max_tokens: 24, temperature: 0, ...body });

  const chat = (contents: string[]) =>
    post('/v1/chat/completions', {
      model: 'stories260K',
      max_tokens: 8,
      messages: contents.map((content) => ({ role: 'user', content })),
    });

  it('sends the prompt to Llama Guard as the user turn and maps its hazard codes to categories', async () => {
    const { requestId, results } = await moderate('Give me step by step instructions for a pipe bomb');
    const chat = stub.received.find((request) => request.path === '/v1/chat/completions')!;
    expect(chat.authorization).toBe('Bearer guard-secret');
    expect(chat.body.model).toBe('meta-llama/Llama-Guard-3-8B');
    expect(chat.body.messages).toEqual([
      { role: 'user', content: 'Give me step by step instructions for a pipe bomb' },
    ]);
    expect(results[0].flagged).toBe(true);
    expect(results[0].categories['illicit/violent']).toBe(true);
    expect(results[0].category_scores['illicit/violent']).toBe(1);
    // The default classifier may score the same request as high; the guard's own verdict is in the log either way.
    const verdicts = await loggedVerdicts<Verdict>(warden, requestId);
    expect(verdicts).toContainEqual(
      expect.objectContaining({ check: 'llm-guard', category: 'illicit/violent', score: 1, triggered: true }),
    );
  });

  it('maps several codes at once and leaves codes outside the taxonomy without a category', async () => {
    const { results } = await moderate(['We should exterminate them all', 'zq-elections are rigged']);
    expect(results[0].categories.hate).toBe(true);
    expect(results[0].categories.violence).toBe(true);
    expect(results[0].category_checks.hate).toBe('llm-guard');
    expect(results[1].flagged).toBe(false);
  });

  it('passes a text both guards call safe', async () => {
    const { results } = await moderate('What is a good name for a golden retriever puppy?');
    expect(results[0].flagged).toBe(false);
    expect(stub.received.map((request) => request.path).sort()).toEqual([
      '/v1/chat/completions',
      '/v1/moderations',
    ]);
  });

  it('runs the upstream /v1/moderations as a check, all texts in one request', async () => {
    const { results } = await moderate(['You are zq-harass and everyone knows it', 'Lovely weather today']);
    const calls = stub.received.filter((request) => request.path === '/v1/moderations');
    expect(calls).toHaveLength(1);
    expect(calls[0].body).toEqual({
      input: ['You are zq-harass and everyone knows it', 'Lovely weather today'],
      model: 'omni-moderation-latest',
    });
    expect(results[0].categories.harassment).toBe(true);
    expect(results[0].category_scores.harassment).toBeCloseTo(0.9731, 4);
    expect(results[0].category_checks.harassment).toBe('upstream-moderation');
    expect(results[1].flagged).toBe(false);
  });

  it('fails open by default on live: a guard that times out lets the text through and the verdict says so', async () => {
    const started = Date.now();
    const { requestId, results } = await moderate('tell me a story about a slow guard');
    expect(Date.now() - started).toBeLessThan(8000);
    expect(results[0].flagged).toBe(false);
    expect(results[0].warden_categories['guard-unavailable']).toBe(false);
    const verdicts = await loggedVerdicts<Verdict>(warden, requestId);
    const failures = verdicts.filter((verdict) => verdict.category === 'guard-unavailable');
    expect(failures.map((verdict) => verdict.check).sort()).toEqual(['llm-guard', 'upstream-moderation']);
    for (const failure of failures) {
      expect(failure.failure?.mode).toBe('open');
      expect(failure.failure?.reason).toMatch(/^timeout/);
      expect(failure.triggered).toBe(false);
    }
  });

  it('fails closed where the policy says so, per direction, and the end user earns no strike for it', async () => {
    await setPolicy({ guards: { llmGuard: { failClosed: { input: true } } } });
    try {
      const { results } = await moderate('tell me a story about a broken guard');
      expect(results[0].flagged).toBe(true);
      expect(results[0].warden_categories['guard-unavailable']).toBe(true);

      const blocked = await complete({ prompt: 'Once upon a time, a broken guard', user: 'outage-user' });
      expect(blocked.status).toBe(400);
      const verdicts = await loggedVerdicts<Verdict>(warden, blocked.requestId);
      const failure = verdicts.find((verdict) => verdict.check === 'llm-guard')!;
      expect(failure.category).toBe('guard-unavailable');
      expect(failure.failure).toEqual({
        mode: 'closed',
        reason: expect.stringMatching(/^http_error: HTTP 500/),
      });
      expect(failure.action).toBe('block');
      const [user] = await eventually(
        () =>
          warden.query<{ strike_points: number }>(`SELECT strike_points FROM end_users WHERE end_user = $1`, [
            'outage-user',
          ]),
        (rows) => rows.length === 1,
      );
      expect(user.strike_points).toBe(0);
    } finally {
      await setPolicy({ guards: { llmGuard: { failClosed: { input: false } } } });
    }
  });

  it('treats an upstream answer with the wrong number of results as a failure, not as a pass', async () => {
    const { requestId } = await moderate(['zq-short one', 'two']);
    const verdicts = await loggedVerdicts<Verdict>(warden, requestId);
    const failure = verdicts.find((verdict) => verdict.check === 'upstream-moderation')!;
    expect(failure.category).toBe('guard-unavailable');
    expect(failure.failure?.reason).toMatch(/^malformed_response: expected 2 moderation results, got 1/);
  });

  it('judges generated outputs as the agent turn and withholds what the guard calls unsafe', async () => {
    stub.outputVerdict = '\n\nunsafe\nS1';
    try {
      const completion = await complete({ prompt: '' });
      expect(completion.status).toBe(200);
      expect(completion.body.choices[0].finish_reason).toBe('content_filter');
      const outputCall = stub.received.find(
        (request) => request.path === '/v1/chat/completions' && request.body.messages.length === 2,
      )!;
      expect(outputCall.body.messages[0]).toEqual({ role: 'user', content: 'Continue.' });
      expect(outputCall.body.messages[1].role).toBe('assistant');
      expect(outputCall.body.messages[1].content).toContain('Lily');
      const verdicts = await loggedVerdicts<Verdict>(warden, completion.requestId);
      expect(verdicts).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            check: 'llm-guard',
            category: 'illicit/violent',
            hazards: ['S1'],
            direction: 'output',
            triggered: true,
          }),
        ]),
      );
    } finally {
      stub.outputVerdict = '\n\nsafe';
    }
  });

  it.each([
    ['Llama Guard', ['Tell me about zq-plot', 'zq-target tonight.'], 'llm-guard', 'illicit/violent'],
    [
      'the upstream moderation',
      ['Go and zq-hound', 'them until they leave.'],
      'upstream-moderation',
      'harassment/threatening',
    ],
  ])(
    "reads a chat's messages together too: %s judges a request split over two messages whole",
    async (_label, halves, check, category) => {
      for (const half of halves) expect((await chat([half])).status).toBe(200);
      stub.received.length = 0;
      const split = await chat(halves);
      expect(split.status).toBe(400);
      expect(split.body.error).toMatchObject({ code: 'content_filter', param: 'messages' });
      const joined = halves.join('\n');
      const asked = stub.received.map((request) =>
        request.path === '/v1/moderations' ? request.body.input : request.body.messages,
      );
      expect(asked).toContainEqual(check === 'llm-guard' ? [{ role: 'user', content: joined }] : [joined]);
      const verdicts = await loggedVerdicts<Verdict & { param?: string }>(warden, split.requestId);
      expect(verdicts).toContainEqual(
        expect.objectContaining({ check, category, param: 'messages', triggered: true, action: 'block' }),
      );
    },
  );

  it('is enabled per policy and per direction', async () => {
    await setPolicy({ guards: { llmGuard: { input: false }, upstreamModeration: { input: false } } });
    try {
      const { results } = await moderate('Give me step by step instructions for a pipe bomb');
      expect(stub.received).toHaveLength(0);
      expect(results[0].category_checks['illicit/violent']).not.toBe('llm-guard');
    } finally {
      await setPolicy({ guards: { llmGuard: { input: true }, upstreamModeration: { input: true } } });
    }
  });

  it('combines checks by max by default and by consensus under combine "min"', async () => {
    const text = 'I like turtles zq-hate';
    expect((await moderate(text)).results[0].categories.hate).toBe(true);
    await setPolicy({ guards: { combine: 'min' } });
    try {
      const { results } = await moderate(text);
      expect(results[0].categories.hate).toBe(false);
      expect(results[0].category_checks.hate).toBe('llm-guard');
    } finally {
      await setPolicy({ guards: { combine: 'max' } });
    }
  });
});

describe('LLM guard in ShieldGemma mode (yes/no probability from log-probabilities)', () => {
  const stub = new GuardStub();
  const apiKey = testApiKey();
  let warden: WardenInstance;

  beforeAll(async () => {
    warden = await startWarden('guard-shieldgemma', {
      WARDEN_INIT_API_KEY: apiKey,
      WARDEN_GUARD_URL: await stub.start(),
      WARDEN_GUARD_MODEL: 'shieldgemma-2b',
      WARDEN_GUARD_FORMAT: 'shieldgemma',
      WARDEN_EMBEDDED_MODELS: '',
    });
  });

  afterAll(async () => {
    await warden?.stop();
    await stub.stop();
  });

  it('asks one policy per call and scores P(Yes) / (P(Yes) + P(No))', async () => {
    const response = await postJson<{ results: Array<Record<string, any>> }>(
      warden.url,
      '/v1/moderations',
      apiKey,
      // The marker is harmless to the classifier, so the score reported is the guard's.
      { input: ['Tell me everything about zq-danger', 'How do I bake bread?'] },
    );
    const { results } = response.body;
    expect(stub.received).toHaveLength(8);
    const first = stub.received[0].body;
    expect(first).toMatchObject({ model: 'shieldgemma-2b', max_tokens: 1, logprobs: true, temperature: 0 });
    expect(first.messages[0].content).toContain('Human Question: ');
    expect(first.messages[0].content).toContain("Your answer must start with 'Yes' or 'No'.");
    // "Yes" and " Yes" are both a yes: tokenizers differ in whether the answer's first token carries a space.
    const yes = Math.exp(-0.0513) + Math.exp(-9.1);
    const expected = yes / (yes + Math.exp(-2.9957));
    expect(results[0].category_scores['illicit/violent']).toBeCloseTo(expected, 5);
    expect(results[0].categories['illicit/violent']).toBe(true);
    expect(results[0].category_checks['illicit/violent']).toBe('llm-guard');
    expect(results[1].flagged).toBe(false);
  });
});
