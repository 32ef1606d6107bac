import { Browser } from 'playwright-core';
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

const ADMIN = { email: 'admin@console-polish.test', password: 'admin-password-1234' };
const MODEL = 'house-model';
const VIEWPORT = { width: 1440, height: 900 };
const TEXT_PROMPT = 'Write a haiku about a lighthouse keeper';
const SYSTEM = 'You answer questions about the weather in one sentence.';
const QUESTION = 'Will it rain in Lisbon tomorrow?';
// A profanity in the fourth message: the lexicon flags it (a span), and the console marks it in that message alone.
const TOOL_RESULT = '{"forecast":"shitty light rain","chance":0.7}';
const CHAT_MESSAGES = [
  { role: 'system', content: SYSTEM },
  { role: 'user', content: QUESTION },
  {
    role: 'assistant',
    content: null,
    tool_calls: [
      {
        id: 'call_1',
        type: 'function',
        function: { name: 'get_forecast', arguments: '{"city":"Lisbon"}' },
      },
    ],
  },
  { role: 'tool', tool_call_id: 'call_1', content: TOOL_RESULT },
];

/**
 * Small defects a reviewer meets daily, in real Chromium against a real Warden: empty review lists say what they are
 * for and what fills them (under their default filter too, where react-admin hides a list's empty page), and a
 * chat's messages in the request log read as a conversation, not as JSON.
 */
describe('staff console polish (Chromium)', () => {
  const upstream = new UpstreamServer();
  const apiKey = testApiKey();
  let warden: WardenInstance;
  let browser: Browser;
  let suite: ConsoleSuite | undefined;
  let chatRequestId: string;

  beforeAll(async () => {
    suite = await startConsoleSuite(
      'console_polish',
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
      body: { model: MODEL, messages: CHAT_MESSAGES, max_tokens: 8 },
    });
    expect(chat.status).toBe(200);
    const rows = await eventually(
      () =>
        warden.query<{ request_id: string; endpoint: string }>(
          'SELECT request_id, endpoint FROM request_logs ORDER BY endpoint',
        ),
      (logged) => logged.length === 2,
    );
    chatRequestId = rows.find((row) => row.endpoint === '/v1/chat/completions')!.request_id;
  }, 120_000);

  afterAll(async () => {
    await suite?.stop();
    await upstream.stop();
  });

  it('empty topic-proposal, labeling-queue and fine-tuned-model lists say what they hold and what fills them', async () => {
    const page = await browser.newPage({ viewport: VIEWPORT });
    const pageErrors = collectPageErrors(page);
    await signInToConsole(page, warden.url, ADMIN);

    // Each opens under its default filter (pending, open, awaiting review), where react-admin hides its empty page.
    await page.getByRole('menuitem', { name: 'Topic proposals' }).click();
    await page.getByText('No topic proposal is waiting').waitFor();
    const topics = await page.getByText(/propose new topics/).textContent();
    expect(topics).toMatch(/approved application/);
    expect(topics).toMatch(/approve/);
    expect(topics).toMatch(/reject/);
    await screenshot(page, '50-topic-proposals-empty');

    await page.getByRole('menuitem', { name: 'Labeling queues' }).click();
    await page.getByText('No labeling queue is open').waitFor();
    await page.getByText(/sampled from the request log/).waitFor();
    // An admin may create one: the empty state offers it.
    await page.getByRole('main').getByRole('link', { name: 'Create' }).first().waitFor();
    await screenshot(page, '51-label-queues-empty');

    await page.getByRole('menuitem', { name: 'Fine-tuned models' }).click();
    await page.getByText('No fine-tuned model awaits review').waitFor();
    const models = await page.getByText(/fine-tuning job/).textContent();
    expect(models).toMatch(/sandbox/);
    expect(models).toMatch(/approve/);
    await screenshot(page, '52-fine-tuned-models-empty');

    // Another filter that matches nothing says so, rather than explaining the list again.
    await page.goto(
      `${warden.url}/console/#/topic-proposals?filter=${encodeURIComponent('{"status":"rejected"}')}`,
    );
    await page.getByText('No topic proposal matches these filters.').waitFor();
    await page.goto(
      `${warden.url}/console/#/fine-tuned-models?filter=${encodeURIComponent('{"reviewStatus":"retired"}')}`,
    );
    await page.getByText('No fine-tuned model matches these filters.').waitFor();
    await page.goto(
      `${warden.url}/console/#/label-queues?filter=${encodeURIComponent('{"status":"closed"}')}`,
    );
    await page.getByText('No labeling queue matches these filters.').waitFor();

    // With every filter cleared, react-admin's own empty page shows: it explains the list too, not "No … yet".
    await page.goto(`${warden.url}/console/#/topic-proposals?filter=${encodeURIComponent('{}')}`);
    await page.getByText('No topic proposal is waiting').waitFor();
    await page.goto(`${warden.url}/console/#/fine-tuned-models?filter=${encodeURIComponent('{}')}`);
    await page.getByText('No fine-tuned model awaits review').waitFor();
    await page.goto(`${warden.url}/console/#/label-queues?filter=${encodeURIComponent('{}')}`);
    await page.getByText('No labeling queue is open').waitFor();
    expect(await page.getByText(/ yet$/).count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it("the request log shows a chat's messages by role, tool calls summarised; a completion's prompt is unchanged", async () => {
    const page = await browser.newPage({ viewport: VIEWPORT });
    const pageErrors = collectPageErrors(page);
    await signInToConsole(page, warden.url, ADMIN);
    await page.getByRole('menuitem', { name: 'Request log' }).click();
    const textRow = page.locator('tbody tr', { hasText: TEXT_PROMPT });
    await textRow.waitFor();
    const chatRow = page.locator('tbody tr', { hasText: QUESTION });
    await chatRow.waitFor();
    // The list previews the last message a person wrote, under its role, never the JSON the log stores.
    expect(await chatRow.textContent()).not.toContain('"role"');
    await chatRow.getByText(`user: ${QUESTION}`).waitFor();
    await chatRow.getByText('4 messages').waitFor();
    await screenshot(page, '53-request-log-chat-row');

    // A reviewer on the keyboard reaches the row with Tab and opens it with Enter, as with a click.
    expect(await chatRow.getAttribute('tabindex')).toBe('0');
    await chatRow.focus();
    await page.keyboard.press('Enter');
    const prompt = page.getByTestId('prompt-panel');
    await prompt.getByTestId('chat-message').first().waitFor();
    const messages = prompt.getByTestId('chat-message');
    expect(await messages.count()).toBe(4);
    expect(await messages.nth(0).textContent()).toContain('System');
    expect(await messages.nth(0).textContent()).toContain(SYSTEM);
    expect(await messages.nth(1).textContent()).toContain('User');
    expect(await messages.nth(1).textContent()).toContain(QUESTION);
    expect(await messages.nth(2).textContent()).toContain('Assistant');
    expect(await messages.nth(2).textContent()).toContain('get_forecast');
    expect(await messages.nth(3).textContent()).toContain('Tool');
    expect(await messages.nth(3).textContent()).toContain(TOOL_RESULT);
    const marks = prompt.getByTestId('verdict-span');
    expect(await marks.count()).toBe(1);
    expect(await messages.nth(3).getByTestId('verdict-span').textContent()).toMatch(/^shit/);
    await page
      .getByTestId('verdict-table')
      .locator('tr', { hasText: 'profanity' })
      .getByText('messages.3.content')
      .waitFor();
    expect(await prompt.textContent()).not.toContain('"role"');
    // The tool call as the model read it (and as it was moderated), under the parameter its verdicts name.
    const forwarded = page.getByTestId('forwarded-panel');
    await forwarded.getByText('messages.2.tool_calls').waitFor();
    expect(await forwarded.textContent()).toContain('get_forecast');
    expect(page.url()).toContain(encodeURIComponent(chatRequestId));
    await screenshot(page, '54-request-log-chat-show');

    await page.getByRole('link', { name: 'Request log' }).click();
    await textRow.focus();
    await page.keyboard.press(' ');
    await page.getByTestId('prompt-panel').getByText(TEXT_PROMPT).waitFor();
    expect(await page.getByTestId('prompt-panel').getByTestId('chat-message').count()).toBe(0);
    expect(await page.getByTestId('forwarded-panel').count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('empty fine-tuning-job, policy-proposal, calibration and research-grant lists explain themselves too', async () => {
    const page = await browser.newPage({ viewport: VIEWPORT });
    const pageErrors = collectPageErrors(page);
    await signInToConsole(page, warden.url, ADMIN);
    const explained: Array<[menu: string, title: string, hint: RegExp]> = [
      ['Fine-tuning jobs', 'No fine-tuning job yet', /training file is screened/],
      ['Policy proposals', 'No policy proposal yet', /replayed over its logged traffic/],
      ['Calibrations', 'No calibration yet', /reads the labels of a labeling queue/],
      ['Research grants', 'No research grant yet', /academic access program/],
    ];
    for (const [menu, title, hint] of explained) {
      await page.getByRole('menuitem', { name: menu }).click();
      await page.getByText(title, { exact: true }).waitFor();
      await page.getByText(hint).waitFor();
      // react-admin's default empty page ("No Calibrations yet.") is gone.
      expect(await page.getByText(/^No .* yet\.$/).count()).toBe(0);
    }
    await page.getByRole('menuitem', { name: 'Policy proposals' }).click();
    await page.getByRole('main').getByRole('link', { name: 'Propose a change' }).waitFor();
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('dates read the same everywhere: "Dec 3, 2026, 10:42:15 PM" on detail pages, without seconds in tables', async () => {
    const page = await browser.newPage({ viewport: VIEWPORT });
    const pageErrors = collectPageErrors(page);
    await signInToConsole(page, warden.url, ADMIN);
    await page.goto(`${warden.url}/console/#/request-logs/${encodeURIComponent(chatRequestId)}/show`);
    const when = page.getByText('When', { exact: true }).locator('xpath=..');
    await when.getByText(/\d{4}/).waitFor();
    expect((await when.textContent())?.replace(/\s+/g, ' ')).toMatch(FULL_DATETIME);

    const [key] = await warden.query<{ id: string }>('SELECT id FROM api_keys');
    await page.goto(`${warden.url}/console/#/api-keys/${key.id}/show`);
    const created = page.locator('.ra-field-createdAt');
    await created.getByText(/\d{4}/).waitFor();
    expect((await created.textContent())?.replace(/\s+/g, ' ')).toMatch(FULL_DATETIME);

    await page.getByRole('menuitem', { name: 'Staff' }).click();
    const adminRow = page.locator('tbody tr', { hasText: ADMIN.email });
    await adminRow.waitFor();
    expect(await adminRow.textContent()).toMatch(/[A-Z][a-z]{2} \d{1,2}, \d{4}/);
    expect(await adminRow.textContent()).not.toMatch(/\d{1,2}\/\d{1,2}\/\d{4}/);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  // Last: it creates a labeling queue and a calibration, which the empty-list tests above must not see.
  it('a calibration names its labeling queue and application, not their ids', async () => {
    const admin = await staffLogin(warden.url, ADMIN.email, ADMIN.password);
    const [call] = await warden.query<{ application_id: string }>(
      'SELECT application_id FROM request_logs LIMIT 1',
    );
    const queue = await request<{ id: string }>(warden.url, 'POST', '/admin/label-queues', {
      token: admin.token,
      body: {
        name: 'Weather chats',
        filter: { applicationId: call.application_id },
        sampling: { rule: 'uniform', seed: 7 },
        targetSize: 10,
      },
    });
    expect(queue.status).toBe(201);
    const label = await request(
      warden.url,
      'POST',
      `/admin/label-queues/${queue.body.id}/items/${chatRequestId}/labels`,
      { token: admin.token, body: { categories: { harassment: false }, falsePositive: false } },
    );
    expect(label.status).toBe(201);
    const calibration = await request(warden.url, 'POST', '/admin/calibrations', {
      token: admin.token,
      body: { queueId: queue.body.id, precisionTarget: 0.9, scope: { applicationId: call.application_id } },
    });
    expect(calibration.status).toBe(201);

    const page = await browser.newPage({ viewport: VIEWPORT });
    const pageErrors = collectPageErrors(page);
    await signInToConsole(page, warden.url, ADMIN);
    await page.getByRole('menuitem', { name: 'Calibrations' }).click();
    const row = page.locator('tbody tr').first();
    await row.getByText('Weather chats').waitFor();
    await row.getByText('Demo application').waitFor();
    expect(await row.textContent()).not.toContain(queue.body.id);
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});

/** Chromium's en-US medium date and time, seconds included. */
const FULL_DATETIME = /[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}:\d{2}\s?[AP]M/;
