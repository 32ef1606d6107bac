import { OrganizationsErrorCode, staffAnswer } from './support/error-catalog';
import {
  createStaff,
  expectStatus,
  liveApplication,
  postJson,
  registerDeveloper,
  request,
  staffLogin,
} from './support/review-api';
import { startWardenServedBy, UpstreamServer } from './support/upstream-server';
import { runCli, WardenInstance } from './support/warden';

const ADMIN = { email: 'admin@warden.test', password: 'admin-password-long-enough' };

/**
 * An output a policy held waits for staff because the application may not have it unseen. Self-review kept a staff
 * member who is also a developer in the organization from deciding its applications, grants and proposals, but not
 * from releasing what its own application's policy held back.
 */
describe("redteam: staff releasing their own application's held output", () => {
  const upstream = new UpstreamServer();
  let warden: WardenInstance;

  beforeAll(async () => {
    warden = await startWardenServedBy(upstream, 'redteam_held_self_review', {
      WARDEN_INIT_ADMIN_EMAIL: ADMIN.email,
      WARDEN_INIT_ADMIN_PASSWORD: ADMIN.password,
    });
  }, 120_000);

  afterAll(async () => {
    await warden?.stop();
    await upstream.stop();
  });

  it("refuses an insider's release or discard of a held output; another reviewer may release it", async () => {
    const url = warden.url;
    const admin = await staffLogin(url, ADMIN.email, ADMIN.password);
    const reviewer = await createStaff(url, admin.token, 'reviewer');
    const developer = await registerDeveloper(url);
    const insider = await createStaff(url, admin.token, 'reviewer', developer.email);
    const live = await liveApplication(url, developer, reviewer);
    const policy = {
      blocklist: { words: ['heldword'] },
      categories: { blocklist: { input: { action: 'hold' }, output: { action: 'allow' } } },
    };
    expect((await runCli(warden.env, ['policies:set', live.id, JSON.stringify(policy)])).code).toBe(0);
    const held = await postJson(url, '/v1/completions', live.productionKey.secret, {
      model: 'house-model',
      prompt: 'please heldword',
      max_tokens: 8,
      user: 'someone',
    });
    expect(held.status).toBe(202);
    const heldId = held.body.warden.held_completion_id as string;
    const decide = (token: string, decision: 'release' | 'discard') =>
      request(url, 'POST', `/admin/held-completions/${heldId}/decisions`, {
        token,
        body: { decision, reason: 'looked at it' },
      });

    expect(await decide(insider.token, 'release')).toMatchObject(
      staffAnswer(OrganizationsErrorCode.SelfReview),
    );
    expect(await decide(insider.token, 'discard')).toMatchObject(
      staffAnswer(OrganizationsErrorCode.SelfReview),
    );
    const released = await decide(reviewer.token, 'release');
    expectStatus(released, 200);
    expect(released.body).toMatchObject({ status: 'released' });
  });
});
