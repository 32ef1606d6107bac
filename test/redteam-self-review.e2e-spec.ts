import { ApiKeyManagementErrorCode, OrganizationsErrorCode, staffAnswer } from './support/error-catalog';
import {
  createStaff,
  expectStatus,
  liveApplication,
  registerDeveloper,
  request,
  staffLogin,
} from './support/review-api';
import { COOKING_TOPICS } from './support/topics';
import { startWarden, WardenInstance } from './support/warden';

const ADMIN = { email: 'admin@warden.test', password: 'admin-password-long-enough' };

/**
 * Self-review kept a staff member who is also a developer in an organization from deciding on its applications, but
 * not on the other ways that organization asks for, or gets back, access.
 */
describe('redteam: staff deciding for their own organization', () => {
  let warden: WardenInstance;

  beforeAll(async () => {
    warden = await startWarden('redteam_self_review', {
      WARDEN_EMBEDDED_MODELS: '',
      WARDEN_INIT_ADMIN_EMAIL: ADMIN.email,
      WARDEN_INIT_ADMIN_PASSWORD: ADMIN.password,
    });
  }, 120_000);

  afterAll(async () => {
    await warden?.stop();
  });

  /**
   * Self-review kept a staff member who is also a developer in an organization from approving or reinstating its
   * applications, but not from undoing enforcement on them through the keys: after another reviewer suspended their
   * application's key, the insider unsuspended it, minted a fresh key past the freeze (staff may, its developers may
   * not) and lifted the freeze. Giving access back is a conflicted decision wherever it is taken.
   */
  it('refuses an insider’s unsuspend, new key and lifted freeze; another reviewer may', async () => {
    const url = warden.url;
    const admin = await staffLogin(url, ADMIN.email, ADMIN.password);
    const reviewer = await createStaff(url, admin.token, 'reviewer');
    const developer = await registerDeveloper(url);
    const insider = await createStaff(url, admin.token, 'reviewer', developer.email);
    const live = await liveApplication(url, developer, reviewer);
    const keyId = live.productionKey.id;

    expectStatus(
      await request(url, 'POST', `/admin/api-keys/${keyId}/suspend`, {
        token: reviewer.token,
        body: { reason: 'scraping', category: 'policy_violation' },
      }),
      200,
    );

    expect(
      await request(url, 'POST', `/admin/api-keys/${keyId}/unsuspend`, { token: insider.token, body: {} }),
    ).toMatchObject(staffAnswer(OrganizationsErrorCode.SelfReview));
    expect(
      await request(url, 'POST', '/admin/api-keys', {
        token: insider.token,
        body: { applicationId: live.id, name: 'fresh' },
      }),
    ).toMatchObject(staffAnswer(ApiKeyManagementErrorCode.ApplicationUnderEnforcement));
    expect(
      await request(url, 'POST', `/admin/applications/${live.id}/lift-enforcement`, {
        token: insider.token,
        body: { reason: 'reviewed' },
      }),
    ).toMatchObject(staffAnswer(OrganizationsErrorCode.SelfReview));

    const [application] = await warden.query<{ enforced_at: Date | null }>(
      'SELECT enforced_at FROM applications WHERE id = $1',
      [live.id],
    );
    expect(application.enforced_at).not.toBeNull();
    const keys = await warden.query<{ status: string }>(
      'SELECT status FROM api_keys WHERE application_id = $1',
      [live.id],
    );
    expect(keys.map((key) => key.status).sort()).toEqual(['active', 'suspended']);

    // Another reviewer decides, and the developer may mint keys again.
    expectStatus(
      await request(url, 'POST', `/admin/api-keys/${keyId}/unsuspend`, { token: reviewer.token, body: {} }),
      200,
    );
    expectStatus(
      await request(url, 'POST', `/admin/applications/${live.id}/lift-enforcement`, {
        token: reviewer.token,
        body: { reason: 'reviewed' },
      }),
      204,
    );
    expectStatus(
      await request(url, 'POST', `/portal/applications/${live.id}/keys`, {
        token: developer.token,
        body: { name: 'after review' },
      }),
      201,
    );
  });

  /**
   * A developer proposes new topics for a live application and staff decide; the insider approved their own
   * proposal, which rewrites what the application may be asked about.
   */
  it('refuses an insider’s decision on their own topic proposal; another reviewer decides', async () => {
    const url = warden.url;
    const admin = await staffLogin(url, ADMIN.email, ADMIN.password);
    const reviewer = await createStaff(url, admin.token, 'reviewer');
    const developer = await registerDeveloper(url);
    const insider = await createStaff(url, admin.token, 'reviewer', developer.email);
    const live = await liveApplication(url, developer, reviewer);
    const proposed = await request<{ id: string }>(
      url,
      'POST',
      `/portal/applications/${live.id}/topic-proposals`,
      {
        token: developer.token,
        body: COOKING_TOPICS,
      },
    );
    expectStatus(proposed, 201);

    for (const decision of ['approve', 'reject']) {
      expect(
        await request(url, 'POST', `/admin/topic-proposals/${proposed.body.id}/${decision}`, {
          token: insider.token,
          body: {},
        }),
      ).toMatchObject(staffAnswer(OrganizationsErrorCode.SelfReview));
    }
    const [pending] = await warden.query<{ status: string }>(
      'SELECT status FROM topic_proposals WHERE id = $1',
      [proposed.body.id],
    );
    expect(pending.status).toBe('pending');
    expectStatus(
      await request(url, 'POST', `/admin/topic-proposals/${proposed.body.id}/reject`, {
        token: reviewer.token,
        body: { note: 'not yet' },
      }),
      200,
    );
  });
});
