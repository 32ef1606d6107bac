import { Browser, Page } from 'playwright-core';
import { RESEARCH_CHECKLIST_LABELS } from '../contracts/src';
import { collectPageErrors, ConsoleSuite, screenshot, startConsoleSuite } from './support/browser';
import {
  applyForResearch,
  createStaff,
  decide,
  DeveloperSession,
  expectStatus,
  registerDeveloper,
  request,
  Session,
  STAFF_PASSWORD,
  staffLogin,
} from './support/review-api';
import { UpstreamServer } from './support/upstream-server';
import { WardenInstance } from './support/warden';

const ADMIN = { email: 'admin@research-console.test', password: 'admin-password-1234' };
const STUDY = 'Occupational stereotype study';
const DAY_MS = 24 * 3600 * 1000;

/**
 * The research-grants screens in real Chromium: a reviewer approves a research application with the research
 * checklist in the review queue, sees the grant's expiry and a pending renewal, and approves the renewal.
 */
describe('research grants console (Chromium)', () => {
  const upstream = new UpstreamServer();
  let warden: WardenInstance;
  let browser: Browser;
  let suite: ConsoleSuite | undefined;
  let reviewer: Session;
  let researcher: DeveloperSession;
  let grantId: string;

  beforeAll(async () => {
    suite = await startConsoleSuite('research-console', {
      WARDEN_INIT_ADMIN_EMAIL: ADMIN.email,
      WARDEN_INIT_ADMIN_PASSWORD: ADMIN.password,
      WARDEN_EMBEDDED_MODELS: '',
      WARDEN_UPSTREAM_URL: await upstream.start(),
      WARDEN_UPSTREAM_MODELS: 'house-model',
    });
    ({ warden, browser } = suite);
    const admin = await staffLogin(warden.url, ADMIN.email, ADMIN.password);
    reviewer = await createStaff(warden.url, admin.token, 'reviewer');
    researcher = await registerDeveloper(warden.url);
    grantId = await applyForResearch(warden.url, researcher, STUDY, {
      institution: 'Example University',
      researchQuestion: 'Which occupations does the model associate with one gender more than another?',
      harmsStudied: ['gender bias'],
      ethicsApprovalReference: 'ERB-77',
    });
    expectStatus(await decide(warden.url, reviewer, grantId, 'start_review'), 200);
    expectStatus(
      await request(warden.url, 'PUT', `/admin/research-grants/${grantId}`, {
        token: reviewer.token,
        body: {
          startsAt: new Date(Date.now() - 3600_000).toISOString(),
          endsAt: new Date(Date.now() + 20 * DAY_MS).toISOString(),
          quotas: { requestsPerDay: 500 },
          profile: { allowLogprobs: true },
        },
      }),
      200,
    );
  }, 120_000);

  afterAll(async () => {
    await suite?.stop();
    await upstream.stop();
  });

  async function signIn(page: Page): Promise<void> {
    await page.goto(`${warden.url}/console/`);
    await page.locator('input[name=email]').fill(reviewer.email);
    await page.locator('input[name=password]').fill(STAFF_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('menuitem', { name: 'Research grants' }).waitFor();
  }

  it('approves with the research checklist, shows the expiry and approves a renewal', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const pageErrors = collectPageErrors(page);
    await signIn(page);

    // The review queue approves a research application against the research checklist.
    await page.getByRole('menuitem', { name: 'Review queue' }).click();
    await page.locator('tbody tr', { hasText: STUDY }).click();
    const panel = page.getByTestId('review-panel');
    await panel.getByText('research grant').waitFor();
    await panel.getByRole('button', { name: 'Approve', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(RESEARCH_CHECKLIST_LABELS.ethicsApprovalChecked).waitFor();
    for (const box of await dialog.getByRole('checkbox').all()) {
      await box.check();
    }
    await dialog
      .locator('textarea[name=rationale]')
      .fill('Legitimate bias study with ethics approval ERB-77.');
    await screenshot(page, 'research-01-checklist');
    await dialog.getByRole('button', { name: 'Approve', exact: true }).click();
    // No key and no secret for the reviewer: the researcher makes time-boxed keys in the portal.
    await page.getByText('the researcher creates time-boxed keys in the portal').waitFor();
    expect(await page.getByTestId('issued-secret').count()).toBe(0);
    const keysPath = `/portal/research/grants/${grantId}/keys`;
    const none = await request<unknown[]>(warden.url, 'GET', keysPath, { token: researcher.token });
    expect(none.body).toEqual([]);
    const made = await request<{ kind: string; expiresAt: string }>(warden.url, 'POST', keysPath, {
      token: researcher.token,
      body: { name: 'cluster', expiresAt: new Date(Date.now() + 10 * DAY_MS).toISOString() },
    });
    expectStatus(made, 201);
    expect(made.body.expiresAt).not.toBeNull();

    // The researcher asks for more time.
    const requestedEnd = new Date(Date.now() + 80 * DAY_MS);
    expectStatus(
      await request(warden.url, 'POST', `/portal/research/grants/${grantId}/renewal`, {
        token: researcher.token,
        body: { endsAt: requestedEnd.toISOString(), reason: 'Recruiting the second cohort took longer.' },
      }),
      200,
    );

    await page.goto(`${warden.url}/console/#/research-grants`);
    const row = page.locator('tbody tr', { hasText: STUDY });
    await row.getByText('Active').waitFor();
    await row.getByText(/19 d left/).waitFor();
    await row.getByText('Renewal requested').waitFor();
    await screenshot(page, 'research-02-grants');

    await row.click();
    const renewal = page.getByTestId('renewal-request');
    await renewal.getByText(/Recruiting the second cohort/).waitFor();
    await page.getByText(/requests today/i).waitFor();
    await page.getByText('logprobs allowed').waitFor();
    await screenshot(page, 'research-03-grant');
    await renewal.getByRole('button', { name: 'Approve renewal' }).click();
    const renewDialog = page.getByRole('dialog');
    await renewDialog.locator('textarea[name=reason]').fill('Cohort delay confirmed by the ethics board.');
    await renewDialog.getByRole('button', { name: 'Approve', exact: true }).click();
    await page.getByText('Renewed').first().waitFor();
    await page
      .getByText(/79 d left/)
      .first()
      .waitFor();
    await page.getByText(/Cohort delay confirmed/).waitFor();
    await screenshot(page, 'research-04-renewed');

    const [grant] = await warden.query<{ ends_at: Date; renewal_state: string }>(
      `SELECT ends_at, renewal_state FROM research_grants WHERE id = $1`,
      [grantId],
    );
    expect(grant).toMatchObject({ renewal_state: 'approved', ends_at: requestedEnd });
    expect(pageErrors).toEqual([]);
  });
});
