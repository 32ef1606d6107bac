import OpenAI from 'openai';
import { ApiKeyErrorCode, OPENAI_ERRORS, OpenAiErrorName } from './support/error-catalog';
import { testApiKey } from './support/keys';
import { expectValid } from './support/openai-schemas';
import { postJson } from './support/review-api';
import { UpstreamServer } from './support/upstream-server';
import { eventually, runCli, startWarden, WardenInstance } from './support/warden';

/** Every failure on /v1/* answers OpenAI's envelope exactly, and is still recorded once. */
describe('/v1 error envelopes', () => {
  const upstream = new UpstreamServer();
  const apiKey = testApiKey();
  let warden: WardenInstance;

  beforeAll(async () => {
    const upstreamUrl = await upstream.start();
    warden = await startWarden('errors', {
      WARDEN_INIT_API_KEY: apiKey,
      WARDEN_UPSTREAM_URL: upstreamUrl,
      WARDEN_UPSTREAM_MODELS: 'house-model',
      WARDEN_UPSTREAM_TIMEOUT_MS: '1000',
      WARDEN_EMBEDDED_MODELS: '',
    });
  });

  afterAll(async () => {
    await warden?.stop();
    await upstream.stop();
  });

  // The key goes in the headers, so that a case can send none or a malformed one.
  const call = (
    body: unknown,
    headers: Record<string, string> = { authorization: `Bearer ${apiKey}` },
    path = '/v1/completions',
  ) => postJson<{ error: Record<string, unknown> }>(warden.url, path, undefined, body, { headers });

  function expectError(result: Awaited<ReturnType<typeof call>>, name: OpenAiErrorName) {
    const { status, ...fields } = OPENAI_ERRORS[name];
    expect(result.status).toBe(status);
    expect(Object.keys(result.body)).toEqual(['error']);
    expect(Object.keys(result.body.error).sort()).toEqual(['code', 'message', 'param', 'type']);
    expect(result.body.error).toMatchObject(fields);
    expect(typeof result.body.error.message).toBe('string');
    expectValid('ErrorResponse', result.body);
  }

  const cases: Array<[string, () => Promise<Awaited<ReturnType<typeof call>>>, OpenAiErrorName]> = [
    ['no key', () => call({ model: 'house-model', prompt: 'x' }, {}), 'missingKey'],
    [
      'a malformed key',
      () => call({ model: 'house-model', prompt: 'x' }, { authorization: 'Bearer sk-not-ours' }),
      'invalidKey',
    ],
    [
      'a well-formed unknown key',
      () => call({ model: 'house-model', prompt: 'x' }, { authorization: `Bearer ${testApiKey()}` }),
      'invalidKey',
    ],
    [
      'a wrong secret for a known prefix',
      () =>
        call({ model: 'house-model', prompt: 'x' }, { authorization: `Bearer ${apiKey.slice(0, -4)}AAAA` }),
      'invalidKey',
    ],
    [
      'an unknown parameter',
      () => call({ model: 'house-model', prompt: 'x', frobnicate: 1 }),
      'unknownParameter',
    ],
    ['a wrong type', () => call({ model: 'house-model', prompt: 'x', max_tokens: 'many' }), 'invalidValue'],
    [
      'an out-of-range value',
      () => call({ model: 'house-model', prompt: 'x', temperature: 3 }),
      'invalidValue',
    ],
    [
      'too many stop sequences',
      () => call({ model: 'house-model', prompt: 'x', stop: ['a', 'b', 'c', 'd', 'e'] }),
      'invalidValue',
    ],
    ['a missing model', () => call({ prompt: 'x' }), 'missingParameter'],
    ['invalid JSON', () => call('{"model": '), 'invalidJson'],
    ['an unknown model', () => call({ model: 'gpt-17', prompt: 'x' }), 'modelNotFound'],
    ['an upstream 400', () => call({ model: 'house-model', prompt: 'trigger:400' }), 'upstreamRejected'],
    ['an upstream 429', () => call({ model: 'house-model', prompt: 'trigger:429' }), 'upstreamRateLimited'],
    ['an upstream 500', () => call({ model: 'house-model', prompt: 'trigger:500' }), 'upstreamFailed'],
    [
      'an upstream that hangs',
      () => call({ model: 'house-model', prompt: 'trigger:slow' }),
      'upstreamTimeout',
    ],
    ['an unexpected failure', () => call({ model: 'house-model', prompt: 'trigger:malformed' }), 'internal'],
    [
      'an unknown route',
      () => call({}, { authorization: `Bearer ${apiKey}` }, '/v1/engines/davinci/completions'),
      'routeNotFound',
    ],
  ];

  it.each(cases)('answers %s with its envelope', async (_name, request, expected) => {
    expectError(await request(), expected);
  });

  it('names the parameter at fault', async () => {
    expect((await call({ model: 'house-model', prompt: 'x', top_p: 5 })).body.error.param).toBe('top_p');
    expect((await call({ model: 'house-model', prompt: 'x', frobnicate: 1 })).body.error.param).toBe(
      'frobnicate',
    );
  });

  it('says why a body is not read: where its JSON breaks, or which key it must not have', async () => {
    const broken = await call('{"model": "house-model",}');
    expectError(broken, 'invalidJson');
    expect(broken.body.error.message).toMatch(/^The body is not valid JSON: .*position 24/);
    const poisoned = await call('{"model":"house-model","prompt":"x","__proto__":{"admin":true}}');
    expectError(poisoned, 'invalidJson');
    expect(poisoned.body.error.message).toContain('refuses at "__proto__"');
  });

  it('quotes the request id in a 500 and in the x-request-id header', async () => {
    const result = await call({ model: 'house-model', prompt: 'trigger:malformed' });
    expect(result.requestId).toMatch(/^req_/);
    expect(result.body.error.message).toContain(result.requestId);
    expect(JSON.stringify(result.body)).not.toMatch(/TypeError|at .*\.js/);
  });

  it('maps statuses to the official client error classes', async () => {
    const client = new OpenAI({ apiKey, baseURL: `${warden.url}/v1`, maxRetries: 0 });
    await expect(client.completions.create({ model: 'gpt-17', prompt: 'x' })).rejects.toBeInstanceOf(
      OpenAI.NotFoundError,
    );
    await expect(
      client.completions.create({ model: 'house-model', prompt: 'trigger:429' }),
    ).rejects.toBeInstanceOf(OpenAI.RateLimitError);
    const bad = new OpenAI({ apiKey: testApiKey(), baseURL: `${warden.url}/v1`, maxRetries: 0 });
    const error = await bad.models.list().catch((err: unknown) => err);
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
    expect((error as InstanceType<typeof OpenAI.APIError>).code).toBe(ApiKeyErrorCode.InvalidApiKey);
  });

  it('refuses a revoked key, on the instance that revoked it and in the log', async () => {
    const created = await runCli(warden.env, ['keys:generate']);
    expect(created.code).toBe(0);
    const organization = await runCli(warden.env, ['orgs:create', 'Revocation Ltd']);
    expect(organization.code).toBe(0);
    const application = JSON.parse(
      (await runCli(warden.env, ['apps:create', 'Revocation Ltd', 'Bot', '--live'])).stdout,
    ) as { id: string };
    const issued = JSON.parse(
      (await runCli(warden.env, ['keys:create', application.id, 'to-revoke'])).stdout,
    ) as { key: string };
    const ok = await call(
      { model: 'house-model', prompt: 'before revocation' },
      { authorization: `Bearer ${issued.key}` },
    );
    expect(ok.status).toBe(200);
    const revoked = await runCli(warden.env, ['keys:revoke', issued.key]);
    expect(JSON.parse(revoked.stdout)).toMatchObject({ status: 'revoked' });
    await eventually(
      () =>
        call({ model: 'house-model', prompt: 'after revocation' }, { authorization: `Bearer ${issued.key}` }),
      (result) => result.status === 401,
      2000,
    ).then((result) => expectError(result, 'revokedKey'));
  });

  it('records refused calls too, each exactly once', async () => {
    const rows = await eventually(
      () =>
        warden.query<{ request_id: string; status_code: number; error_code: string }>(
          `SELECT request_id, status_code, error_code FROM request_logs`,
        ),
      (result) => result.some((row) => row.error_code === 'key_revoked'),
    );
    expect(new Set(rows.map((row) => row.request_id)).size).toBe(rows.length);
    expect(rows.map((row) => row.error_code)).toEqual(
      expect.arrayContaining(['missing_api_key', 'model_not_found', 'upstream_timeout', 'internal_error']),
    );
  });

  it('never writes a key to the logs', async () => {
    const everything = warden.output.join('\n');
    expect(everything).toContain('"requestId":"req_');
    expect(everything).not.toContain(apiKey);
    expect(everything).not.toContain(apiKey.split('_')[1]);
  });
});
