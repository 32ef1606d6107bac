import OpenAI from 'openai';
import { expectValid } from './support/openai-schemas';
import { testApiKey } from './support/keys';
import { UpstreamServer } from './support/upstream-server';
import { eventually, startWarden, WardenInstance } from './support/warden';
import { InferenceErrorCode } from './support/error-catalog';

/** The foundation's promise: the official `openai` client, a real key, a real upstream, a real request log. */
describe('/v1 through the official openai client, served by an upstream model server', () => {
  const upstream = new UpstreamServer();
  const apiKey = testApiKey();
  let warden: WardenInstance;
  let client: OpenAI;

  beforeAll(async () => {
    const upstreamUrl = await upstream.start();
    warden = await startWarden('completions', {
      WARDEN_INIT_API_KEY: apiKey,
      WARDEN_UPSTREAM_URL: upstreamUrl,
      WARDEN_UPSTREAM_API_KEY: 'upstream-secret',
      WARDEN_UPSTREAM_MODELS: 'house-model=real-upstream-model',
      WARDEN_UPSTREAM_TIMEOUT_MS: '1500',
      WARDEN_EMBEDDED_MODELS: '',
    });
    client = new OpenAI({ apiKey, baseURL: `${warden.url}/v1`, maxRetries: 0 });
  });

  afterAll(async () => {
    await warden?.stop();
    await upstream.stop();
  });

  it('lists the configured models', async () => {
    const page = await client.models.list();
    expect(page.data.map((model) => model.id)).toEqual(['house-model']);
    const raw = await fetch(`${warden.url}/v1/models`, { headers: { authorization: `Bearer ${apiKey}` } });
    expectValid('ListModelsResponse', await raw.json());
  });

  it('retrieves one model, and answers 404 model_not_found for an unknown one', async () => {
    const model = await client.models.retrieve('house-model');
    expect(model).toMatchObject({ id: 'house-model', object: 'model', owned_by: 'upstream' });
    expectValid('Model', model);
    const missing = await fetch(`${warden.url}/v1/models/no-such-model`, {
      headers: { authorization: `Bearer ${apiKey}` },
    });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe(
      InferenceErrorCode.ModelNotFound,
    );
    const anonymous = await fetch(`${warden.url}/v1/models/house-model`);
    expect(anonymous.status).toBe(401);
  });

  it('completes without streaming, mapping the model name and using the operator key upstream', async () => {
    const completion = await client.completions.create({
      model: 'house-model',
      prompt: 'hello there',
      max_tokens: 16,
    });
    expect(completion.choices).toHaveLength(1);
    expect(completion.choices[0].text).toBe(UpstreamServer.answer('hello there', 16).join(''));
    expect(completion.choices[0].finish_reason).toBe('stop');
    expect(completion.model).toBe('house-model');
    expect(completion.usage).toEqual({ prompt_tokens: 2, completion_tokens: 4, total_tokens: 6 });
    expectValid('CreateCompletionResponse', completion);
    const seen = upstream.received.at(-1)!;
    expect(seen.body.model).toBe('real-upstream-model');
    expect(seen.authorization).toBe('Bearer upstream-secret');
  });

  it('streams chunks of the completion shape ending with [DONE]', async () => {
    const stream = await client.completions.create({
      model: 'house-model',
      prompt: 'stream me please',
      max_tokens: 3,
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks: OpenAI.Completion[] = [];
    for await (const chunk of stream) {
      chunks.push(chunk);
    }
    const text = chunks.flatMap((chunk) => chunk.choices.map((choice) => choice.text)).join('');
    expect(text).toBe(UpstreamServer.answer('stream me please', 3).join(''));
    const finishes = chunks
      .flatMap((chunk) => chunk.choices.map((choice) => choice.finish_reason))
      .filter(Boolean);
    expect(finishes).toEqual(['length']);
    expect(chunks.at(-1)!.usage).toEqual({ prompt_tokens: 3, completion_tokens: 3, total_tokens: 6 });
    expect(new Set(chunks.map((chunk) => chunk.id)).size).toBe(1);
    for (const chunk of chunks) {
      // Intermediate chunks carry finish_reason null, as OpenAI's own stream does; the schema has no null there.
      expectValid('CreateCompletionResponse', {
        ...chunk,
        choices: chunk.choices.map((choice) => ({
          ...choice,
          finish_reason: choice.finish_reason ?? 'stop',
        })),
      });
    }
  });

  it('ends the raw event stream with data: [DONE]', async () => {
    const response = await fetch(`${warden.url}/v1/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'house-model', prompt: 'raw', max_tokens: 2, stream: true }),
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    expect(response.headers.get('x-request-id')).toMatch(/^req_/);
    const body = await response.text();
    const events = body.split('\n\n').filter(Boolean);
    expect(events.every((event) => event.startsWith('data: '))).toBe(true);
    expect(events.at(-1)).toBe('data: [DONE]');
  });

  it('accepts n, prompt arrays and every documented field', async () => {
    const completion = await client.completions.create({
      model: 'house-model',
      prompt: ['first prompt'],
      n: 2,
      best_of: 2,
      max_tokens: 5,
      temperature: 0.5,
      top_p: 0.9,
      stop: ['\n'],
      logprobs: null,
      echo: false,
      seed: 7,
      presence_penalty: 0.1,
      frequency_penalty: 0.1,
      logit_bias: { '50256': -100 },
      user: 'end-user-1',
      suffix: null,
    });
    expect(completion.choices.map((choice) => choice.index)).toEqual([0, 1]);
    expectValid('CreateCompletionResponse', completion);
    expect(upstream.received.at(-1)!.body).toMatchObject({ n: 2, seed: 7, stop: ['\n'], user: 'end-user-1' });
  });

  it('exposes Prometheus metrics for requests, completions and queue depth', async () => {
    const metrics = await (await fetch(`${warden.url}/metrics`)).text();
    expect(metrics).toMatch(
      /warden_completions_total\{model="house-model",outcome="200",stream="false",endpoint="\/v1\/completions"\} \d+/,
    );
    expect(metrics).toMatch(/warden_queue_jobs\{queue="request-logs",state="waiting"\} \d+/);
    expect(metrics).toContain('warden_completion_latency_seconds_bucket');
    const health = (await (await fetch(`${warden.url}/health`)).json()) as {
      status: string;
      checks: Record<string, { status: string }>;
    };
    expect(health).toMatchObject({
      status: 'ok',
      checks: { database: { status: 'ok' }, redis: { status: 'ok' } },
    });
    expect((await fetch(`${warden.url}/docs/openapi.json`)).status).toBe(200);
  });

  it('writes one log line per request, when it completes, with its id, status and time', async () => {
    const response = await fetch(`${warden.url}/v1/models`, {
      headers: { authorization: `Bearer ${apiKey}` },
    });
    expect(response.status).toBe(200);
    const requestId = response.headers.get('x-request-id')!;
    const lines = await eventually(
      async () => warden.output.filter((line) => line.includes(requestId)),
      (found) => found.some((line) => line.includes('request completed')),
    );
    expect(lines.map((line) => JSON.parse(line) as Record<string, unknown>)).toEqual([
      expect.objectContaining({
        msg: 'request completed',
        reqId: requestId,
        method: 'GET',
        url: '/v1/models',
        statusCode: 200,
        responseTime: expect.any(Number),
      }),
    ]);
  });

  it('records every call in the request log', async () => {
    const rows = await eventually(
      () =>
        warden.query<{ count: string }>(
          `SELECT count(*) FROM request_logs WHERE model = 'house-model' AND status_code = 200`,
        ),
      (result) => Number(result[0].count) >= 4,
    );
    expect(Number(rows[0].count)).toBe(4);
  });
});
