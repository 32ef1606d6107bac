import { Browser, Page } from 'playwright-core';
import { collectPageErrors, ConsoleSuite, screenshot, startConsoleSuite } from './support/browser';
import {
  createStaff,
  decide,
  DEVELOPER_PASSWORD,
  request,
  staffLogin,
  uniqueEmail,
} from './support/review-api';
import { eventually, WardenInstance } from './support/warden';

const ADMIN = { email: 'admin@portal.test', password: 'admin-password-1234' };
const DEVELOPER = {
  organizationName: 'Acme Tutoring',
  email: uniqueEmail('portal'),
  password: DEVELOPER_PASSWORD,
};
const APPLICATION_NAME = 'Essay Coach';
/** The embedded model a default Warden serves. */
const MODEL = 'stories260K';

/**
 * The developer portal in real Chromium against a real Warden: a new developer signs up, applies through the
 * questionnaire form, calls the API with the sandbox key it shows once, submits; a reviewer asks for changes
 * through the staff API, the developer edits and resubmits, the reviewer approves; the developer sees the application
 * live, creates a production key and revokes the sandbox key.
 */
describe('developer portal (Chromium)', () => {
  let suite: ConsoleSuite | undefined;
  let warden: WardenInstance;
  let browser: Browser;

  beforeAll(async () => {
    suite = await startConsoleSuite(
      'developer_portal',
      { WARDEN_INIT_ADMIN_EMAIL: ADMIN.email, WARDEN_INIT_ADMIN_PASSWORD: ADMIN.password },
      'portal-ui',
    );
    ({ warden, browser } = suite);
  });

  afterAll(async () => {
    await suite?.stop();
  });

  async function completion(apiKey: string): Promise<{ status: number; body: { id?: string } }> {
    // A plainly benign prompt: the sandbox key is held to sandbox thresholds. Approval makes `user` required.
    return request(warden.url, 'POST', '/v1/completions', {
      token: apiKey,
      body: { model: MODEL, prompt: 'Once upon a time', max_tokens: 8, user: 'student-1' },
    });
  }

  async function complete(apiKey: string): Promise<number> {
    return (await completion(apiKey)).status;
  }

  /** The secret a one-time dialog shows, once it is there. */
  async function issuedSecret(page: Page, title: string): Promise<string> {
    const dialog = page.getByRole('dialog', { name: title });
    const secret = (await dialog.getByTestId('issued-secret').textContent())?.trim() ?? '';
    expect(secret).toMatch(/^wk-/);
    return secret;
  }

  it('serves /developers with the web apps’ security headers', async () => {
    const redirect = await fetch(`${warden.url}/developers`, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('/developers/');
    for (const path of ['/developers', '/developers/', '/developers/assets/missing.js']) {
      const response = await fetch(`${warden.url}${path}`, { redirect: 'manual' });
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
    const index = await fetch(`${warden.url}/developers/`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('Warden for developers');
  });

  it('a developer signs up, applies, calls the API with the sandbox key, goes live and manages keys', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const pageErrors = collectPageErrors(page);

    // Sign up, then sign in with the address the sign-up page hands over.
    await page.goto(`${warden.url}/developers/`);
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.locator('input[name=organizationName]').fill(DEVELOPER.organizationName);
    await page.locator('input[name=email]').fill(DEVELOPER.email);
    // Long enough for the form, too easy to guess for the server: its reason appears under the field.
    await page.locator('input[name=password]').fill('password1234');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Too easy to guess').waitFor();
    await page.locator('input[name=password]').fill(DEVELOPER.password);
    await screenshot(page, 'portal-01-sign-up');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByTestId('registration-accepted').waitFor();
    await screenshot(page, 'portal-02-registered');
    await page.getByRole('button', { name: 'Continue to sign in' }).click();
    expect(await page.locator('input[name=email]').inputValue()).toBe(DEVELOPER.email);
    await page.locator('input[name=password]').fill(DEVELOPER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Create your first application').waitFor();
    await screenshot(page, 'portal-03-no-applications');

    // The questionnaire, with one answer the server would refuse: the form says so before sending anything.
    await page.getByRole('link', { name: 'New application' }).first().click();
    await page.locator('input[name=name]').fill(APPLICATION_NAME);
    await page.getByRole('combobox', { name: /Use-case category/ }).click();
    await page.getByRole('option', { name: 'Education' }).click();
    const description = page.locator('textarea[name="questionnaire.useCaseDescription"]');
    await description.fill('Essay feedback');
    await page
      .locator('input[name="questionnaire.endUsers"]')
      .fill('Students aged 16 and over at partner schools');
    await page.locator('input[name="questionnaire.audienceSize"][value="small"]').check();
    await page.locator('input[name="questionnaire.endUserAuthentication"][value="yes"]').check();
    await page.locator('input[name="questionnaire.openEndedness"][value="constrained"]').check();
    await page.locator('input[name="questionnaire.humanInTheLoop"][value="yes"]').check();
    await page
      .locator('textarea[name="questionnaire.misuseHandling"]')
      .fill('Teachers review flagged outputs every week; students can report an answer.');
    await page.locator('input[name="questionnaire.inputLength"]').fill('800');
    await page.locator('input[name="questionnaire.outputLength"]').fill('300');
    await page.locator('input[name="questionnaire.expectedVolume"]').fill('2000');
    await page.locator('textarea[name="questionnaire.allowedTopics"]').fill('essay structure\ngrammar');
    await page.getByRole('button', { name: 'Create application' }).click();
    await page.getByText('describe the use case in at least 20 characters').waitFor();
    await screenshot(page, 'portal-04-questionnaire-invalid');
    await description.fill('Gives students feedback on the structure and grammar of their essays.');
    await page.getByRole('button', { name: 'Create application' }).click();

    // The sandbox key, once, with a snippet for the official client pointed at this Warden.
    const sandboxKey = await issuedSecret(page, 'Your sandbox key');
    const snippet = (await page.getByTestId('client-snippet').textContent()) ?? '';
    expect(snippet).toContain(`baseURL: '${warden.url}/v1'`);
    expect(snippet).toContain(`model: '${MODEL}'`);
    await screenshot(page, 'portal-05-sandbox-key');
    expect(await complete(sandboxKey)).toBe(200);
    await page.getByRole('button', { name: 'I have stored the key' }).click();

    const nextStep = page.getByTestId('next-step');
    await nextStep.getByText('Draft: build against your sandbox key').waitFor();
    await page.getByTestId('keys').getByText('Sandbox').first().waitFor();
    expect(await page.content()).not.toContain(sandboxKey);
    await screenshot(page, 'portal-06-draft');

    await nextStep.getByRole('button', { name: 'Submit for review' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Submit' }).click();
    await nextStep.getByText('Submitted: waiting for a reviewer').waitFor();

    // A reviewer asks for changes through the staff API; the developer reads why, edits and submits again.
    const [{ id: applicationId }] = await warden.query<{ id: string }>(
      'SELECT id FROM applications WHERE name = $1',
      [APPLICATION_NAME],
    );
    const admin = await staffLogin(warden.url, ADMIN.email, ADMIN.password);
    const reviewer = await createStaff(warden.url, admin.token, 'reviewer');
    expect((await decide(warden.url, reviewer, applicationId, 'start_review')).status).toBe(200);
    expect(
      (
        await decide(warden.url, reviewer, applicationId, 'request_changes', {
          rationale: 'Say who reads the reports students send, and how fast.',
        })
      ).status,
    ).toBe(200);
    await page.reload();
    await nextStep.getByText('Changes requested').waitFor();
    await nextStep.getByRole('link', { name: 'Edit answers' }).click();
    await page.getByText('Say who reads the reports students send').waitFor();
    await page
      .locator('textarea[name="questionnaire.misuseHandling"]')
      .fill(
        'Teachers review flagged outputs weekly; the class teacher reads student reports within a school day.',
      );
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'portal-07-edit-after-feedback');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('the class teacher reads student reports within a school day').waitFor();
    await nextStep.getByRole('button', { name: 'Submit for review' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Submit' }).click();
    await nextStep.getByText('Submitted: waiting for a reviewer').waitFor();

    // The reviewer approves.
    expect((await decide(warden.url, reviewer, applicationId, 'start_review')).status).toBe(200);
    expect(
      (
        await decide(warden.url, reviewer, applicationId, 'approve', {
          rationale: 'Constrained feedback for authenticated students, reviewed by teachers.',
        })
      ).status,
    ).toBe(200);

    await page.reload();
    await nextStep.getByText('Approved: your application is live').waitFor();
    await page.getByTestId('status').getByText('Live').waitFor();
    await page.getByTestId('feedback').getByText('Constrained feedback for authenticated students').waitFor();
    await screenshot(page, 'portal-08-live');

    // A production key, shown once; it calls the API at the approved limits.
    const keys = page.getByTestId('keys');
    await keys.getByRole('button', { name: 'Create production key' }).click();
    await page.locator('input[name=keyName]').fill('web server');
    await page.getByRole('dialog').getByRole('button', { name: 'Create key' }).click();
    const productionKey = await issuedSecret(page, 'Your production key');
    await screenshot(page, 'portal-09-production-key');
    const answered = await completion(productionKey);
    expect(answered.status).toBe(200);
    await page.getByRole('button', { name: 'I have stored the key' }).click();
    await keys.locator('tbody tr', { hasText: 'web server' }).getByText('Production').waitFor();

    // Revoking the sandbox key: confirmed, shown revoked, refused by /v1.
    const sandboxRow = keys.locator('tbody tr').filter({ hasText: 'Sandbox' });
    await sandboxRow.getByRole('button', { name: 'Revoke' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await sandboxRow.getByText('Revoked').waitFor();
    // The developer rates the production call through /v1/feedback (404 until the worker has logged the call).
    const rated = await eventually(
      () =>
        request(warden.url, 'POST', '/v1/feedback', {
          token: productionKey,
          body: { id: answered.body.id, rating: 'good', comment: 'A fine story opening' },
        }),
      (result) => result.status !== 404,
    );
    expect(rated.status).toBe(201);
    await page.reload();
    await page.getByTestId('labels').getByText('A fine story opening').waitFor();
    await screenshot(page, 'portal-10-keys');
    expect(await complete(sandboxKey)).toBe(401);
    expect(await complete(productionKey)).toBe(200);

    await page.getByRole('menuitem', { name: 'Applications' }).click();
    await page.locator('tbody tr', { hasText: APPLICATION_NAME }).getByText('Approved').waitFor();
    await screenshot(page, 'portal-11-applications');

    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
