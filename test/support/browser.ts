import fs from 'node:fs';
import path from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { REPOSITORY_ROOT, startWarden, WardenInstance } from './warden';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.join(REPOSITORY_ROOT, 'test', 'output', 'screenshots');

/** Debian's Chromium, headless, with nothing that reaches the network on its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
}

/** The browser apps the api serves, by workspace. */
export type WebApp = 'admin-ui' | 'portal-ui';
const WEB_APP_NAMES: Record<WebApp, string> = { 'admin-ui': 'console', 'portal-ui': 'developer portal' };

/** Browser suites serve a built app; a missing build would otherwise read as a blank page. */
export function assertBuilt(webApp: WebApp): void {
  if (!fs.existsSync(path.join(REPOSITORY_ROOT, webApp, 'dist', 'index.html'))) {
    throw new Error(
      `the ${WEB_APP_NAMES[webApp]} is not built: run \`npm run build -w ${webApp}\` (npm test builds it first)`,
    );
  }
}

export interface ConsoleSuite {
  warden: WardenInstance;
  browser: Browser;
  /** Closes the browser, then stops Warden (its database and Redis keys go with it). */
  stop(): Promise<void>;
}

/**
 * What every browser suite starts from: a Warden serving the built app (the console unless told), and Chromium,
 * launched while it boots.
 */
export async function startConsoleSuite(
  label: string,
  env: NodeJS.ProcessEnv,
  webApp: WebApp = 'admin-ui',
): Promise<ConsoleSuite> {
  assertBuilt(webApp);
  const [warden, browser] = await Promise.allSettled([startWarden(label, env), launchChromium()]);
  if (warden.status === 'rejected' || browser.status === 'rejected') {
    // A Warden that did start is stopped by the suite clean-up in test/support/warden.ts; a browser is not.
    if (browser.status === 'fulfilled') await browser.value.close();
    throw warden.status === 'rejected' ? warden.reason : (browser as PromiseRejectedResult).reason;
  }
  return {
    warden: warden.value,
    browser: browser.value,
    stop: async () => {
      await browser.value.close();
      await warden.value.stop();
    },
  };
}

/** Saves a full-page screenshot under test/output/screenshots and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  // Finish dialog fades and the like first, so a screenshot never catches a half-drawn screen.
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  return file;
}

/** Browser-side failures that would otherwise only show up as a confusing timeout. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** Signs a staff member in through the console's login page and waits for the dashboard. */
export async function signInToConsole(
  page: Page,
  baseUrl: string,
  credentials: { email: string; password: string },
): Promise<void> {
  await page.goto(`${baseUrl}/console/`);
  await page.locator('input[name=email]').fill(credentials.email);
  await page.locator('input[name=password]').fill(credentials.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('Awaiting review').first().waitFor();
}

/** A Warden whose only models are served by an upstream, with an admin and a production key made at first start. */
export function upstreamConsoleEnv(options: {
  admin: { email: string; password: string };
  apiKey: string;
  upstreamUrl: string;
  model: string;
}): NodeJS.ProcessEnv {
  return {
    WARDEN_INIT_ADMIN_EMAIL: options.admin.email,
    WARDEN_INIT_ADMIN_PASSWORD: options.admin.password,
    WARDEN_INIT_API_KEY: options.apiKey,
    WARDEN_EMBEDDED_MODELS: '',
    WARDEN_UPSTREAM_URL: options.upstreamUrl,
    WARDEN_UPSTREAM_MODELS: options.model,
  };
}
