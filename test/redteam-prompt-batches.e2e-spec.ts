import { testApiKey } from './support/keys';
import { postJson } from './support/review-api';
import { startWardenServedBy, UpstreamServer } from './support/upstream-server';
import { CommonErrorCode, openAiAnswer } from './support/error-catalog';
import { WardenInstance } from './support/warden';

/**
 * `/v1/completions` takes a list of prompts, and nothing bounds the list but the 4 MB body: a million empty prompts
 * is 3 MB. The length check spread one argument per prompt into `Math.max`, which overflowed the stack while the
 * rate-limit charge was in flight; the charge was then never awaited, its refusal became an unhandled rejection,
 * and the api process exited, taking the whole of Warden down with one request. With `max_tokens: 0` the empty
 * prompts passed every token limit and each was moderated on its own. A list holds at most 2,048 prompts.
 */
describe('redteam: a completion request with a million prompts', () => {
  const upstream = new UpstreamServer();
  const apiKey = testApiKey();
  let warden: WardenInstance;

  beforeAll(async () => {
    warden = await startWardenServedBy(upstream, 'redteam_prompt_batches', {
      WARDEN_INIT_API_KEY: apiKey,
    });
  }, 120_000);

  afterAll(async () => {
    await warden?.stop();
    await upstream.stop();
  });

  const complete = (body: object) =>
    postJson(warden.url, '/v1/completions', apiKey, { model: 'house-model', ...body });

  it.each([
    ['a million empty prompts', 1_000_000, {}],
    ['a million empty prompts with max_tokens 0', 1_000_000, { max_tokens: 0 }],
    // Within every token limit (an empty prompt costs none), yet each was moderated: 100,000 took 24 s, then a 500.
    ['10,000 empty prompts with max_tokens 0', 10_000, { max_tokens: 0 }],
  ])('refuses %s naming prompt, and keeps serving', async (_label, count, extra) => {
    const answer = await complete({ prompt: new Array(count).fill(''), ...extra });
    expect(answer).toMatchObject(openAiAnswer(CommonErrorCode.InvalidValue, 'prompt'));
    expect(upstream.received).toHaveLength(0);
    const after = await complete({ prompt: 'hello', max_tokens: 4 });
    expect(after.status).toBe(200);
    upstream.received.length = 0;
  });
});
