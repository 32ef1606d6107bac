import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import OpenAI from 'openai';
import { ALL_CATEGORIES } from '../server/src/moderation/moderation.types';
import { testApiKey } from './support/keys';
import { apiLoopDelay } from './support/loop-delay';
import { expectValid } from './support/openai-schemas';
import {
  dropDatabase,
  eventually,
  freePort,
  isolatedEnvironment,
  runCli,
  spawnWarden,
  startWarden,
  WardenInstance,
} from './support/warden';
import { InferenceErrorCode, LimitsErrorCode } from './support/error-catalog';

const MODEL = 'stories260K';
// karpathy/llama2.c test_all.py expected_stdout: run.c, stories260K, temperature 0, 200 steps from BOS
const STORY_200 =
  'Once upon a time, there was a little girl named Lily. She loved to play outside in the park. ' +
  'One day, she saw a big, red ball. She wanted to play with it, but it was too high.\n' +
  "Lily's mom said, \"Lily, let's go to the park.\" Lily was sad and didn't know what to do. " +
  'She said, "I want to play with your ball, but I can\'t find it."\n' +
  "Lily was sad and didn't know what to do. She said, \"I'm sorry, Lily. I didn't know what to do.\"\n" +
  "Lily didn't want to help her mom, so she";
const PROMPT = 'Once upon a time';
// The reference's next 27 tokens after "Once upon a time" (the prompt is the story's own first 4 tokens).
const CONTINUATION_27 = ', there was a little girl named Lily. She loved to play outside in the park.';
const NO_END = { '1': -100, '2': -100 };

type Logprobs = Required<NonNullable<OpenAI.CompletionChoice['logprobs']>>;

/** These suites are about generation: the content policy lets everything through and the budgets are generous. */
async function allowEverything(warden: WardenInstance): Promise<void> {
  const [{ id }] = await warden.query<{ id: string }>(
    `SELECT id FROM applications WHERE name = 'Demo application'`,
  );
  const allow = { action: 'allow' };
  const policy = {
    categories: Object.fromEntries(
      ALL_CATEGORIES.map((category) => [category, { input: allow, output: allow }]),
    ),
    limits: { maxPromptTokens: 100_000, maxTokens: 100_000, maxTotalTokens: 100_000 },
    rateLimits: {
      requestsPerMinute: 10_000,
      tokensPerMinute: 10_000_000,
      endUserRequestsPerMinute: 10_000,
      endUserTokensPerMinute: 10_000_000,
    },
  };
  const result = await runCli(warden.env, ['policies:set', id, JSON.stringify(policy)]);
  expect(result.stderr).toBe('');
}

function completionsRequest(
  warden: WardenInstance,
  apiKey: string,
  body: Record<string, unknown>,
  signal?: AbortSignal,
) {
  return fetch(`${warden.url}/v1/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: MODEL, ...body }),
    signal,
  });
}

/** The embedded engine behind /v1/completions: the real stories260K model, through the official client too. */
describe('/v1/completions served by the embedded engine (stories260K)', () => {
  const apiKey = testApiKey();
  let warden: WardenInstance;
  let client: OpenAI;

  beforeAll(async () => {
    warden = await startWarden('embedded', { WARDEN_INIT_API_KEY: apiKey });
    client = new OpenAI({ apiKey, baseURL: `${warden.url}/v1`, maxRetries: 0 });
    await allowEverything(warden);
  });

  afterAll(async () => {
    await warden?.stop();
  });

  function post(body: Record<string, unknown>, signal?: AbortSignal): Promise<Response> {
    return completionsRequest(warden, apiKey, body, signal);
  }

  async function complete(body: Record<string, unknown>): Promise<OpenAI.Completion> {
    const response = await post(body);
    const json = (await response.json()) as OpenAI.Completion;
    expect({ status: response.status, body: response.status === 200 ? null : json }).toEqual({
      status: 200,
      body: null,
    });
    return json;
  }

  async function metric(name: string): Promise<number> {
    const text = await (await fetch(`${warden.url}/metrics`)).text();
    const line = text.split('\n').find((candidate) => candidate.startsWith(`${name}{model="${MODEL}"}`));
    return line ? Number(line.split(' ').at(-1)) : 0;
  }

  it('lists the model with the official client', async () => {
    const page = await client.models.list();
    expect(page.data.map((model) => model.id)).toContain(MODEL);
  });

  it("writes llama2.c's greedy story from the start of text, exactly", async () => {
    const completion = await client.completions.create({
      model: MODEL,
      prompt: '',
      max_tokens: 200,
      temperature: 0,
    });
    expect(completion.choices[0].text).toBe(STORY_200);
    expect(completion.choices[0].finish_reason).toBe('length');
    expect(completion.usage).toEqual({ prompt_tokens: 1, completion_tokens: 200, total_tokens: 201 });
    expectValid('CreateCompletionResponse', completion);
  });

  it('continues "Once upon a time" greedily, counting usage with the tokenizer', async () => {
    const completion = await client.completions.create({
      model: MODEL,
      prompt: PROMPT,
      max_tokens: 27,
      temperature: 0,
    });
    expect(completion.choices[0].text).toBe(CONTINUATION_27);
    expect(completion.usage).toEqual({ prompt_tokens: 5, completion_tokens: 27, total_tokens: 32 });
    const byIds = await complete({ prompt: [1, 403, 407, 261, 378], max_tokens: 27, temperature: 0 });
    expect(byIds.choices[0].text).toBe(CONTINUATION_27);
  });

  it('streams the same text through the official client, ending with usage', async () => {
    const stream = await client.completions.create({
      model: MODEL,
      prompt: PROMPT,
      max_tokens: 27,
      temperature: 0,
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks: OpenAI.Completion[] = [];
    for await (const chunk of stream) {
      chunks.push(chunk);
    }
    expect(chunks.flatMap((chunk) => chunk.choices.map((choice) => choice.text)).join('')).toBe(
      CONTINUATION_27,
    );
    expect(
      chunks.flatMap((chunk) => chunk.choices.map((choice) => choice.finish_reason)).filter(Boolean),
    ).toEqual(['length']);
    expect(chunks.at(-1)!.usage).toEqual({ prompt_tokens: 5, completion_tokens: 27, total_tokens: 32 });
    for (const chunk of chunks) {
      expectValid('CreateCompletionResponse', {
        ...chunk,
        choices: chunk.choices.map((choice) => ({
          ...choice,
          finish_reason: choice.finish_reason ?? 'stop',
        })),
      });
    }
  });

  it('gives the same sampled text for the same seed, alone or among other requests', async () => {
    const body = { prompt: 'Tom and Sue', max_tokens: 40, temperature: 1, top_p: 0.9, seed: 1234 };
    const first = await complete(body);
    const [again, , other] = await Promise.all([
      complete(body),
      complete({ ...body, seed: 99 }),
      complete({ ...body, seed: 4321 }),
    ]);
    expect(again.choices[0].text).toBe(first.choices[0].text);
    expect(other.choices[0].text).not.toBe(first.choices[0].text);
  });

  it('stops at the first stop sequence, leaving it out', async () => {
    const completion = await complete({
      prompt: PROMPT,
      max_tokens: 40,
      temperature: 0,
      stop: ['park', 'Lily'],
    });
    expect(completion.choices[0]).toMatchObject({
      text: ', there was a little girl named ',
      finish_reason: 'stop',
    });
    const streamed = await (
      await post({ prompt: PROMPT, max_tokens: 40, temperature: 0, stop: [' park.'], stream: true })
    ).text();
    const texts = streamed
      .split('\n\n')
      .filter((event) => event.startsWith('data: {'))
      .map((event) => JSON.parse(event.slice(6)) as OpenAI.Completion);
    expect(texts.flatMap((chunk) => chunk.choices.map((choice) => choice.text)).join('')).toBe(
      ', there was a little girl named Lily. She loved to play outside in the',
    );
    expect(texts.at(-1)!.choices[0].finish_reason).toBe('stop');
  });

  it('returns n choices indexed prompt × n, and the best of best_of by mean log-probability', async () => {
    const base = { max_tokens: 12, temperature: 1, seed: 7, logit_bias: NO_END };
    const multi = await complete({ ...base, prompt: ['Tom and Sue', 'Lily'], n: 3 });
    expect(multi.choices.map((choice) => choice.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(new Set(multi.choices.slice(0, 3).map((choice) => choice.text)).size).toBe(3);
    expect(multi.usage).toMatchObject({ prompt_tokens: 7 + 2, completion_tokens: 72 });
    expectValid('CreateCompletionResponse', multi);

    const all = await complete({ ...base, prompt: 'Tom and Sue', n: 5, logprobs: 0 });
    const mean = (choice: OpenAI.CompletionChoice) => {
      const values = choice.logprobs!.token_logprobs!;
      return values.reduce((sum, value) => sum + value, 0) / values.length;
    };
    const ranked = [...all.choices].sort((a, b) => mean(b) - mean(a));
    const best = await complete({ ...base, prompt: 'Tom and Sue', n: 2, best_of: 5 });
    expect(best.choices.map((choice) => choice.text)).toEqual([ranked[0].text, ranked[1].text]);
    expect(best.choices.map((choice) => choice.index)).toEqual([0, 1]);
    expect(best.usage!.completion_tokens).toBe(60);
  });

  it('reports real log-probabilities: at most 0, the chosen token on top under greedy', async () => {
    const completion = await complete({ prompt: PROMPT, max_tokens: 15, temperature: 0, logprobs: 3 });
    const { text, logprobs } = completion.choices[0];
    const { tokens, token_logprobs, top_logprobs, text_offset } = logprobs as Logprobs;
    expect(tokens).toHaveLength(15);
    expect(tokens.join('')).toBe(text);
    expect(token_logprobs).toHaveLength(15);
    expect(text_offset[0]).toBe(PROMPT.length);
    tokens.forEach((token, i) => {
      expect(token_logprobs[i]).toBeLessThanOrEqual(0);
      const top = Object.entries(top_logprobs[i]);
      expect(top.length).toBeGreaterThanOrEqual(1);
      expect(top.length).toBeLessThanOrEqual(4);
      const [bestToken, bestLogprob] = top.sort(([, a], [, b]) => b - a)[0];
      expect(bestToken).toBe(token);
      expect(bestLogprob).toBeCloseTo(token_logprobs[i], 6);
      expect(top.reduce((sum, [, value]) => sum + Math.exp(value), 0)).toBeLessThanOrEqual(1 + 1e-6);
      if (i > 0) expect(text_offset[i]).toBe(text_offset[i - 1] + tokens[i - 1].length);
    });
    expectValid('CreateCompletionResponse', completion);
  });

  it('streams logprobs exactly with their text: concatenated they equal the non-streamed ones (issue 10.7)', async () => {
    const body = { prompt: 'The children', max_tokens: 30, temperature: 1, seed: 99, logprobs: 1 };
    const whole = (await complete(body)).choices[0];
    const response = await post({ ...body, stream: true });
    expect(response.status).toBe(200);
    const chunks = (await response.text())
      .split('\n\n')
      .filter((event) => event.startsWith('data: {'))
      .map((event) => JSON.parse(event.slice(6)) as OpenAI.Completion);
    const streamed: Logprobs = { tokens: [], token_logprobs: [], top_logprobs: [], text_offset: [] };
    let text = '';
    for (const chunk of chunks) {
      for (const choice of chunk.choices) {
        text += choice.text;
        const logprobs = choice.logprobs as Logprobs | null;
        // Each chunk's tokens spell exactly that chunk's text: nothing held back travels early.
        expect((logprobs?.tokens ?? []).join('')).toBe(choice.text);
        if (logprobs) {
          streamed.tokens.push(...logprobs.tokens);
          streamed.token_logprobs.push(...logprobs.token_logprobs);
          streamed.top_logprobs.push(...logprobs.top_logprobs);
          streamed.text_offset.push(...logprobs.text_offset);
        }
      }
    }
    expect(text).toBe(whole.text);
    expect(streamed).toEqual(whole.logprobs);
  });

  it('refuses a prompt far beyond the limit by its size, without tokenizing it (issue 10.3)', async () => {
    const prompt = 'a '.repeat(1_950_000);
    const started = performance.now();
    const pending = post({ prompt, max_tokens: 1 });
    await new Promise((resolve) => setTimeout(resolve, 150));
    const healthStarted = performance.now();
    expect((await fetch(`${warden.url}/health`)).status).toBe(200);
    const healthMs = performance.now() - healthStarted;
    const response = await pending;
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      LimitsErrorCode.PromptTooLong,
    );
    // Generous bounds: tokenizing 3.9 MB took ~20 s; a size check takes milliseconds.
    expect(healthMs).toBeLessThan(1000);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it("refuses a prompt the policy allows but the model's context cannot hold by its size, without tokenizing it", async () => {
    // 391,000 bytes: under the policy's 100,000 tokens (1.6 MB by size), far over 512 tokens of at most 16 bytes.
    const text = 'the quiet lake at dawn '.repeat(17_000);
    for (const [path, body, param] of [
      ['/v1/completions', { model: MODEL, prompt: text, max_tokens: 1 }, 'prompt'],
      ['/v1/chat/completions', { model: MODEL, messages: [{ role: 'user', content: text }] }, 'messages'],
    ] as const) {
      await apiLoopDelay(warden.url);
      const response = await fetch(`${warden.url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const answer = (await response.json()) as { error: Record<string, unknown> };
      expect({ status: response.status, error: answer.error }).toMatchObject({
        status: 400,
        error: { code: InferenceErrorCode.ContextLengthExceeded, param },
      });
      expect(answer.error.message).toContain('maximum context length is 512 tokens');
      expectValid('ErrorResponse', answer);
      // Tokenizing it held the api's event loop 1.0-1.4 s.
      expect(await apiLoopDelay(warden.url)).toBeLessThan(200);
    }
  });

  it('echoes the prompt with its log-probabilities, and answers max_tokens 0', async () => {
    const completion = await complete({
      prompt: PROMPT,
      max_tokens: 27,
      temperature: 0,
      echo: true,
      logprobs: 1,
    });
    expect(completion.choices[0].text).toBe(PROMPT + CONTINUATION_27);
    const logprobs = completion.choices[0].logprobs as Logprobs;
    expect(logprobs.tokens.slice(0, 5)).toEqual(['<s>', 'Once', ' upon', ' a', ' time']);
    expect(logprobs.token_logprobs[0]).toBeNull();
    expect(logprobs.top_logprobs[0]).toBeNull();
    expect(
      logprobs.token_logprobs.slice(1, 5).every((value) => typeof value === 'number' && value <= 0),
    ).toBe(true);
    expect(logprobs.text_offset.slice(0, 6)).toEqual([0, 0, 4, 9, 11, 16]);
    expect(logprobs.tokens).toHaveLength(32);

    const echoOnly = await complete({ prompt: PROMPT, max_tokens: 0, echo: true, logprobs: 0 });
    expect(echoOnly.choices[0]).toMatchObject({ text: PROMPT, finish_reason: 'length' });
    expect(echoOnly.choices[0].logprobs!.token_logprobs).toHaveLength(5);
    expect(echoOnly.usage).toEqual({ prompt_tokens: 5, completion_tokens: 0, total_tokens: 5 });
  });

  it('answers 8 concurrent greedy requests exactly as each alone', async () => {
    const prompts = [
      'Once upon a time',
      'Tom and Sue',
      'One day, a big dog',
      'Lily',
      'The sun was hot',
      'Ben had a red',
      'There was a bird',
      'Mom said',
    ];
    const body = (prompt: string, i: number) => ({
      prompt,
      max_tokens: 30 + 8 * i,
      temperature: 0,
      logit_bias: NO_END,
    });
    const alone: string[] = [];
    for (const [i, prompt] of prompts.entries()) {
      alone.push((await complete(body(prompt, i))).choices[0].text);
    }
    const together = await Promise.all(prompts.map((prompt, i) => complete(body(prompt, i))));
    expect(together.map((completion) => completion.choices[0].text)).toEqual(alone);
  });

  it('stops computing a stream whose client went away', async () => {
    const tokensBefore = await metric('warden_engine_tokens_total');
    const cancelledBefore = await metric('warden_engine_cancelled_total');
    const controller = new AbortController();
    // 48 sequences of 400 tokens: 16 run at a time, so finishing would take three rounds of 400 steps.
    const response = await post(
      { prompt: [1], n: 48, max_tokens: 400, temperature: 1, logit_bias: NO_END, stream: true },
      controller.signal,
    );
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toMatch(/^data: \{/);
    controller.abort();
    await reader.cancel().catch(() => undefined);
    await eventually(
      async () => ({
        batch: await metric('warden_engine_batch_size'),
        queued: await metric('warden_engine_queue_depth'),
      }),
      (gauges) => gauges.batch === 0 && gauges.queued === 0,
      10_000,
    );
    const cancelled = (await metric('warden_engine_cancelled_total')) - cancelledBefore;
    const tokens = (await metric('warden_engine_tokens_total')) - tokensBefore;
    expect(cancelled).toBeGreaterThanOrEqual(40);
    expect(tokens).toBeLessThan((48 * 400) / 4);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await metric('warden_engine_tokens_total')) - tokensBefore).toBe(tokens);
  });

  it('refuses suffix and an over-long context with 400s in the OpenAI envelope', async () => {
    const suffix = await post({ prompt: PROMPT, suffix: 'The end.' });
    expect(suffix.status).toBe(400);
    const suffixBody = (await suffix.json()) as { error: Record<string, unknown> };
    expect(suffixBody.error).toMatchObject({
      type: 'invalid_request_error',
      code: InferenceErrorCode.UnsupportedParameter,
      param: 'suffix',
    });
    expectValid('ErrorResponse', suffixBody);

    const long = await post({ prompt: PROMPT, max_tokens: 510 });
    expect(long.status).toBe(400);
    const longBody = (await long.json()) as { error: Record<string, unknown> };
    expect(longBody.error).toMatchObject({
      type: 'invalid_request_error',
      code: InferenceErrorCode.ContextLengthExceeded,
      param: 'max_tokens',
    });
    expect(longBody.error.message).toContain('maximum context length is 512 tokens');
    expectValid('ErrorResponse', longBody);

    await expect(
      client.completions.create({ model: MODEL, prompt: PROMPT, suffix: 'x' }),
    ).rejects.toBeInstanceOf(OpenAI.BadRequestError);
  });
});

describe('embedded models side by side, on two worker threads with a small queue', () => {
  const apiKey = testApiKey();
  const modelsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-models-'));
  let warden: WardenInstance;

  beforeAll(async () => {
    const stories = path.resolve(__dirname, '..', 'models', 'stories260K');
    fs.symlinkSync(stories, path.join(modelsDir, 'stories260K'));
    fs.symlinkSync(stories, path.join(modelsDir, 'tinystories-copy'));
    warden = await startWarden('embedded_pool', {
      WARDEN_INIT_API_KEY: apiKey,
      WARDEN_MODELS_DIR: modelsDir,
      WARDEN_EMBEDDED_MODELS: 'stories260K,tinystories-copy',
      WARDEN_ENGINE_THREADS: '2',
      WARDEN_ENGINE_MAX_BATCH: '1',
      WARDEN_ENGINE_QUEUE_LIMIT: '4',
    });
    await allowEverything(warden);
  });

  afterAll(async () => {
    await warden?.stop();
    fs.rmSync(modelsDir, { recursive: true, force: true });
  });

  it('serves every configured model directory under its name', async () => {
    const client = new OpenAI({ apiKey, baseURL: `${warden.url}/v1`, maxRetries: 0 });
    expect((await client.models.list()).data.map((model) => model.id)).toEqual(
      expect.arrayContaining(['stories260K', 'tinystories-copy']),
    );
    const texts = await Promise.all(
      ['stories260K', 'tinystories-copy'].map(async (model) => {
        const completion = await client.completions.create({
          model,
          prompt: PROMPT,
          max_tokens: 27,
          temperature: 0,
        });
        return completion.choices[0].text;
      }),
    );
    expect(texts).toEqual([CONTINUATION_27, CONTINUATION_27]);
  });

  it('refuses work beyond its queue with a 503 engine_overloaded', async () => {
    const controller = new AbortController();
    // One batch slot per worker: this request runs one sequence and queues three, for about 4 × 511 steps.
    const busy = await completionsRequest(
      warden,
      apiKey,
      { prompt: [1], n: 4, max_tokens: 511, logit_bias: NO_END, stream: true },
      controller.signal,
    );
    expect(busy.status).toBe(200);
    const reader = busy.body!.getReader();
    await reader.read();
    try {
      const refused = await completionsRequest(warden, apiKey, { prompt: PROMPT, n: 2, max_tokens: 5 });
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('1');
      const body = (await refused.json()) as { error: Record<string, unknown> };
      expect(body.error).toMatchObject({
        type: 'server_error',
        code: InferenceErrorCode.EngineOverloaded,
        param: null,
      });
      expect(body.error.message).toMatch(/at capacity.*retry/);
      expectValid('ErrorResponse', body);
    } finally {
      controller.abort();
      await reader.cancel().catch(() => undefined);
    }
  });
});

describe('embedded model configuration', () => {
  it('refuses to start naming a model directory that is missing', async () => {
    const isolated = isolatedEnvironment('embedded_missing');
    const { child, output } = spawnWarden({
      ...isolated.env,
      PORT: String(await freePort()),
      WARDEN_EMBEDDED_MODELS: 'stories260K,no-such-model',
    });
    try {
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).not.toBe(0);
      expect(output.join('\n')).toMatch(
        /embedded model no-such-model \(.*no-such-model\): the directory does not exist/,
      );
    } finally {
      child.kill('SIGKILL');
      await dropDatabase(isolated.databaseUrl);
    }
  });
});
