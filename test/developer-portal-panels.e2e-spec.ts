import { Browser, Page } from 'playwright-core';
import { RESEARCH_CHECKLIST_ITEMS } from '../contracts/src';
import { verifyWebhook } from '../server/src/webhooks/webhook.signature';
import { collectPageErrors, ConsoleSuite, screenshot, startConsoleSuite } from './support/browser';
import {
  apply,
  complete,
  createOwnKey,
  createStaff,
  decide,
  DeveloperSession,
  expectStatus,
  registerDeveloper,
  request,
  Session,
  staffLogin,
} from './support/review-api';
import { UpstreamServer } from './support/upstream-server';
import { eventually, WardenInstance } from './support/warden';
import { WebhookReceiver } from './support/webhook-receiver';

const ADMIN = { email: 'admin@portal-panels.test', password: 'admin-password-1234' };
const STUDY = 'Occupational stereotype study';
const DAY_MS = 24 * 3600 * 1000;
const TOPICS = {
  examplePrompts: ['How long should I boil pasta so it stays al dente?'],
  allowedTopics: ['cooking', 'recipes'],
  forbiddenTopics: ['medical diagnosis'],
};

/** A UTC day as a date input takes it. */
const day = (instant: number) => new Date(instant).toISOString().slice(0, 10);

/**
 * The developer portal's webhook and topics panels and its research access area, in real Chromium against a real
 * Warden: a developer sets a webhook (a refused URL shows the server's reason), rotates its secret (each shown
 * once, the delivery signed with the last), proposes topics that staff then reject with a note; a researcher
 * applies for academic access, staff grant it through the admin API, and the researcher creates a time-boxed key
 * that answers /v1/completions, then asks for a renewal.
 */
describe('developer portal panels (Chromium)', () => {
  const upstream = new UpstreamServer();
  const receiver = new WebhookReceiver();
  let suite: ConsoleSuite | undefined;
  let warden: WardenInstance;
  let browser: Browser;
  let reviewer: Session;
  let developer: DeveloperSession;
  let hookUrl: string;

  beforeAll(async () => {
    suite = await startConsoleSuite(
      'portal_helper_panels',
      {
        WARDEN_INIT_ADMIN_EMAIL: ADMIN.email,
        WARDEN_INIT_ADMIN_PASSWORD: ADMIN.password,
        WARDEN_EMBEDDED_MODELS: '',
        WARDEN_UPSTREAM_URL: await upstream.start(),
        WARDEN_UPSTREAM_MODELS: 'house-model',
        // The receiver listens on loopback, which webhooks may only reach when the operator allows it.
        WARDEN_WEBHOOK_ALLOW_PRIVATE: 'true',
      },
      'portal-ui',
    );
    ({ warden, browser } = suite);
    const admin = await staffLogin(warden.url, ADMIN.email, ADMIN.password);
    reviewer = await createStaff(warden.url, admin.token, 'reviewer');
    developer = await registerDeveloper(warden.url);
    hookUrl = await receiver.start();
  }, 120_000);

  afterAll(async () => {
    await suite?.stop();
    await upstream.stop();
    await receiver.stop();
  });

  async function signIn(page: Page): Promise<void> {
    await page.goto(`${warden.url}/developers/`);
    await page.locator('input[name=email]').fill(developer.email);
    await page.locator('input[name=password]').fill(developer.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('menuitem', { name: 'Research access' }).waitFor();
  }

  /** The secret a one-time dialog shows; the dialog is closed with its button and the secret leaves the page. */
  async function takeSecret(page: Page, title: string, pattern: RegExp): Promise<string> {
    const dialog = page.getByRole('dialog', { name: title });
    const secret = (await dialog.getByTestId('issued-secret').textContent())?.trim() ?? '';
    expect(secret).toMatch(pattern);
    await dialog.getByRole('button', { name: /^I have stored the / }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.content()).not.toContain(secret);
    return secret;
  }

  async function storedWebhook(
    applicationId: string,
  ): Promise<{ url: string | null; secret: string | null }> {
    const [row] = await warden.query<{ url: string | null; secret: string | null }>(
      'SELECT webhook_url AS url, webhook_secret AS secret FROM applications WHERE id = $1',
      [applicationId],
    );
    return row;
  }

  it('sets a webhook, rotates its secret and proposes new topics on the application page', async () => {
    // A live application with topics, taken through review by the staff API.
    const applied = await apply(warden.url, developer, TOPICS);
    expectStatus(
      await request(warden.url, 'POST', `/portal/applications/${applied.id}/submit`, {
        token: developer.token,
      }),
      200,
    );
    expectStatus(await decide(warden.url, reviewer, applied.id, 'start_review'), 200);
    expectStatus(await decide(warden.url, reviewer, applied.id, 'approve'), 200);
    const productionKey = (await createOwnKey(warden.url, developer, applied.id)).secret;

    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const pageErrors = collectPageErrors(page);
    await signIn(page);
    await page.goto(`${warden.url}/developers/#/applications/${applied.id}/show`);
    const webhook = page.getByTestId('webhook');
    await webhook.getByText('No webhook set: nothing is sent.').waitFor();
    await webhook.getByTestId('webhook-events').getByText('end_user.unblocked').waitFor();

    // The server's refusal appears under the field, and nothing is stored.
    const urlInput = webhook.locator('input[name=webhookUrl]');
    await urlInput.fill('ftp://hooks.example.com/warden');
    await webhook.getByRole('button', { name: 'Set webhook' }).click();
    await webhook.getByText('The webhook URL must use http or https.').waitFor();
    await screenshot(page, 'portal-panels-01-webhook-refused');
    expect(await storedWebhook(applied.id)).toEqual({ url: null, secret: null });

    // Set: the signing secret is shown once, and it is what the server stored.
    await urlInput.fill(hookUrl);
    await webhook.getByRole('button', { name: 'Set webhook' }).click();
    const dialogTitle = 'Your webhook signing secret';
    await page.getByRole('dialog', { name: dialogTitle }).getByTestId('webhook-snippet').waitFor();
    await screenshot(page, 'portal-panels-02-webhook-secret');
    const firstSecret = await takeSecret(page, dialogTitle, /^whsec_/);
    await webhook.getByTestId('webhook-status').getByText(hookUrl).waitFor();
    expect(await webhook.getByTestId('webhook-status').textContent()).toBe(`Deliveries go to ${hookUrl}`);
    expect(await storedWebhook(applied.id)).toEqual({ url: hookUrl, secret: firstSecret });
    const shown = await request<{ url: string | null }>(
      warden.url,
      'GET',
      `/portal/applications/${applied.id}/webhook`,
      { token: developer.token },
    );
    expectStatus(shown, 200);
    expect(shown.body).toEqual({ url: hookUrl, events: null });

    // Rotate: confirmed, a new secret once, the URL kept.
    await webhook.getByRole('button', { name: 'Rotate secret' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Rotate' }).click();
    const rotatedSecret = await takeSecret(page, dialogTitle, /^whsec_/);
    expect(rotatedSecret).not.toBe(firstSecret);
    expect(await storedWebhook(applied.id)).toEqual({ url: hookUrl, secret: rotatedSecret });

    // A delivery is signed with the rotated secret, not the first: an end user's unblocking notifies the webhook.
    expectStatus(await complete(warden.url, productionKey, { user: 'reader-1' }), 200);
    const endUserId = `${applied.id}:reader-1`;
    await eventually(
      () => request(warden.url, 'GET', `/admin/end-users/${endUserId}`, { token: reviewer.token }),
      (result) => result.status === 200,
    );
    expectStatus(
      await request(warden.url, 'POST', `/admin/end-users/${endUserId}/unblock`, {
        token: reviewer.token,
        body: { reason: 'Checking the webhook' },
      }),
      200,
    );
    const [delivery] = await eventually(
      async () => receiver.received.filter((hook) => hook.json.type === 'end_user.unblocked'),
      (hooks) => hooks.length > 0,
    );
    const signature = String(delivery.headers['x-warden-signature']);
    expect(verifyWebhook(rotatedSecret, delivery.body, signature)).toBe(true);
    expect(verifyWebhook(firstSecret, delivery.body, signature)).toBe(false);

    // Events: every one by default; a developer who leaves out unblockings gets none, with URL and secret kept.
    const unblockings = async () => {
      expectStatus(
        await request(warden.url, 'POST', `/admin/end-users/${endUserId}/unblock`, {
          token: reviewer.token,
          body: { reason: 'Checking the webhook events' },
        }),
        200,
      );
      const [{ count }] = await warden.query<{ count: number }>(
        `SELECT count(*)::int AS count FROM webhook_deliveries WHERE application_id = $1 AND event = 'end_user.unblocked'`,
        [applied.id],
      );
      return count;
    };
    const events = webhook.getByTestId('webhook-events');
    await events.getByLabel('Every event, including ones added later').uncheck();
    await events.getByRole('checkbox', { name: 'end_user.unblocked' }).uncheck();
    await screenshot(page, 'portal-panels-02b-webhook-events');
    await events.getByRole('button', { name: 'Save events' }).click();
    await page.getByText('Webhook events saved').waitFor();
    const chosen = [
      'end_user.throttled',
      'end_user.blocked',
      'held_completion.released',
      'held_completion.discarded',
    ];
    const saved = await request(warden.url, 'GET', `/portal/applications/${applied.id}/webhook`, {
      token: developer.token,
    });
    expect(saved.body).toEqual({ url: hookUrl, events: chosen });
    expect(await storedWebhook(applied.id)).toEqual({ url: hookUrl, secret: rotatedSecret });
    expect(await unblockings()).toBe(1);
    // Every event again: unblockings are sent.
    await page.reload();
    await events.getByLabel('Every event, including ones added later').check();
    await events.getByRole('button', { name: 'Save events' }).click();
    await page.getByText('Webhook events saved').waitFor();
    expect(await unblockings()).toBe(2);

    // Topics: the approved ones, a proposal from them with one more allowed topic, pending until staff decide.
    const topics = page.getByTestId('topics');
    await topics.getByText('medical diagnosis').waitFor();
    await topics.getByRole('button', { name: 'Propose a change' }).click();
    const proposeDialog = page.getByRole('dialog', { name: 'Propose new topics' });
    const allowed = proposeDialog.locator('textarea[name=allowedTopics]');
    expect(await allowed.inputValue()).toBe('cooking\nrecipes');
    // Neither an example prompt nor an allowed topic: the form refuses it with the schema's words.
    await allowed.fill('');
    await proposeDialog.locator('textarea[name=examplePrompts]').fill('');
    await proposeDialog.getByRole('button', { name: 'Send proposal' }).click();
    await proposeDialog.getByText('Give at least one example prompt or allowed topic').waitFor();
    await proposeDialog
      .locator('textarea[name=examplePrompts]')
      .fill(TOPICS.examplePrompts[0] + '\nWhat can I cook with rice and broccoli?');
    await allowed.fill('cooking\nrecipes\nmeal planning');
    await screenshot(page, 'portal-panels-03-propose-topics');
    await proposeDialog.getByRole('button', { name: 'Send proposal' }).click();
    await proposeDialog.waitFor({ state: 'hidden' });
    const proposal = topics.getByTestId('topic-proposal').first();
    await proposal.getByText('Pending').waitFor();
    await proposal.getByText(/allowed: cooking, recipes, meal planning/).waitFor();
    await topics.getByTestId('proposal-blocked').waitFor();
    expect(await topics.getByRole('button', { name: 'Propose a change' }).count()).toBe(0);

    // Staff see it, with the topics it would replace, and reject it with a note the developer then reads.
    const listed = await request<
      Array<{ id: string; status: string; topics: unknown; currentTopics: unknown }>
    >(
      warden.url,
      'GET',
      `/admin/topic-proposals?filter=${encodeURIComponent(JSON.stringify({ applicationId: applied.id }))}`,
      { token: reviewer.token },
    );
    expectStatus(listed, 200);
    expect(listed.body).toHaveLength(1);
    expect(listed.body[0]).toMatchObject({
      status: 'pending',
      topics: {
        examplePrompts: [TOPICS.examplePrompts[0], 'What can I cook with rice and broccoli?'],
        allowedTopics: ['cooking', 'recipes', 'meal planning'],
        forbiddenTopics: ['medical diagnosis'],
      },
      currentTopics: TOPICS,
    });
    expectStatus(
      await request(warden.url, 'POST', `/admin/topic-proposals/${listed.body[0].id}/reject`, {
        token: reviewer.token,
        body: { note: 'Meal planning needs its own example prompts.' },
      }),
      200,
    );
    await page.reload();
    await proposal.getByText('Rejected').waitFor();
    await proposal.getByText('Reviewer’s note: Meal planning needs its own example prompts.').waitFor();
    await topics.getByRole('button', { name: 'Propose a change' }).waitFor();
    await screenshot(page, 'portal-panels-04-topics-rejected');

    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('applies for academic access, follows the grant, creates a research key and asks for a renewal', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const pageErrors = collectPageErrors(page);
    await signIn(page);

    // The application form refuses what the server would, in the schema's words.
    await page.getByRole('menuitem', { name: 'Research access' }).click();
    await page.getByRole('heading', { name: 'Academic access' }).waitFor();
    await page.getByRole('link', { name: 'Apply for academic access' }).first().click();
    await page.locator('input[name=name]').fill(STUDY);
    await page.locator('input[name="questionnaire.institution"]').fill('Example University');
    const question = page.locator('textarea[name="questionnaire.researchQuestion"]');
    await question.fill('Stereotypes?');
    await page
      .locator('textarea[name="questionnaire.harmsStudied"]')
      .fill('gender bias\noccupational stereotypes');
    await page
      .locator('textarea[name="questionnaire.dataHandling"]')
      .fill('Outputs stay on the university cluster and are deleted after 12 months.');
    await page.locator('input[name="questionnaire.ethicsApproved"][value="yes"]').check();
    const applyButton = page.getByRole('button', { name: 'Apply for academic access' });
    await applyButton.click();
    await page.getByText('State the research question in at least 20 characters').waitFor();
    await screenshot(page, 'portal-panels-05-research-invalid');
    await question.fill('Which occupations does the model associate with one gender more than another?');
    // The schema checks the reference once the answers themselves are whole.
    await applyButton.click();
    await page.getByText('An approved study names its ethics approval reference').waitFor();
    await page.locator('input[name="questionnaire.ethicsApprovalReference"]').fill('ERB-77');
    await page.getByRole('button', { name: 'Apply for academic access' }).click();

    // The grant's page: pending review.
    await page.getByTestId('grant-step').getByText('Waiting for staff review').waitFor();
    await page.getByTestId('grant-status').getByText('Pending review').waitFor();
    await page
      .getByTestId('grant-keys')
      .getByText('Keys can be created once the grant is approved.')
      .waitFor();
    const grantId = /#\/research-grants\/([0-9a-f-]{36})\/show/.exec(page.url())?.[1];
    expect(grantId).toBeDefined();
    // A study is followed here, not among the products under Applications, whose production keys it cannot have.
    const products = await request<Array<{ id: string }>>(warden.url, 'GET', '/portal/applications', {
      token: developer.token,
    });
    expect(products.body.map((application) => application.id)).not.toContain(grantId);
    const [stored] = await warden.query<{ questionnaire: Record<string, unknown> }>(
      'SELECT questionnaire FROM research_grants WHERE id = $1',
      [grantId],
    );
    expect(stored.questionnaire).toMatchObject({
      institution: 'Example University',
      harmsStudied: ['gender bias', 'occupational stereotypes'],
      ethicsApproved: true,
      ethicsApprovalReference: 'ERB-77',
    });

    // Staff grant it: dates and a quota, then approval with the research checklist.
    const endsAt = Date.now() + 30 * DAY_MS;
    expectStatus(await decide(warden.url, reviewer, grantId!, 'start_review'), 200);
    expectStatus(
      await request(warden.url, 'PUT', `/admin/research-grants/${grantId}`, {
        token: reviewer.token,
        body: {
          startsAt: new Date(Date.now() - 3600_000).toISOString(),
          endsAt: new Date(endsAt).toISOString(),
          quotas: { requestsPerDay: 500 },
        },
      }),
      200,
    );
    const checklist = Object.fromEntries(RESEARCH_CHECKLIST_ITEMS.map((item) => [item, true]));
    expectStatus(await decide(warden.url, reviewer, grantId!, 'approve', { checklist }), 200);

    // The list and the page show it active, with its end and quota.
    await page.getByRole('menuitem', { name: 'Research access' }).click();
    const row = page.locator('tbody tr', { hasText: STUDY });
    await row.getByText('Active').waitFor();
    await row.getByText(/29 d left/).waitFor();
    await screenshot(page, 'portal-panels-06-grants');
    await row.click();
    await page
      .getByTestId('grant-step')
      .getByText(/^Active until/)
      .waitFor();
    await page.getByTestId('grant-terms').getByText('0 of 500').waitFor();
    await page.getByTestId('feedback').getByText('Approved for production').waitFor();

    // A research key expiring ten days from now: shown once, listed with its expiry, answering /v1/completions.
    const keys = page.getByTestId('grant-keys');
    await keys.getByRole('button', { name: 'Create research key' }).click();
    const expiryInput = page.locator('input[name=keyExpiresOn]');
    expect(await expiryInput.inputValue()).toBe(day(endsAt));
    const expiryDay = day(Date.now() + 10 * DAY_MS);
    await expiryInput.fill(expiryDay);
    await page.locator('input[name=keyName]').fill('analysis cluster');
    await page.getByRole('dialog').getByRole('button', { name: 'Create key' }).click();
    await page.getByRole('dialog', { name: 'Your research key' }).getByTestId('client-snippet').waitFor();
    await screenshot(page, 'portal-panels-07-research-key');
    const researchKey = await takeSecret(page, 'Your research key', /^wk-/);
    await keys.locator('tbody tr', { hasText: 'analysis cluster' }).getByText('Active').waitFor();
    const listed = await request<Array<{ name: string; expiresAt: string | null }>>(
      warden.url,
      'GET',
      `/portal/research/grants/${grantId}/keys`,
      { token: developer.token },
    );
    expectStatus(listed, 200);
    expect(listed.body.find((key) => key.name === 'analysis cluster')?.expiresAt).toBe(
      `${expiryDay}T23:59:59.000Z`,
    );
    const answered = await complete(warden.url, researchKey);
    expectStatus(answered, 200);
    expect(answered.body.choices?.[0].text).toContain('upstream heard');

    // A renewal request: a later end and a reason, then shown as pending.
    const renewal = page.getByTestId('renewal');
    await renewal.getByRole('button', { name: 'Request renewal' }).click();
    const requestedDay = day(endsAt + 60 * DAY_MS);
    await page.locator('input[name=renewalEndsAt]').fill(requestedDay);
    await page.locator('textarea[name=renewalReason]').fill('Recruiting the second cohort took longer.');
    await page.getByRole('dialog').getByRole('button', { name: 'Request renewal' }).click();
    await renewal
      .getByTestId('renewal-request')
      .getByText(/Recruiting the second cohort/)
      .waitFor();
    await renewal.getByText('Renewal requested').waitFor();
    expect(await renewal.getByRole('button', { name: 'Request renewal' }).count()).toBe(0);
    await screenshot(page, 'portal-panels-08-renewal');
    const grant = await request<{ renewal: { state: string; requestedEndsAt: string } }>(
      warden.url,
      'GET',
      `/portal/research/grants/${grantId}`,
      { token: developer.token },
    );
    expect(grant.body.renewal).toMatchObject({
      state: 'requested',
      requestedEndsAt: `${requestedDay}T23:59:59.000Z`,
    });

    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
