import { testApiKey } from './support/keys';
import { postJson } from './support/review-api';
import { startWardenServedBy, UpstreamServer } from './support/upstream-server';
import { CommonErrorCode, openAiAnswer, staffAnswer } from './support/error-catalog';
import { eventually, WardenInstance } from './support/warden';

/**
 * Postgres text and jsonb cannot hold a NUL character. Routes that store what a client sends (sign-up, sign-in,
 * feedback) passed it to Postgres as sent, and its refusal came back as a 500 internal_error naming a request id, on
 * unauthenticated routes too: a client's own input reported as a server failure. It is the client's error, in the
 * envelope of the surface it called. (Prompts keep their NUL characters: the request log stores them as U+FFFD.)
 */
describe('redteam: NUL characters in text Warden stores', () => {
  const upstream = new UpstreamServer();
  const apiKey = testApiKey();
  let warden: WardenInstance;

  beforeAll(async () => {
    warden = await startWardenServedBy(upstream, 'redteam_nul_text', {
      WARDEN_INIT_API_KEY: apiKey,
    });
  }, 120_000);

  afterAll(async () => {
    await warden?.stop();
    await upstream.stop();
  });

  const post = (path: string, body: object, key?: string) => postJson(warden.url, path, key, body);

  it('refuses a sign-up or sign-in holding NUL as the client’s error, in the staff envelope', async () => {
    const password = 'a-long-enough-password';
    expect(
      await post('/portal/auth/register', {
        organizationName: 'Evil\u0000Corp',
        email: 'e@x.test',
        password,
      }),
    ).toMatchObject(staffAnswer(CommonErrorCode.InvalidValue));
    expect(await post('/portal/auth/login', { email: 'e\u0000@x.test', password })).toMatchObject(
      staffAnswer(CommonErrorCode.InvalidValue),
    );
    // Nothing half-made: the organization was not created.
    expect(await warden.query(`SELECT id FROM organizations WHERE name LIKE 'Evil%'`)).toEqual([]);
  });

  it('refuses a file or fine-tuning job id holding NUL as the client’s error', async () => {
    for (const path of [
      '/v1/files/file-a%00b',
      '/v1/files?after=a%00b',
      '/v1/fine_tuning/jobs/ftjob-a%00b',
    ]) {
      const response = await fetch(`${warden.url}${path}`, {
        headers: { authorization: `Bearer ${apiKey}` },
      });
      expect({ status: response.status, body: await response.json() }).toMatchObject(
        openAiAnswer(CommonErrorCode.InvalidValue),
      );
    }
  });

  it('refuses feedback holding NUL as the client’s error, in OpenAI’s envelope, and logs the call', async () => {
    const completion = await post(
      '/v1/completions',
      { model: 'house-model', prompt: 'hello', max_tokens: 4 },
      apiKey,
    );
    expect(completion.status).toBe(200);
    const id = completion.body.id as string;
    // Feedback names a logged call: wait until the worker has written it.
    await eventually(
      () => warden.query(`SELECT 1 FROM request_logs WHERE request_id = $1`, [id.replace(/^cmpl-/, 'req_')]),
      (rows) => rows.length === 1,
    );
    expect(await post('/v1/feedback', { id, rating: 'bad', comment: 'a\u0000b' }, apiKey)).toMatchObject(
      openAiAnswer(CommonErrorCode.InvalidValue),
    );
    expect(await post('/v1/feedback', { id: 'req_\u0000', rating: 'bad' }, apiKey)).toMatchObject(
      openAiAnswer(CommonErrorCode.InvalidValue),
    );
    await eventually(
      () =>
        warden.query<{ status_code: number }>(
          `SELECT status_code FROM request_logs WHERE endpoint = '/v1/feedback' AND status_code = 400`,
        ),
      (rows) => rows.length === 2,
    );
    // The same feedback without the NUL is taken.
    expect((await post('/v1/feedback', { id, rating: 'bad', comment: 'ab' }, apiKey)).status).toBe(201);
  });
});
