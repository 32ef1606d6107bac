import { testApiKey } from './support/keys';
import { setDemoPolicy } from './support/demo-policy';
import { postJson } from './support/review-api';
import { startWarden, WardenInstance } from './support/warden';

/**
 * `/v1/moderations` takes an array of inputs; empty ones cost no bytes and estimated no tokens, so a 4 MB body
 * carried over a million of them past every budget, each run through every check, and ten thousand were enough for
 * a 500 (the verdicts were spread into one call's arguments).
 */
describe('redteam: /v1/moderations with many empty inputs', () => {
  const apiKey = testApiKey();
  let warden: WardenInstance;

  beforeAll(async () => {
    warden = await startWarden('redteam-moderation-inputs', {
      WARDEN_INIT_API_KEY: apiKey,
      WARDEN_EMBEDDED_MODELS: '',
    });
  }, 90_000);

  afterAll(async () => {
    await warden?.stop();
  });

  async function setTokensPerMinute(tokensPerMinute: number): Promise<void> {
    await setDemoPolicy(warden, {
      requireUser: false,
      rateLimits: { requestsPerMinute: 10_000, tokensPerMinute },
    });
  }

  const moderate = (input: string[]) => postJson(warden.url, '/v1/moderations', apiKey, { input });

  it('answers as many empty inputs as one call may carry (2,048), one result each', async () => {
    await setTokensPerMinute(10_000_000);
    const response = await moderate(new Array<string>(2048).fill(''));
    expect(response.status).toBe(200);
    expect(response.body.results).toHaveLength(2048);
  }, 120_000);

  it('charges every input at least one token, so the budget bounds how many one call may send', async () => {
    await setTokensPerMinute(1_000);
    const response = await moderate(new Array<string>(2_000).fill(''));
    expect(response.status).toBe(429);
    expect(response.body.error.type).toBe('rate_limit_error');
  }, 60_000);
});
