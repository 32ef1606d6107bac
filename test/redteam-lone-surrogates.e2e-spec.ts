import { CommonErrorCode, staffAnswer } from './support/error-catalog';
import { questionnaire, registerDeveloper, request, uniqueEmail } from './support/review-api';
import { runCli, startWarden, WardenInstance } from './support/warden';

/**
 * JSON may spell half of a surrogate pair on its own (`"\ud800"`), which no UTF-8 text can hold. Postgres' jsonb
 * refuses it (22P02), and every /portal route whose text is audited or kept as jsonb (a sign-up's organization
 * name, an application's name or questionnaire) answered 500 internal_error, unauthenticated sign-up included. It is
 * the client's 400 invalid_value, as a NUL character is, and nothing is half-made.
 */
describe('redteam: lone surrogates in text Warden stores', () => {
  let warden: WardenInstance;

  beforeAll(async () => {
    warden = await startWarden('redteam_lone_surrogates', { WARDEN_EMBEDDED_MODELS: '' });
  }, 120_000);

  afterAll(async () => {
    await warden?.stop();
  });

  it('refuses a sign-up whose organization name holds a lone surrogate, and creates nothing', async () => {
    const email = uniqueEmail('surrogate');
    const body = `{"organizationName":"Evil \\ud800 Corp","email":"${email}","password":"a-long-enough-password"}`;
    expect(await request(warden.url, 'POST', '/portal/auth/register', { body })).toMatchObject(
      staffAnswer(CommonErrorCode.InvalidValue, expect.stringContaining('lone surrogate')),
    );
    expect(await warden.query(`SELECT id FROM developers WHERE email = $1`, [email])).toEqual([]);
  });

  it.each([
    ['name', (text: string) => ({ name: text, questionnaire: questionnaire() })],
    ['questionnaire', (text: string) => ({ name: 'App', questionnaire: questionnaire({ endUsers: text }) })],
  ])('refuses an application whose %s holds one', async (_field, build) => {
    const developer = await registerDeveloper(warden.url);
    const body = JSON.stringify(build('half a pair: \ud83d here'));
    expect(body).toContain('\\ud83d');
    expect(
      await request(warden.url, 'POST', '/portal/applications', { token: developer.token, body }),
    ).toMatchObject(staffAnswer(CommonErrorCode.InvalidValue));
    expect(
      await warden.query(`SELECT id FROM applications WHERE organization_id = $1`, [
        developer.organizationId,
      ]),
    ).toEqual([]);
  });

  it('keeps the audit chain intact', async () => {
    const verified = await runCli(warden.env, ['audit:verify']);
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ valid: true, firstInvalidSeq: null });
  });
});
