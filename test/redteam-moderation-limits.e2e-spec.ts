import { testApiKey } from './support/keys';
import { setDemoPolicy } from './support/demo-policy';
import { HttpResult, postJson } from './support/review-api';
import { startWarden, WardenInstance } from './support/warden';

/**
 * `/v1/moderations` had no cap of its own on how many inputs one call carries or how many characters they hold:
 * only the token budget and the policy's byte limit bound them, and an operator may raise both. Each input costs
 * a pass through every check, so one call is capped at 2,048 inputs and 1,000,000 characters in all, refused in
 * OpenAI's error shape before any check runs.
 */
describe('redteam: per-call limits on /v1/moderations', () => {
  const apiKey = testApiKey();
  let warden: WardenInstance;

  beforeAll(async () => {
    warden = await startWarden('redteam-moderation-limits', {
      WARDEN_INIT_API_KEY: apiKey,
      WARDEN_EMBEDDED_MODELS: '',
    });
    await setDemoPolicy(warden, {
      requireUser: false,
      rateLimits: { requestsPerMinute: 10_000, tokensPerMinute: 100_000_000 },
      limits: { maxPromptTokens: 1_000_000 },
    });
  }, 90_000);

  afterAll(async () => {
    await warden?.stop();
  });

  const moderate = (input: string | string[]) => postJson(warden.url, '/v1/moderations', apiKey, { input });

  function expectRefused(response: HttpResult<Record<string, any>>, code: string): void {
    expect(response.status).toBe(400);
    const body = response.body;
    expect(body.error).toMatchObject({ type: 'invalid_request_error', code, param: 'input' });
    expect(typeof body.error.message).toBe('string');
  }

  it('answers 2,048 inputs, one result each', async () => {
    const response = await moderate(new Array<string>(2048).fill('hello'));
    expect(response.status).toBe(200);
    expect(response.body.results).toHaveLength(2048);
  }, 120_000);

  it("a call too long to check inline: each result is its own input's, in order", async () => {
    // 600 texts, about 27,000 characters: checked off the event loop in parts, answered in the call's order.
    const withEmail = (index: number) => index % 37 === 5;
    const texts = Array.from({ length: 600 }, (_, index) =>
      withEmail(index)
        ? `write to person${index}@example.com about the garden`
        : `a plain sentence, number ${index}, about the garden`,
    );
    const response = await moderate(texts);
    expect(response.status).toBe(200);
    const emails = response.body.results.map(
      (result: { warden_categories: Record<string, boolean> }) => result.warden_categories['pii/email'],
    );
    expect(emails).toEqual(texts.map((_, index) => withEmail(index)));
  }, 120_000);

  it('refuses 2,049 inputs with too_many_inputs', async () => {
    expectRefused(await moderate(new Array<string>(2049).fill('hello')), 'too_many_inputs');
  });

  it('refuses more than 1,000,000 characters in all with input_too_large, in one input or spread', async () => {
    expectRefused(await moderate('a '.repeat(500_001)), 'input_too_large');
    expectRefused(await moderate(new Array<string>(1000).fill('b '.repeat(501))), 'input_too_large');
  });

  it('still answers a call just under the character limit', async () => {
    const response = await moderate(new Array<string>(10).fill('ok '.repeat(33_333)));
    expect(response.status).toBe(200);
  }, 120_000);
});
