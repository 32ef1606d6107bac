import { Browser, Page } from 'playwright-core';
import { collectPageErrors, ConsoleSuite, screenshot, startConsoleSuite } from './support/browser';
import {
  apply,
  complete,
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
import { COOKING_TOPICS, OFF_TOPIC, ON_TOPIC } from './support/topics';
import { UpstreamServer } from './support/upstream-server';
import { eventually, WardenInstance } from './support/warden';

const ADMIN = { email: 'admin@topics.test', password: 'admin-password-long-enough' };

/**
 * The console's topicality screens in real Chromium: the application review shows the topics and the preview of its
 * sandbox traffic; a reviewer approves a developer's topic proposal; the policy editor sets `exemptSystemPrompt`.
 */
describe('topicality in the console (Chromium)', () => {
  const upstream = new UpstreamServer();
  let warden: WardenInstance;
  let browser: Browser;
  let suite: ConsoleSuite | undefined;
  let reviewer: Session;
  let developer: DeveloperSession;
  let applicationId: string;
  let proposalId: string;

  beforeAll(async () => {
    suite = await startConsoleSuite('topics-console', {
      WARDEN_INIT_ADMIN_EMAIL: ADMIN.email,
      WARDEN_INIT_ADMIN_PASSWORD: ADMIN.password,
      WARDEN_EMBEDDED_MODELS: '',
      WARDEN_UPSTREAM_URL: await upstream.start(),
      WARDEN_UPSTREAM_MODELS: 'house-model',
    });
    ({ warden, browser } = suite);
    const admin = await staffLogin(warden.url, ADMIN.email, ADMIN.password);
    reviewer = await createStaff(warden.url, admin.token, 'reviewer');
    developer = await registerDeveloper(warden.url);
    const applied = await apply(warden.url, developer, COOKING_TOPICS);
    applicationId = applied.id;
    const calls = [ON_TOPIC[0], ON_TOPIC[1], OFF_TOPIC[0], OFF_TOPIC[2]];
    for (const [index, prompt] of calls.entries()) {
      await complete(warden.url, applied.sandboxKey.secret, { prompt, user: `cook-${index}` });
    }
    await eventually(
      () =>
        warden.query<{ count: string }>('SELECT count(*) FROM request_logs WHERE application_id = $1', [
          applicationId,
        ]),
      ([row]) => Number(row.count) === calls.length,
    );
    expectStatus(
      await request(warden.url, 'POST', `/portal/applications/${applicationId}/submit`, {
        token: developer.token,
      }),
      200,
    );
    expectStatus(await decide(warden.url, reviewer, applicationId, 'start_review'), 200);
    expectStatus(await decide(warden.url, reviewer, applicationId, 'approve'), 200);
    const proposed = await request<{ id: string }>(
      warden.url,
      'POST',
      `/portal/applications/${applicationId}/topic-proposals`,
      {
        token: developer.token,
        body: { ...COOKING_TOPICS, allowedTopics: [...COOKING_TOPICS.allowedTopics, 'gardening'] },
      },
    );
    expectStatus(proposed, 201);
    proposalId = proposed.body.id;
  }, 180_000);

  afterAll(async () => {
    await suite?.stop();
    await upstream.stop();
  });

  async function signIn(page: Page): Promise<void> {
    await page.goto(`${warden.url}/console/`);
    await page.locator('input[name=email]').fill(reviewer.email);
    await page.locator('input[name=password]').fill(STAFF_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('menuitem', { name: 'Topic proposals' }).waitFor();
  }

  it('shows topics and the preview, approves a topic proposal and sets the system-prompt exemption', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const pageErrors = collectPageErrors(page);
    await signIn(page);

    await page.goto(`${warden.url}/console/#/applications/${applicationId}/show`);
    const preview = page.getByTestId('topicality-preview');
    await preview.getByText('2 of 4 judged sandbox calls off topic').waitFor();
    await page.getByTestId('topic-lists').first().getByText('kitchen techniques').waitFor();
    await screenshot(page, 'topicality-01-application');

    await page.getByRole('menuitem', { name: 'Topic proposals' }).click();
    // The status reads as a labelled chip, like every other queue's, not the raw enum value.
    const pending = page.locator('tbody tr', { hasText: 'pending' });
    await pending.getByText('Pending', { exact: true }).waitFor({ timeout: 10_000 });
    await pending.click();
    await page.getByText('Proposed topics', { exact: true }).waitFor();
    await page.getByText('gardening', { exact: true }).waitFor();
    await page.getByTestId('topicality-preview').getByText('Against the proposed topics').waitFor();
    await screenshot(page, 'topicality-02-proposal');
    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('textarea').first().fill('Gardening questions fit the same audience.');
    await dialog.getByRole('button', { name: 'Approve', exact: true }).click();
    await page.getByText(/^approved ·/).waitFor();
    const [proposal] = await warden.query<{ status: string; note: string }>(
      'SELECT status, note FROM topic_proposals WHERE id = $1',
      [proposalId],
    );
    expect(proposal).toEqual({ status: 'approved', note: 'Gardening questions fit the same audience.' });
    const [model] = await warden.query<{ topics: { allowedTopics: string[] } }>(
      'SELECT topics FROM topic_models WHERE application_id = $1',
      [applicationId],
    );
    expect(model.topics.allowedTopics).toContain('gardening');

    await page.goto(`${warden.url}/console/#/policies/${applicationId}`);
    const exemption = page.getByLabel('Chat: leave system and developer messages out of input moderation');
    await exemption.waitFor();
    expect(await exemption.isChecked()).toBe(false);
    await exemption.check();
    await screenshot(page, 'topicality-03-policy-exemption');
    await page.getByRole('button', { name: 'Save' }).click();
    await eventually(
      () =>
        request<{ patch: { exemptSystemPrompt?: boolean } }>(
          warden.url,
          'GET',
          `/admin/policies/${applicationId}`,
          {
            token: reviewer.token,
          },
        ),
      (result) => result.body.patch.exemptSystemPrompt === true,
    );
    expect(pageErrors).toEqual([]);
  });
});
