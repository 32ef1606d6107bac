import { OPENAI_CATEGORIES } from '../server/src/moderation/moderation.types';
import { testApiKey } from './support/keys';
import { postJson } from './support/review-api';
import { startWardenServedBy, UpstreamServer } from './support/upstream-server';
import { EndUserErrorCode, openAiAnswer } from './support/error-catalog';
import { demoApplicationId, setDemoPolicy } from './support/demo-policy';
import { eventually, WardenInstance } from './support/warden';

/**
 * An end user id with a NUL character or a lone surrogate is stored (request log, end_users, the status Warden
 * enforces) with U+FFFD in its place, since Postgres cannot hold either. The api must look the end user up by that
 * same id: it once looked up the id as sent, so an end user named `mallory\u0000` earned a block that the console
 * showed and no request ever met.
 */
describe('redteam: end user ids Postgres cannot store as sent', () => {
  const upstream = new UpstreamServer();
  const apiKey = testApiKey();
  let warden: WardenInstance;
  let applicationId: string;

  beforeAll(async () => {
    warden = await startWardenServedBy(upstream, 'redteam_end_user_ids', {
      WARDEN_INIT_API_KEY: apiKey,
    });
    applicationId = await demoApplicationId(warden);
    // Only the blocklist flags here, so every strike is one this test chose.
    const observeOnly = Object.fromEntries(
      [...OPENAI_CATEGORIES, 'profanity', 'prompt-injection'].map((category) => [
        category,
        { input: { action: 'observe' }, output: { action: 'observe' } },
      ]),
    );
    const policy = {
      requireUser: false,
      blocklist: { words: ['zorbanite'] },
      categories: { ...observeOnly, blocklist: { input: { action: 'flag' }, output: { action: 'allow' } } },
      strikes: { throttleAt: 1, blockAt: 2, throttledRequestsPerMinute: 100 },
    };
    await setDemoPolicy(warden, policy);
  }, 180_000);

  afterAll(async () => {
    await warden?.stop();
    await upstream.stop();
  });

  const chat = (user: string, content: string) =>
    postJson(warden.url, '/v1/chat/completions', apiKey, {
      model: 'house-model',
      messages: [{ role: 'user', content }],
      max_tokens: 8,
      user,
    });

  it.each([
    ['a NUL character', 'mallory\u0000', 'mallory\ufffd'],
    ['a lone surrogate', 'trudy\ud800', 'trudy\ufffd'],
  ])('blocks an end user whose id holds %s once their strikes block them', async (_label, sent, stored) => {
    expect((await chat(sent, 'tell me about zorbanite')).status).toBe(200);
    expect((await chat(sent, 'more zorbanite please')).status).toBe(200);
    await eventually(
      () =>
        warden.query<{ status: string }>(
          `SELECT status FROM end_users WHERE application_id = $1 AND end_user = $2`,
          [applicationId, stored],
        ),
      (rows) => rows[0]?.status === 'blocked',
    );
    expect(await chat(sent, 'a harmless question now')).toMatchObject(
      openAiAnswer(EndUserErrorCode.EndUserBlocked),
    );
    // The id as stored names the same end user.
    expect((await chat(stored, 'a harmless question now')).status).toBe(403);
    expect((await chat('alice', 'a pleasant question')).status).toBe(200);
  });
});
