import { Browser, Page } from 'playwright-core';
import { REQUEST_LOG_ENDPOINTS } from '../contracts/src';
import {
  collectPageErrors,
  ConsoleSuite,
  screenshot,
  signInToConsole,
  startConsoleSuite,
  upstreamConsoleEnv,
} from './support/browser';
import { testApiKey } from './support/keys';
import { request, staffLogin } from './support/review-api';
import { UpstreamServer } from './support/upstream-server';
import { eventually, WardenInstance } from './support/warden';

const ADMIN = { email: 'admin@console-contracts.test', password: 'admin-password-1234' };
const MODEL = 'house-model';
const VIEWPORT = { width: 1440, height: 900 };
const TEXT_PROMPT = 'A text completion about lighthouses';
const CHAT_PROMPT = 'A chat about tide pools';
/** The filters the request-log list keeps in its "Add filter" menu (the others are always shown). */
const ADDABLE_FILTERS = [
  'Flagged',
  'Api key',
  'End user',
  'Status code',
  'Error code',
  'Model',
  'Endpoint',
  'From',
  'Until',
];
/** Far above what a click on a settled page needs, far below the suite's timeout: a page that never settles fails. */
const SETTLED_CLICK_MS = 10_000;

/**
 * Where the console and the server could drift apart, in real Chromium against a real Warden: the request-log
 * explorer settles (no render or fetch loop) and its endpoint filter offers every route the request log records,
 * chat completions included; empty held-output, alert and end-user lists explain what will appear there and what
 * staff do with it; a revoked key offers the termination the server allows (revoked → terminated).
 */
describe('staff console against the contracts (Chromium)', () => {
  const upstream = new UpstreamServer();
  const apiKey = testApiKey();
  let warden: WardenInstance;
  let browser: Browser;
  let suite: ConsoleSuite | undefined;

  beforeAll(async () => {
    suite = await startConsoleSuite(
      'console_contracts',
      upstreamConsoleEnv({ admin: ADMIN, apiKey, upstreamUrl: await upstream.start(), model: MODEL }),
    );
    ({ warden, browser } = suite);
    const text = await request(warden.url, 'POST', '/v1/completions', {
      token: apiKey,
      body: { model: MODEL, prompt: TEXT_PROMPT, max_tokens: 8 },
    });
    expect(text.status).toBe(200);
    const chat = await request(warden.url, 'POST', '/v1/chat/completions', {
      token: apiKey,
      body: { model: MODEL, messages: [{ role: 'user', content: CHAT_PROMPT }], max_tokens: 8 },
    });
    expect(chat.status).toBe(200);
    await eventually(
      async () =>
        (await warden.query<{ endpoint: string }>('SELECT endpoint FROM request_logs ORDER BY endpoint')).map(
          (row) => row.endpoint,
        ),
      (endpoints) => endpoints.length === 2,
    );
  }, 120_000);

  afterAll(async () => {
    await suite?.stop();
    await upstream.stop();
  });

  it('the list settles: quiet DOM, one fetch per filter change, and every filter added from the menu', async () => {
    const page = await browser.newPage({ viewport: VIEWPORT });
    const pageErrors = collectPageErrors(page);
    const listFetches: string[] = [];
    page.on('request', (sent) => {
      const url = new URL(sent.url());
      if (url.pathname.endsWith('/admin/request-logs')) listFetches.push(url.search);
    });
    await signInToConsole(page, warden.url, ADMIN);
    await page.goto(`${warden.url}/console/#/request-logs?filter=${encodeURIComponent('{}')}`);
    await page.locator('tbody tr', { hasText: TEXT_PROMPT }).waitFor();
    await page.locator('tbody tr', { hasText: CHAT_PROMPT }).waitFor();
    // The application column fills in from its own fetch; the list is complete once both rows name it.
    await page.locator('tbody tr', { hasText: 'Demo application' }).nth(1).waitFor();
    // The first second still sees the application autocomplete finish mounting (a few attribute changes, once).
    await domChangesWhileIdle(page);
    expect(await domChangesWhileIdle(page)).toBe(0);
    expect(listFetches).toHaveLength(1);

    // Each filter the menu offers is added with nothing chosen yet: the list neither changes nor fetches again.
    for (const filter of ADDABLE_FILTERS) {
      await page.getByRole('button', { name: 'Add filter' }).click({ timeout: SETTLED_CLICK_MS });
      // react-admin's filter menu lists its filters as checkboxes (menuitemcheckbox), not plain menu items.
      await page.getByRole('menuitemcheckbox', { name: filter }).click({ timeout: SETTLED_CLICK_MS });
      // The sidebar is a role=menu too; the filter menu is the one in a popover.
      const filterMenu = page.locator('.MuiPopover-root [role=menu]');
      if (await filterMenu.isVisible()) await page.keyboard.press('Escape');
      await filterMenu.waitFor({ state: 'hidden' });
      await domChangesWhileIdle(page);
      expect(await domChangesWhileIdle(page)).toBe(0);
    }
    expect(listFetches).toHaveLength(1);
    await screenshot(page, '40-request-log-every-filter');
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 150_000);

  it('the endpoint filter offers every logged route, chat completions included, and finds the chat call', async () => {
    const page = await browser.newPage({ viewport: VIEWPORT });
    const pageErrors = collectPageErrors(page);
    await signInToConsole(page, warden.url, ADMIN);
    await page.getByRole('menuitem', { name: 'Request log' }).click();
    await page.locator('tbody tr', { hasText: TEXT_PROMPT }).waitFor();
    await page.getByRole('button', { name: 'Add filter' }).click({ timeout: SETTLED_CLICK_MS });
    await page.getByRole('menuitemcheckbox', { name: 'Endpoint' }).click({ timeout: SETTLED_CLICK_MS });
    await page.getByRole('combobox', { name: 'Endpoint' }).click({ timeout: SETTLED_CLICK_MS });
    const options = page.getByRole('listbox').getByRole('option');
    await options.first().waitFor();
    // The options' values are the routes the server logs; the empty choice clears the filter.
    const offered = (
      await options.evaluateAll((items) => items.map((item) => item.getAttribute('data-value')))
    ).filter((value) => value);
    expect(offered).toEqual([...REQUEST_LOG_ENDPOINTS]);
    expect(offered).toContain('/v1/chat/completions');
    await options.filter({ hasText: 'Chat completions' }).click();
    await page.locator('tbody tr', { hasText: TEXT_PROMPT }).waitFor({ state: 'detached' });
    await expect(page.locator('tbody tr').allTextContents()).resolves.toEqual([
      expect.stringContaining(CHAT_PROMPT),
    ]);
    expect(decodeURIComponent(page.url())).toContain('"endpoint":"/v1/chat/completions"');
    await screenshot(page, '41-request-log-chat-filter');
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('empty lists explain themselves: what a held output is and what the reviewer does with one', async () => {
    const page = await browser.newPage({ viewport: VIEWPORT });
    const pageErrors = collectPageErrors(page);
    await signInToConsole(page, warden.url, ADMIN);
    await page.getByRole('menuitem', { name: 'Held outputs' }).click();
    await page.getByText('No outputs are held for review').waitFor();
    const held = await page.getByText(/keeps a generated output back/).textContent();
    // What it is (a policy's hold), what happens to the caller, and the two decisions with their consequences.
    expect(held).toMatch(/action is hold keeps a generated output back/);
    expect(held).toMatch(/release it \(the developer receives it through their webhook\)/);
    expect(held).toMatch(/discard it \(it is never delivered\)/);
    await screenshot(page, '42-held-outputs-empty');

    await page.getByRole('menuitem', { name: 'Alerts' }).click();
    await page.getByText('No alert yet').waitFor();
    await page.getByText(/runs the anomaly rules on a schedule/).waitFor();
    await page.getByRole('menuitem', { name: 'End users' }).click();
    await page.getByText('No end user yet').waitFor();
    await page.getByText(/once calls name them in the `user` field/).waitFor();
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  // Last: it revokes the key the calls above used.
  it('a revoked key offers Terminate, as the server allows, and the termination holds', async () => {
    const [key] = await warden.query<{ id: string }>(`SELECT id FROM api_keys WHERE prefix = $1`, [
      apiKey.slice(3, 11),
    ]);
    const adminToken = (await staffLogin(warden.url, ADMIN.email, ADMIN.password)).token;
    const revoked = await request<{ status: string }>(
      warden.url,
      'POST',
      `/admin/api-keys/${key.id}/revoke`,
      {
        token: adminToken,
        body: { reason: 'replaced by a new key' },
      },
    );
    expect(revoked.body.status).toBe('revoked');

    const page = await browser.newPage({ viewport: VIEWPORT });
    const pageErrors = collectPageErrors(page);
    await signInToConsole(page, warden.url, ADMIN);
    await page.getByRole('menuitem', { name: 'Keys' }).click();
    const keyRow = page.locator('tbody tr', { hasText: apiKey.slice(3, 11) });
    await keyRow.getByText('Revoked').waitFor();
    await keyRow.getByRole('button', { name: 'Terminate' }).click({ timeout: SETTLED_CLICK_MS });
    const dialog = page.getByRole('dialog');
    await dialog.locator('textarea[name=reason]').fill('The revoked key was posted publicly.');
    await dialog.getByRole('button', { name: 'Terminate' }).click();
    await keyRow.getByText('Terminated').waitFor();
    await screenshot(page, '43-revoked-key-terminated');
    const shown = await request<{ status: string; statusReason: string }>(
      warden.url,
      'GET',
      `/admin/api-keys/${key.id}`,
      { token: adminToken },
    );
    expect(shown.body).toMatchObject({ status: 'terminated' });
    expect(shown.body.statusReason).toContain('The revoked key was posted publicly.');
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});

/**
 * DOM changes over one second of a page nobody touches: a list that keeps re-rendering (a filter default or query
 * re-created on each render) keeps replacing nodes, which is what made clicks on it time out.
 */
function domChangesWhileIdle(page: Page): Promise<number> {
  // A string, so the suite compiles without the DOM library; it runs in the page.
  return page.evaluate<number>(`new Promise((resolve) => {
    let changes = 0;
    const observer = new MutationObserver((records) => (changes += records.length));
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    setTimeout(() => {
      observer.disconnect();
      resolve(changes);
    }, 1000);
  })`);
}
