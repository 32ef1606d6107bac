import { randomBytes } from 'node:crypto';
import { Browser } from 'playwright-core';
import { collectPageErrors, ConsoleSuite, screenshot, startConsoleSuite } from './support/browser';
import { testApiKey } from './support/keys';
import { createStaff, request, Session, staffLogin } from './support/review-api';
import { WardenInstance } from './support/warden';

const ADMIN = { email: 'admin@labels.test', password: 'admin-password-long-enough' };

/** Three flagged calls, newest first: the order a `flagged` queue hands them out. */
const CALLS = [
  { prompt: 'a duel in the novel', category: 'violence', score: 0.9, action: 'flag' },
  { prompt: 'a rude remark about a group', category: 'hate', score: 0.8, action: 'flag' },
  { prompt: 'an explicit scene', category: 'sexual', score: 0.7, action: 'block' },
];

/** A labeler works a queue in the console with the keyboard only: disagree and save, agree plus a category, skip. */
describe('labeling queue console (Chromium)', () => {
  let warden: WardenInstance;
  let browser: Browser;
  let suite: ConsoleSuite | undefined;
  let admin: Session;
  let labeler: Session;
  let queueId: string;
  const ids: string[] = [];

  beforeAll(async () => {
    suite = await startConsoleSuite('label_console', {
      WARDEN_INIT_ADMIN_EMAIL: ADMIN.email,
      WARDEN_INIT_ADMIN_PASSWORD: ADMIN.password,
      WARDEN_INIT_API_KEY: testApiKey(),
      WARDEN_EMBEDDED_MODELS: '',
    });
    ({ warden, browser } = suite);
    admin = await staffLogin(warden.url, ADMIN.email, ADMIN.password);
    labeler = await createStaff(warden.url, admin.token, 'labeler');
    const [{ id: applicationId }] = await warden.query<{ id: string }>(
      `SELECT id FROM applications WHERE name = 'Demo application'`,
    );
    for (const [index, call] of CALLS.entries()) {
      const requestId = `req_${randomBytes(12).toString('hex')}`;
      ids.push(requestId);
      await warden.query(
        `INSERT INTO request_logs (request_id, created_at, endpoint, application_id, status_code, latency_ms, prompt, output, verdicts)
         VALUES ($1, now() - make_interval(mins => $2), '/v1/completions', $3, 200, 5, $4::jsonb, $5::jsonb, $6::jsonb)`,
        [
          requestId,
          index + 1,
          applicationId,
          JSON.stringify(call.prompt),
          JSON.stringify([{ index: 0, text: 'and then', finish_reason: 'stop' }]),
          JSON.stringify([
            {
              check: 'classifier',
              direction: 'input',
              category: call.category,
              score: call.score,
              threshold: 0.5,
              triggered: true,
              action: call.action,
            },
          ]),
        ],
      );
    }
    const created = await request<{ id: string }>(warden.url, 'POST', '/admin/label-queues', {
      token: admin.token,
      body: {
        name: 'Flagged this week',
        filter: { applicationId },
        sampling: { rule: 'flagged' },
        targetSize: 10,
      },
    });
    expect(created.status).toBe(201);
    queueId = created.body.id;
  }, 120_000);

  afterAll(async () => {
    await suite?.stop();
  });

  it('labels three items with the keyboard only', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const pageErrors = collectPageErrors(page);
    await page.goto(`${warden.url}/console/`);
    await page.locator('input[name=email]').waitFor();
    await page.locator('input[name=email]').focus();
    await page.keyboard.type(labeler.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(labeler.password);
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: 'Labeling queues' }).waitFor();

    await page.goto(`${warden.url}/console/#/label-queues/${queueId}/show`);
    await page.getByRole('button', { name: 'Label items (l)' }).waitFor();
    await page.keyboard.press('l');
    const panel = page.getByTestId('labeling-panel');
    const item = panel.getByTestId('labeling-item');

    await item.and(page.locator(`[data-request-id="${ids[0]}"]`)).waitFor();
    await page.keyboard.press('?');
    await page.getByRole('dialog').getByText('Keyboard shortcuts').waitFor();
    await screenshot(page, 'label-queue-01-help');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });

    // Item 1: the violence flag was wrong.
    await page.keyboard.press('d');
    await panel.getByTestId('category-violence').getByText('not in it', { exact: true }).waitFor();
    await screenshot(page, 'label-queue-02-disagree');
    await page.keyboard.press('Enter');

    // Item 2: the verdict was right, and it is harassment too (the second category in the list).
    await item.and(page.locator(`[data-request-id="${ids[1]}"]`)).waitFor();
    await page.keyboard.press('a');
    await page.keyboard.press('2');
    await panel.getByTestId('category-harassment').getByText('in it', { exact: true }).waitFor();
    await page.keyboard.press('Enter');

    // Item 3: skipped.
    await item.and(page.locator(`[data-request-id="${ids[2]}"]`)).waitFor();
    await page.keyboard.press('s');
    await panel.getByTestId('queue-done').waitFor();
    await screenshot(page, 'label-queue-03-done');

    await page.keyboard.press('Escape');
    await page.getByTestId('queue-progress').getByText('2 of 3 items done').waitFor();

    const labels = await warden.query<{
      request_id: string;
      categories: Record<string, boolean>;
      false_positive: boolean;
      source: string;
    }>(
      `SELECT request_id, categories, false_positive, source FROM labels WHERE staff_user_id = $1 ORDER BY created_at`,
      [labeler.id],
    );
    expect(labels).toEqual([
      { request_id: ids[0], categories: { violence: false }, false_positive: true, source: 'staff' },
      {
        request_id: ids[1],
        categories: { hate: true, harassment: true },
        false_positive: false,
        source: 'staff',
      },
      { request_id: ids[2], categories: {}, false_positive: false, source: 'staff' },
    ]);
    expect(pageErrors).toEqual([]);
  });
});
