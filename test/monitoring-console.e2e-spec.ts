import { Browser, Locator, Page } from 'playwright-core';
import { OPENAI_CATEGORIES } from '../server/src/moderation/moderation.types';
import { collectPageErrors, ConsoleSuite, screenshot, startConsoleSuite } from './support/browser';
import { testApiKey } from './support/keys';
import { createStaff, postJson, request, STAFF_PASSWORD, staffLogin } from './support/review-api';
import { UpstreamServer } from './support/upstream-server';
import { eventually, runCli, WardenInstance } from './support/warden';

const ADMIN = { email: 'admin@monitoring-console.test', password: 'admin-password-1234' };
const MODEL = 'house-model';
const HELD_PROMPT = 'please heldword the geology answer';
const VIEWPORT = { width: 1440, height: 900 };

interface BiasRunBody {
  id: string;
  status: string;
  progress: { percent: number };
}

/**
 * The misuse-monitoring and bias screens in real Chromium against a real Warden (api + worker, the embedded
 * stories260K model for bias runs, a loopback upstream for completions): an analyst runs a bias analysis and
 * watches it progress to its charts; a reviewer releases a held output and attaches the run to the application's
 * review; alerts, the request-log explorer, end users and the monitoring dashboard show the traffic.
 */
describe('monitoring console (Chromium)', () => {
  const upstream = new UpstreamServer();
  const apiKey = testApiKey();
  let warden: WardenInstance;
  let browser: Browser;
  let suite: ConsoleSuite | undefined;
  let applicationId: string;
  let reviewer: { email: string; password: string };
  let analyst: { email: string; password: string };
  let biasRunId: string;
  let adminToken: string;

  const complete = (prompt: string, user: string) =>
    postJson(warden.url, '/v1/completions', apiKey, { model: MODEL, prompt, max_tokens: 12, user });

  async function signIn(page: Page, credentials: { email: string; password: string }): Promise<void> {
    await page.goto(`${warden.url}/console/`);
    await page.locator('input[name=email]').fill(credentials.email);
    await page.locator('input[name=password]').fill(credentials.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Awaiting review').first().waitFor();
  }

  /** Charts show a tooltip wherever the pointer rests; screenshots are taken with it out of the way. */
  async function shoot(page: Page, name: string): Promise<void> {
    await page.mouse.move(0, VIEWPORT.height - 1);
    await screenshot(page, name);
  }

  beforeAll(async () => {
    // WARDEN_EMBEDDED_MODELS stays unset: bias runs use the default embedded model, stories260K.
    suite = await startConsoleSuite('monitoring_console', {
      WARDEN_INIT_ADMIN_EMAIL: ADMIN.email,
      WARDEN_INIT_ADMIN_PASSWORD: ADMIN.password,
      WARDEN_INIT_API_KEY: apiKey,
      WARDEN_UPSTREAM_URL: await upstream.start(),
      WARDEN_UPSTREAM_MODELS: MODEL,
      WARDEN_MONITOR_INTERVAL_MS: '1000',
    });
    ({ warden, browser } = suite);
    adminToken = (await staffLogin(warden.url, ADMIN.email, ADMIN.password)).token;
    const [reviewerSession, analystSession] = await Promise.all([
      createStaff(warden.url, adminToken, 'reviewer'),
      createStaff(warden.url, adminToken, 'analyst'),
    ]);
    reviewer = { email: reviewerSession.email, password: STAFF_PASSWORD };
    analyst = { email: analystSession.email, password: STAFF_PASSWORD };

    [{ id: applicationId }] = await warden.query<{ id: string }>(
      `SELECT id FROM applications WHERE name = 'Demo application'`,
    );
    // A blocklist word holds the output; the classifier only observes, so the upstream's echo of a prompt never
    // adds a verdict the test did not choose.
    const policy = await runCli(warden.env, [
      'policies:set',
      applicationId,
      JSON.stringify({
        blocklist: { words: ['heldword'] },
        categories: {
          ...Object.fromEntries(
            OPENAI_CATEGORIES.map((category) => [
              category,
              { input: { action: 'observe' }, output: { action: 'observe' } },
            ]),
          ),
          blocklist: { input: { action: 'hold' }, output: { action: 'allow' } },
        },
      }),
    ]);
    expect(policy.code).toBe(0);
    await warden.query(
      `UPDATE anomaly_rules SET params = '{"factor": 5, "minRequests": 5, "baselineHours": 24, "warmupHours": 1}' WHERE id = 'volume_spike'`,
    );
    // A volume spike needs an application with history: one call two hours ago ends its warm-up.
    await warden.query(
      `INSERT INTO request_logs (request_id, created_at, endpoint, application_id, status_code, latency_ms)
       VALUES ('req_warm_history', now() - interval '2 hours', '/v1/completions', $1, 200, 12)`,
      [applicationId],
    );

    for (const [index, user] of ['ann', 'ben', 'cho', 'dev', 'eli', 'fay', 'gus', 'hal'].entries()) {
      expect((await complete(`Tell me a story about dragons number ${index}`, user)).status).toBe(200);
    }
    expect((await complete('write to me at jane.doe@example.com please', 'dev')).status).toBe(200);
    expect((await complete(HELD_PROMPT, 'mallory')).status).toBe(202);
    await eventually(
      () => request<Array<{ ruleId: string }>>(warden.url, 'GET', '/admin/alerts', { token: adminToken }),
      (result) => result.body.some((alert) => alert.ruleId === 'volume_spike'),
      30_000,
    );
  }, 120_000);

  afterAll(async () => {
    await suite?.stop();
    await upstream.stop();
  });

  it('an analyst starts a bias run, watches the progress bar and reads the charts; then compares two runs', async () => {
    const page = await browser.newPage({ viewport: VIEWPORT });
    const pageErrors = collectPageErrors(page);
    await signIn(page, analyst);

    await page.getByRole('menuitem', { name: 'Bias runs' }).click();
    await page.getByRole('link', { name: 'Start a run' }).click();
    await page.locator('input[name=seed]').fill('7');
    // A few probes per group: seconds on stories260K, long enough for a poll or two to catch it running.
    await page.locator('input[name=limit]').fill('8');
    await page.getByRole('button', { name: 'Start run' }).click();

    // Follow the progress bar as the page polls the run, catching it mid-run when the worker is slow enough.
    const progress = page.getByTestId('bias-progress');
    await progress.waitFor();
    const percents: number[] = [];
    let caughtRunning = false;
    const deadline = Date.now() + 60_000;
    for (;;) {
      const status = await progress.getAttribute('data-status');
      const percent = Number(await progress.getAttribute('data-percent'));
      if (percents[percents.length - 1] !== percent) percents.push(percent);
      if (!caughtRunning && status === 'running' && percent > 0) {
        caughtRunning = true;
        await shoot(page, '20-bias-run-progress');
      }
      if (status === 'completed' || status === 'failed') {
        expect(status).toBe('completed');
        break;
      }
      if (Date.now() > deadline) throw new Error(`the bias run did not finish; last progress ${percent} %`);
      await page.waitForTimeout(100);
    }
    expect(percents[percents.length - 1]).toBe(100);
    expect([...percents].sort((a, b) => a - b)).toEqual(percents);
    biasRunId = page.url().split('/bias-runs/')[1].split('/')[0];

    const report = page.getByTestId('bias-report');
    await report.waitFor();
    await expect(
      page.getByTestId('bias-chart').first().locator('.recharts-bar-rectangle').count(),
    ).resolves.toBeGreaterThan(0);
    await expect(page.getByTestId('gaps-table').locator('tbody tr').count()).resolves.toBeGreaterThan(0);
    await page.getByTestId('stereoset-table').waitFor();
    await expect(page.getByText('100 % · ', { exact: false }).count()).resolves.toBeGreaterThan(0);
    if (!caughtRunning) await shoot(page, '20-bias-run-progress');
    await page.getByText('Bias run queued').waitFor({ state: 'hidden' });
    await shoot(page, '21-bias-run-report');
    // Analysts start runs; attaching one to a review is a reviewer's decision.
    await expectHidden(page.getByRole('button', { name: 'Attach to review' }));

    const other = await request<BiasRunBody>(warden.url, 'POST', '/admin/bias-runs', {
      token: adminToken,
      body: { seed: 8, limit: 2, probeSets: ['bold', 'stereoset'] },
    });
    expect(other.status).toBe(201);
    await eventually(
      () =>
        request<BiasRunBody>(warden.url, 'GET', `/admin/bias-runs/${other.body.id}`, { token: adminToken }),
      (result) => result.body.status === 'completed',
      60_000,
    );
    await page.getByRole('button', { name: 'Compare' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox').click();
    await page.getByRole('option', { name: /seed 8/ }).click();
    await dialog.getByRole('button', { name: 'Compare' }).click();
    await page.getByTestId('comparison-chart').first().locator('.recharts-bar-rectangle').first().waitFor();
    await page.getByTestId('group-deltas').waitFor();
    await shoot(page, '22-bias-compare');
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('a reviewer releases a held output from the queue and attaches the bias run to the application review', async () => {
    const page = await browser.newPage({ viewport: VIEWPORT });
    const pageErrors = collectPageErrors(page);
    await signIn(page, reviewer);

    await page.getByRole('menuitem', { name: 'Held outputs' }).click();
    const row = page.locator('tbody tr', { hasText: HELD_PROMPT });
    await row.getByText('Pending').waitFor();
    await row.click();
    const panel = page.getByTestId('held-panel');
    const mark = panel.locator('[data-testid=verdict-span][data-action=hold]');
    await expect(mark.textContent()).resolves.toBe('heldword');
    await shoot(page, '23-held-queue');

    await panel.getByRole('button', { name: 'Release' }).click();
    const dialog = page.getByRole('dialog');
    await dialog
      .locator('textarea[name=reason]')
      .fill('A geology question; the blocklist word is harmless here.');
    await shoot(page, '24-held-release-dialog');
    await dialog.getByRole('button', { name: 'Release' }).click();
    await panel.getByText(/Released by/).waitFor();
    // The queue shows pending outputs: the released one has left it.
    await row.waitFor({ state: 'detached' });
    await shoot(page, '25-held-released');

    const [{ id: heldId }] = await warden.query<{ id: string }>(`SELECT id FROM held_completions`);
    const developerView = await request<{ status: string; completion: { choices: Array<{ text: string }> } }>(
      warden.url,
      'GET',
      `/v1/held-completions/${heldId}`,
      { token: apiKey },
    );
    expect(developerView.body.status).toBe('released');
    expect(developerView.body.completion.choices[0].text).toBe(
      UpstreamServer.answer(HELD_PROMPT, 12).join(''),
    );

    await page.goto(`${warden.url}/console/#/bias-runs/${biasRunId}/show`);
    await page.getByRole('button', { name: 'Attach to review' }).click();
    const attach = page.getByRole('dialog');
    await attach.getByRole('combobox').fill('Demo');
    await page.getByRole('option', { name: /Demo application/ }).click();
    await attach.getByRole('button', { name: 'Attach' }).click();
    await page.getByTestId('attached-applications').getByText('Demo application').waitFor();

    await page.getByRole('menuitem', { name: 'Review queue' }).click();
    await page.locator('tbody tr', { hasText: 'Demo application' }).click();
    const reviewPanel = page.getByTestId('review-panel');
    await reviewPanel.getByText('stories260K · seed 7').waitFor();
    await shoot(page, '26-application-bias-runs');

    // The end user who sent the held prompt: a reviewer blocks them until staff lift it.
    await page.getByRole('menuitem', { name: 'End users' }).click();
    const endUser = page.locator('tbody tr', { hasText: 'mallory' });
    await endUser.getByRole('button', { name: 'Block', exact: true }).click();
    const block = page.getByRole('dialog');
    await block.locator('textarea[name=reason]').fill('Probing the filters with held prompts.');
    await block.getByRole('button', { name: 'Block', exact: true }).click();
    await endUser.getByText('by staff').waitFor();
    await endUser.getByRole('button', { name: 'Unblock', exact: true }).waitFor();
    await expectHidden(endUser.getByRole('button', { name: 'Block', exact: true }));
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('alerts lead to the request-log explorer; end users and the monitoring dashboard show the traffic', async () => {
    const page = await browser.newPage({ viewport: VIEWPORT });
    const pageErrors = collectPageErrors(page);
    await signIn(page, analyst);
    // The tiles count what they link to: the open alert, and no held output left after the release.
    await page
      .getByTestId('tile-alerts-open')
      .filter({ hasText: /^[1-9]\d*$/ })
      .waitFor();
    await page.getByTestId('tile-held-completions-pending').filter({ hasText: /^0$/ }).waitFor();
    await page.getByTestId('tile-bias-runs-running').filter({ hasText: /^0$/ }).waitFor();
    await page.getByTestId('chain-status').getByText('Chain intact').waitFor();
    await shoot(page, '27-dashboard');

    await page.getByRole('menuitem', { name: 'Alerts' }).click();
    await page.locator('tbody tr', { hasText: 'Volume spike' }).first().waitFor();
    await shoot(page, '28-alerts');
    // The detail page, rather than a row that a newly fired alert could push down the list.
    await page.locator('tbody tr', { hasText: 'Volume spike' }).first().click();
    await page.getByText('What the rule compared in its window').waitFor();
    await page.getByRole('button', { name: 'Acknowledge' }).click();
    await page.getByText('Alert acknowledged').waitFor();
    await page.locator('.MuiChip-root', { hasText: 'Acknowledged' }).waitFor();
    await shoot(page, '29-alert');

    await page.getByRole('link', { name: 'Logs', exact: true }).click();
    await page.locator('tbody tr', { hasText: HELD_PROMPT }).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(10);
    // Postgres full-text search: words are stemmed ("write" finds "writes"), an e-mail address is one token.
    await page.locator('input[name=q]').fill('write');
    await page.locator('tbody tr').nth(1).waitFor({ state: 'detached' });
    await expect(page.locator('tbody tr').textContent()).resolves.toContain('jane.doe@example.com');
    await shoot(page, '30-request-log-explorer');
    await page.locator('tbody tr').first().click();
    await page
      .getByTestId('output-panel')
      .locator('[data-testid=verdict-span][data-action=redact]')
      .waitFor();
    await expect(
      page.getByTestId('prompt-panel').locator('[data-testid=verdict-span]').textContent(),
    ).resolves.toBe('jane.doe@example.com');
    await page.getByTestId('verdict-table').waitFor();
    await shoot(page, '31-request-log-detail');

    await page.getByRole('menuitem', { name: 'End users' }).click();
    await page.locator('tbody tr', { hasText: 'mallory' }).getByText('by staff').waitFor();
    // Analysts read end users; blocking and unblocking are a reviewer's.
    await expectHidden(
      page.locator('tbody tr', { hasText: 'mallory' }).getByRole('button', { name: 'Unblock' }),
    );
    await shoot(page, '32-end-users');

    await page.getByRole('menuitem', { name: 'Monitoring' }).click();
    // The ten calls above and the warm-up call two hours ago.
    await page.getByTestId('stat-requests').filter({ hasText: /^11$/ }).waitFor();
    await page.getByTestId('volume-chart').locator('.recharts-bar-rectangle').first().waitFor();
    await page.getByTestId('category-chart').locator('.recharts-bar-rectangle').first().waitFor();
    await page.getByRole('button', { name: 'Last hour' }).click();
    await page.getByText('Requests per 1 min').waitFor();
    await page.getByTestId('volume-chart').locator('.recharts-bar-rectangle').first().waitFor();
    await shoot(page, '33-monitoring');
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});

async function expectHidden(locator: Locator): Promise<void> {
  expect(await locator.count()).toBe(0);
}
