import fs from 'node:fs';
import path from 'node:path';
import { Browser, Locator, Page } from 'playwright-core';
import { ClassifierThresholdsResponse } from '../contracts/src';
import { collectPageErrors, ConsoleSuite, screenshot, startConsoleSuite } from './support/browser';
import { UpstreamServer } from './support/upstream-server';
import { eventually, REPOSITORY_ROOT, WardenInstance } from './support/warden';
import { ApiKeyErrorCode, openAiAnswer } from './support/error-catalog';

const ADMIN = { email: 'admin@console.test', password: 'admin-password-1234' };
const REVIEWER = { email: 'reviewer@console.test', password: 'reviewer-password-1234' };
const ANALYST = { email: 'analyst@console.test', password: 'analyst-password-1234' };
const DEVELOPER = {
  organizationName: 'Acme Tutoring',
  email: 'dev@acme.test',
  password: 'developer-password-1234',
};
const APPLICATION_NAME = 'Essay Coach';
const MODEL = 'house-model';

const QUESTIONNAIRE = {
  useCaseCategory: 'education',
  useCaseDescription: 'Gives students feedback on the structure and grammar of their essays.',
  openEndedness: 'constrained',
  endUsers: 'Students aged 16 and over at partner schools',
  audienceSize: 'small',
  humanInTheLoop: true,
  endUserAuthentication: true,
  misuseHandling: 'Teachers review flagged outputs every week; students can report an answer.',
  inputLength: 800,
  outputLength: 300,
  expectedVolume: 2000,
};

/**
 * The console in real Chromium against a real Warden: a reviewer approves an application through the review
 * queue and terminates its production key on the Keys page; the key is then refused by /v1/completions.
 */
describe('staff console (Chromium)', () => {
  const upstream = new UpstreamServer();
  let warden: WardenInstance;
  let browser: Browser;
  let suite: ConsoleSuite | undefined;
  let applicationId: string;
  let sandboxKey: string;
  let developerToken: string;

  async function api<T>(
    method: string,
    route: string,
    body?: unknown,
    token?: string,
  ): Promise<{ status: number; body: T }> {
    const response = await fetch(`${warden.url}${route}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status >= 500) {
      throw new Error(
        `${method} ${route} answered ${response.status} ${text}\n${warden.output.slice(-20).join('\n')}`,
      );
    }
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  async function staffToken(credentials: { email: string; password: string }): Promise<string> {
    const login = await api<{ accessToken: string }>('POST', '/admin/auth/login', credentials);
    expect(login.status).toBe(200);
    return login.body.accessToken;
  }

  async function complete(
    apiKey: string,
  ): Promise<{ status: number; body: { error?: { code: string; message: string } } }> {
    // A prompt the classifier scores as plainly benign: the sandbox key is held to sandbox thresholds, where a
    // greeting like "hello there" already reads as harassment to the default classifier.
    return api(
      'POST',
      '/v1/completions',
      { model: MODEL, prompt: 'Once upon a time', max_tokens: 8, user: 'student-1' },
      apiKey,
    );
  }

  /** The developer side, through the portal API: register, apply, submit for review. */
  async function applyAsDeveloper(): Promise<{
    applicationId: string;
    sandboxKey: string;
    developerToken: string;
  }> {
    expect((await api('POST', '/portal/auth/register', DEVELOPER)).status).toBe(202);
    const signedIn = await api<{ accessToken: string }>('POST', '/portal/auth/login', {
      email: DEVELOPER.email,
      password: DEVELOPER.password,
    });
    expect(signedIn.status).toBe(200);
    const token = signedIn.body.accessToken;
    const created = await api<{ id: string; sandboxKey: { secret: string } }>(
      'POST',
      '/portal/applications',
      { name: APPLICATION_NAME, questionnaire: QUESTIONNAIRE },
      token,
    );
    expect(created.status).toBe(201);
    const submitted = await api('POST', `/portal/applications/${created.body.id}/submit`, {}, token);
    expect(submitted.status).toBe(200);
    return {
      applicationId: created.body.id,
      sandboxKey: created.body.sandboxKey.secret,
      developerToken: token,
    };
  }

  async function signIn(page: Page, credentials: { email: string; password: string }): Promise<void> {
    await page.goto(`${warden.url}/console/`);
    await page.locator('input[name=email]').fill(credentials.email);
    await page.locator('input[name=password]').fill(credentials.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Awaiting review').first().waitFor();
  }

  async function decide(
    panel: Locator,
    page: Page,
    decision: string,
    rationale: string,
    checklist = false,
  ): Promise<void> {
    await panel.getByRole('button', { name: decision, exact: true }).click();
    const dialog = page.getByRole('dialog');
    if (checklist) {
      for (const box of await dialog.getByRole('checkbox').all()) {
        await box.check();
      }
    }
    await dialog.locator('textarea[name=rationale]').fill(rationale);
    await dialog.getByRole('button', { name: decision, exact: true }).click();
  }

  beforeAll(async () => {
    const upstreamUrl = await upstream.start();
    suite = await startConsoleSuite('console', {
      WARDEN_INIT_ADMIN_EMAIL: ADMIN.email,
      WARDEN_INIT_ADMIN_PASSWORD: ADMIN.password,
      WARDEN_EMBEDDED_MODELS: '',
      WARDEN_UPSTREAM_URL: upstreamUrl,
      WARDEN_UPSTREAM_MODELS: `${MODEL}=real-upstream-model`,
    });
    ({ warden, browser } = suite);

    const adminToken = await staffToken(ADMIN);
    for (const member of [
      { ...REVIEWER, role: 'reviewer' },
      { ...ANALYST, role: 'analyst' },
    ]) {
      expect((await api('POST', '/admin/staff', member, adminToken)).status).toBe(201);
    }
    ({ applicationId, sandboxKey, developerToken } = await applyAsDeveloper());
  }, 120_000);

  afterAll(async () => {
    await suite?.stop();
    await upstream.stop();
  });

  it('a reviewer approves an application in the review queue and terminates its key; the key is refused', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const pageErrors = collectPageErrors(page);

    await page.goto(`${warden.url}/console/`);
    await page.locator('input[name=email]').waitFor();
    await screenshot(page, '01-login');
    await signIn(page, REVIEWER);
    // A reviewer is not an admin: the Staff page is not offered.
    await expectHidden(page.getByRole('menuitem', { name: 'Staff' }));

    await page.getByRole('menuitem', { name: 'Review queue' }).click();
    const row = page.locator('tbody tr', { hasText: APPLICATION_NAME });
    await row.getByText('Awaiting review').waitFor();
    await screenshot(page, '02-review-queue');

    await row.click();
    const panel = page.getByTestId('review-panel');
    await panel.getByText(DEVELOPER.organizationName).waitFor();
    await decide(panel, page, 'Start review', 'Picking this application up for production review.');
    await panel.getByText('In review').first().waitFor();
    await screenshot(page, '03-review-panel');

    await decide(
      panel,
      page,
      'Approve',
      'Constrained feedback for authenticated students, reviewed by teachers.',
      true,
    );
    // The reviewer is told who makes the production key, and shown no secret.
    await page.getByText('the developer creates production keys in the portal').waitFor();
    await panel.getByText('Approved').first().waitFor();
    await screenshot(page, '04-approved');
    expect(await page.getByTestId('issued-secret').count()).toBe(0);
    const created = await api<{ secret: string }>(
      'POST',
      `/portal/applications/${applicationId}/keys`,
      { name: 'production' },
      developerToken,
    );
    expect(created.status).toBe(201);
    const productionKey = created.body.secret;
    expect((await complete(productionKey)).status).toBe(200);

    await panel.getByRole('link', { name: /Full record/ }).click();
    await page.getByText('Decision history').waitFor();
    await page.getByText('Constrained feedback for authenticated students').waitFor();
    await screenshot(page, '05-application-detail');

    await page.getByRole('menuitem', { name: 'Keys' }).click();
    const keyRow = page.locator('tbody tr', { hasText: APPLICATION_NAME }).filter({ hasText: 'Production' });
    await keyRow.getByText('Active').waitFor();
    await keyRow.getByRole('button', { name: 'Terminate' }).click();
    const terminateDialog = page.getByRole('dialog');
    await terminateDialog.locator('select[name=category]').selectOption('suspected_compromise');
    await terminateDialog.getByText('refused calls will name a suspected key compromise').waitFor();
    await terminateDialog.locator('textarea[name=reason]').fill('Abuse report #4711: key posted publicly.');
    await screenshot(page, '06-terminate-key');
    await terminateDialog.getByRole('button', { name: 'Terminate' }).click();
    await keyRow.getByText('Terminated').waitFor();
    await screenshot(page, '07-keys');

    const refused = await complete(productionKey);
    expect(refused).toMatchObject(openAiAnswer(ApiKeyErrorCode.KeyTerminated));
    // The category picked in the dialog, not the default "policy violation".
    expect(refused.body.error?.message).toContain('suspected key compromise');
    expect(refused.body.error?.message).not.toContain('policy violation');
    // Only that key: the application's sandbox key still works.
    expect((await complete(sandboxKey)).status).toBe(200);

    // Terminating a key put the application under enforcement: the reviewer sees why and lifts it after review.
    await page.getByRole('menuitem', { name: 'Review queue' }).click();
    // The Keys table lists the application too: wait for the queue's row, which shows the review state.
    await page.locator('tbody tr', { hasText: APPLICATION_NAME }).filter({ hasText: 'Approved' }).click();
    await page.getByRole('link', { name: /Full record/ }).click();
    const banner = page.getByTestId('enforcement-banner');
    await banner.getByText('Keys frozen pending review').waitFor();
    await banner.getByText(/suspected key compromise/).waitFor();
    await screenshot(page, '07b-enforcement');
    await banner.getByRole('button', { name: 'Lift enforcement' }).click();
    const liftDialog = page.getByRole('dialog');
    await liftDialog
      .locator('textarea[name=reason]')
      .fill('Developer rotated the leaked key out of the repository.');
    await liftDialog.getByRole('button', { name: 'Lift enforcement' }).click();
    await page.getByTestId('enforcement-banner').waitFor({ state: 'detached' });
    const [lifted] = await warden.query<{ enforced_at: Date | null }>(
      'SELECT enforced_at FROM applications WHERE id = $1',
      [applicationId],
    );
    expect(lifted.enforced_at).toBeNull();

    await page.getByRole('menuitem', { name: 'Policies' }).click();
    // The Keys table lists the application twice: wait for the policy list to replace it.
    await page.getByRole('columnheader', { name: 'Max prompt tokens' }).waitFor();
    await page.locator('tbody tr', { hasText: APPLICATION_NAME }).click();
    await page.getByText('prompt-injection').waitFor();
    await screenshot(page, '08-policy');

    await page.getByRole('menuitem', { name: 'Audit log' }).click();
    await page.getByTestId('chain-status').getByText('Chain intact').waitFor();
    await screenshot(page, '09-audit-log');

    await page.getByRole('menuitem', { name: 'Request log' }).click();
    await page.getByRole('columnheader', { name: 'Prompt → output' }).waitFor();
    await page.locator('tbody tr').first().waitFor();
    await screenshot(page, '10-request-log');

    const decisions = await warden.query<{ decision: string }>(
      'SELECT decision FROM application_decisions WHERE application_id = $1 ORDER BY created_at',
      [applicationId],
    );
    expect(decisions.map((row) => row.decision)).toEqual(['start_review', 'approve']);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('the policy editor shows the thresholds in force and refuses an out-of-range one', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const pageErrors = collectPageErrors(page);
    await page.goto(`${warden.url}/console/`);
    await signIn(page, REVIEWER);
    await page.getByRole('menuitem', { name: 'Policies' }).click();
    await page.getByRole('columnheader', { name: 'Max prompt tokens' }).waitFor();
    // Below the list, read-only: the classifier's calibrated thresholds (its config.json) and the default
    // live and sandbox values they become.
    const model = JSON.parse(
      fs.readFileSync(path.join(REPOSITORY_ROOT, 'models', 'moderation', 'config.json'), 'utf8'),
    ) as { thresholds: Record<string, number>; sentence_margin: { input: number; output: number } };
    const defaults = await api<ClassifierThresholdsResponse>(
      'GET',
      '/admin/policies/classifier-thresholds',
      undefined,
      await staffToken(REVIEWER),
    );
    expect(defaults.status).toBe(200);
    expect(Object.fromEntries(defaults.body.categories.map((row) => [row.category, row.calibrated]))).toEqual(
      model.thresholds,
    );
    expect(defaults.body.sentenceMargin).toEqual(model.sentence_margin);
    await page
      .getByTestId('classifier-sentence-margin')
      .getByText(`${model.sentence_margin.input} logits over its threshold on input`, { exact: false })
      .waitFor();
    const violence = defaults.body.categories.find((row) => row.category === 'violence')!;
    expect(violence.sandbox.input).toBeCloseTo(model.thresholds.violence * defaults.body.sandboxScale, 4);
    const violenceRow = page.getByTestId('classifier-threshold-violence');
    await violenceRow.getByText(String(violence.sandbox.input), { exact: true }).waitFor();
    expect(await violenceRow.locator('td').allTextContents()).toEqual([
      'violence',
      String(violence.calibrated),
      String(violence.live.input),
      String(violence.sandbox.input),
    ]);
    // Live refuses illicit/violent on input only from even odds, its own threshold; output stays calibrated.
    const violent = defaults.body.categories.find((row) => row.category === 'illicit/violent')!;
    expect(violent.live).toEqual({ input: 0.5, output: model.thresholds['illicit/violent'] });
    await page
      .getByTestId('classifier-threshold-illicit/violent')
      .getByText(`0.5 in / ${model.thresholds['illicit/violent']} out`, { exact: true })
      .waitFor();
    // A reviewer may write policies, so the row opens the editor.
    await page.locator('tbody tr', { hasText: APPLICATION_NAME }).click();

    const threshold = page.getByLabel('harassment input threshold');
    const cell = page.locator('td', { has: threshold });
    // Not "default": the number in force, and where it comes from.
    await cell.getByText(/in force \(calibrated [0-9.]+ × [0-9.]+\)/).waitFor();
    await screenshot(page, '11-policy-effective');

    await threshold.fill('1.5');
    await cell.getByText('must be between 0 and 1').waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await page
      .getByRole('alert')
      .getByText('harassment input threshold must be between 0 and 1', { exact: true })
      .waitFor();
    await screenshot(page, '12-policy-refused');
    const unchanged = await api<{ patch: { categories?: Record<string, unknown> } }>(
      'GET',
      `/admin/policies/${applicationId}`,
      undefined,
      await staffToken(REVIEWER),
    );
    expect(unchanged.body.patch.categories?.harassment).toBeUndefined();

    await threshold.fill('0.42');
    await page.getByRole('button', { name: 'Save' }).click();
    const saved = await eventually(
      async () =>
        (
          await api<{ effective: Record<string, { input: { threshold: number; source: string } }> }>(
            'GET',
            `/admin/policies/${applicationId}`,
            undefined,
            await staffToken(REVIEWER),
          )
        ).body.effective.harassment.input,
      (input) => input.source === 'policy',
    );
    expect(saved).toMatchObject({ threshold: 0.42, source: 'policy' });
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('an admin edits an anomaly rule and its action; out-of-range values are refused with a message', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const pageErrors = collectPageErrors(page);
    await signIn(page, ADMIN);
    await page.getByRole('menuitem', { name: 'Anomaly rules' }).click();
    await page.locator('tbody tr', { hasText: 'Key used from many addresses' }).click();
    await screenshot(page, '13-anomaly-rule');

    const addresses = page.getByLabel('Minimum client addresses');
    await addresses.fill('0');
    await page.getByText('must be at least 1').waitFor();
    const windowSeconds = page.getByLabel('Window, seconds');
    await windowSeconds.fill('5');
    await page.getByText('must be at least 30').waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await screenshot(page, '14-anomaly-rule-refused');
    const adminToken = await staffToken(ADMIN);
    const rule = () =>
      api<{
        windowSeconds: number;
        params: Record<string, number>;
        action: string;
        updatedBy: string | null;
      }>('GET', '/admin/anomaly-rules/key_many_ips', undefined, adminToken);
    expect((await rule()).body.params.minAddresses).toBe(20);

    await addresses.fill('8');
    await windowSeconds.fill('900');
    await page.getByRole('combobox', { name: 'When it fires' }).click();
    await page.getByRole('option', { name: 'Alert and suspend the key' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    // Saved: back on the list, which shows the new action.
    await page
      .locator('tbody tr', { hasText: 'Key used from many addresses' })
      .getByText('Alert and suspend the key')
      .waitFor();
    expect((await rule()).body).toMatchObject({
      windowSeconds: 900,
      params: { minAddresses: 8 },
      action: 'suspend_key',
      updatedBy: ADMIN.email,
    });
    const [audited] = await warden.query<{ after: Record<string, unknown> }>(
      `SELECT after FROM audit_events WHERE action = 'anomaly_rule.updated' AND entity_id = 'key_many_ips'`,
    );
    expect(audited.after).toMatchObject({ params: { minAddresses: 8 }, action: 'suspend_key' });

    // A reviewer reads the rules but cannot open the editor (admins only, as on the server).
    const reviewerPage = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(reviewerPage, REVIEWER);
    await reviewerPage.getByRole('menuitem', { name: 'Anomaly rules' }).click();
    const listUrl = reviewerPage.url();
    await reviewerPage.locator('tbody tr', { hasText: 'Key used from many addresses' }).click();
    await reviewerPage.waitForTimeout(1000);
    expect(reviewerPage.url()).toBe(listUrl);
    await expectHidden(reviewerPage.getByLabel('Minimum client addresses'));
    await reviewerPage.close();
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('an analyst sees the queue but no decision, key or staff controls', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const pageErrors = collectPageErrors(page);
    await signIn(page, ANALYST);
    await expectHidden(page.getByRole('menuitem', { name: 'Staff' }));

    await page.getByRole('menuitem', { name: 'Review queue' }).click();
    await page.locator('tbody tr', { hasText: APPLICATION_NAME }).click();
    const panel = page.getByTestId('review-panel');
    await panel.getByText('Read-only').waitFor();
    await expectHidden(panel.getByRole('button', { name: 'Suspend' }));
    await expectHidden(panel.getByRole('button', { name: 'Terminate' }));

    await page.getByRole('menuitem', { name: 'Keys' }).click();
    await page.locator('tbody tr').first().waitFor();
    await expectHidden(page.getByRole('button', { name: 'Suspend' }));
    await expectHidden(page.getByRole('link', { name: 'Issue key' }));
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('refreshes a refused access token once, and sends a dead session back to the login page', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const pageErrors = collectPageErrors(page);
    await signIn(page, ADMIN);
    await page.getByRole('menuitem', { name: 'Staff' }).click();
    await page.locator('tbody tr', { hasText: ANALYST.email }).waitFor();
    await screenshot(page, '11-staff');

    // The access token stops being accepted (as when it expires): the console refreshes it and carries on.
    await replaceTokens(page, { accessToken: 'no-longer-valid' });
    await page.getByRole('menuitem', { name: 'Organizations' }).click();
    await page.locator('tbody tr', { hasText: DEVELOPER.organizationName }).waitFor();
    expect((await storedSession(page))?.accessToken).not.toBe('no-longer-valid');

    // The refresh token is refused too: back to the login page, saying why.
    await replaceTokens(page, { accessToken: 'no-longer-valid', refreshToken: 'no-longer-valid' });
    await page.getByRole('menuitem', { name: 'Keys' }).click();
    await page.getByText('Your session has ended. Please sign in again.').waitFor();
    await page.locator('input[name=email]').waitFor();
    expect(await storedSession(page)).toBeNull();
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});

/** The console keeps its session in localStorage; these read and alter it as an expiring session would. */
const SESSION_KEY = 'warden.console.session';
interface BrowserStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}
interface StoredSession {
  accessToken: string;
  refreshToken: string;
}

function storedSession(page: Page): Promise<StoredSession | null> {
  return page.evaluate((key) => {
    const raw = (globalThis as unknown as { localStorage: BrowserStorage }).localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as StoredSession) : null;
  }, SESSION_KEY);
}

async function replaceTokens(page: Page, tokens: Partial<StoredSession>): Promise<void> {
  await page.evaluate(
    ({ key, tokens }) => {
      const storage = (globalThis as unknown as { localStorage: BrowserStorage }).localStorage;
      storage.setItem(key, JSON.stringify({ ...JSON.parse(storage.getItem(key) ?? '{}'), ...tokens }));
    },
    { key: SESSION_KEY, tokens },
  );
}

async function expectHidden(locator: Locator): Promise<void> {
  expect(await locator.count()).toBe(0);
}
