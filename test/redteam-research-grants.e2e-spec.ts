import { RESEARCH_CHECKLIST_ITEMS } from '../contracts/src';
import { ApiKeyManagementErrorCode, OrganizationsErrorCode, staffAnswer } from './support/error-catalog';
import {
  applyForResearch,
  decide,
  expectStatus,
  request,
  reviewerDeveloperAndInsider,
} from './support/review-api';
import { startWarden, WardenInstance } from './support/warden';

const ADMIN = { email: 'admin@warden.test', password: 'admin-password-long-enough' };
const DAY_MS = 24 * 3600 * 1000;

/** Research grants: who may extend one, and keys that stay inside its time box. */
describe('redteam: research grants', () => {
  let warden: WardenInstance;

  beforeAll(async () => {
    warden = await startWarden('redteam_research_grants', {
      WARDEN_EMBEDDED_MODELS: '',
      WARDEN_INIT_ADMIN_EMAIL: ADMIN.email,
      WARDEN_INIT_ADMIN_PASSWORD: ADMIN.password,
    });
  }, 120_000);

  afterAll(async () => {
    await warden?.stop();
  });

  /** A researcher's grant, approved by a reviewer for 30 days; `insider` is staff with the researcher's address. */
  async function approvedGrant() {
    const url = warden.url;
    const { reviewer, developer: researcher, insider } = await reviewerDeveloperAndInsider(url, ADMIN);

    const grantId = await applyForResearch(url, researcher);
    expectStatus(await decide(url, reviewer, grantId, 'start_review'), 200);
    const endsAt = new Date(Date.now() + 30 * DAY_MS);
    expectStatus(
      await request(url, 'PUT', `/admin/research-grants/${grantId}`, {
        token: reviewer.token,
        body: { startsAt: new Date(Date.now() - 3600_000).toISOString(), endsAt: endsAt.toISOString() },
      }),
      200,
    );
    const checklist = Object.fromEntries(RESEARCH_CHECKLIST_ITEMS.map((item) => [item, true]));
    // The approval itself is already self-review.
    expect(await decide(url, insider, grantId, 'approve', { checklist })).toMatchObject(
      staffAnswer(OrganizationsErrorCode.SelfReview),
    );
    expectStatus(await decide(url, reviewer, grantId, 'approve', { checklist }), 200);
    return { url, reviewer, researcher, insider, grantId, endsAt };
  }

  /**
   * A staff member who is also a researcher in a grant's organization may not approve that grant (self-review), but
   * could approve its renewal: a reviewer extended their own study's access by months, with no second pair of eyes.
   * A renewal decision is held to the same rule as the approval it extends.
   */
  it('refuses a renewal decision from a staff member of the grant’s organization; another reviewer decides', async () => {
    const { url, reviewer, researcher, insider, grantId, endsAt } = await approvedGrant();
    expectStatus(
      await request(url, 'POST', `/portal/research/grants/${grantId}/renewal`, {
        token: researcher.token,
        body: {
          endsAt: new Date(Date.now() + 365 * DAY_MS).toISOString(),
          reason: 'The study needs another year of data.',
        },
      }),
      200,
    );
    for (const decision of ['approve', 'deny']) {
      expect(
        await request(url, 'POST', `/admin/research-grants/${grantId}/renewal`, {
          token: insider.token,
          body: { decision, rationale: 'Looks fine to me.' },
        }),
      ).toMatchObject(staffAnswer(OrganizationsErrorCode.SelfReview));
    }
    const unchanged = await request<{ endsAt: string; renewal: { state: string } }>(
      url,
      'GET',
      `/admin/research-grants/${grantId}`,
      { token: reviewer.token },
    );
    expect(unchanged.body).toMatchObject({
      endsAt: endsAt.toISOString(),
      renewal: { state: 'requested' },
    });

    const decided = await request<{ renewal: { state: string } }>(
      url,
      'POST',
      `/admin/research-grants/${grantId}/renewal`,
      { token: reviewer.token, body: { decision: 'approve', rationale: 'Another year is justified.' } },
    );
    expectStatus(decided, 200);
    expect(decided.body.renewal.state).toBe('approved');
  });

  /**
   * A rotation keeps a key's expiry only while it lies ahead, so rotating a research key that had expired issued
   * one that never expires: past the time box every key of a grant is held to.
   */
  it('does not rotate an expired research key into one without an expiry', async () => {
    const { url, reviewer, researcher, grantId } = await approvedGrant();
    const issued = await request<{ id: string }>(url, 'POST', `/portal/research/grants/${grantId}/keys`, {
      token: researcher.token,
      body: { name: 'short', expiresAt: new Date(Date.now() + 1_500).toISOString() },
    });
    expectStatus(issued, 201);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(
      await request(url, 'POST', `/admin/api-keys/${issued.body.id}/rotate`, {
        token: reviewer.token,
        body: {},
      }),
    ).toMatchObject(staffAnswer(ApiKeyManagementErrorCode.ExpiryRequired));
    const keys = await warden.query<{ expires_at: Date | null }>(
      'SELECT expires_at FROM api_keys WHERE application_id = $1',
      [grantId],
    );
    expect(keys.filter((key) => key.expires_at === null)).toEqual([]);
  });
});
