import { CURRENT_STRIKE_POINTS } from '../server/src/end-users/end-users.repository';
import { OPENAI_CATEGORIES } from '../server/src/moderation/moderation.types';
import { verifyWebhook } from '../server/src/webhooks/webhook.signature';
import { testApiKey } from './support/keys';
import { postJson } from './support/review-api';
import { UpstreamServer } from './support/upstream-server';
import { WebhookReceiver } from './support/webhook-receiver';
import { eventually, runCli, startWarden, WardenInstance } from './support/warden';
import { EndUserErrorCode, openAiAnswer } from './support/error-catalog';

/** One end user who keeps sending flagged prompts is throttled, then blocked; the application keeps serving others. */
describe('end users and strikes', () => {
  const upstream = new UpstreamServer();
  const receiver = new WebhookReceiver(1); // the first delivery fails: the worker must retry it
  const apiKey = testApiKey();
  let warden: WardenInstance;
  let applicationId: string;
  let secret: string;
  let policy: Record<string, unknown>;

  beforeAll(async () => {
    warden = await startWarden('end_users', {
      WARDEN_INIT_API_KEY: apiKey,
      WARDEN_UPSTREAM_URL: await upstream.start(),
      WARDEN_UPSTREAM_MODELS: 'house-model',
      WARDEN_EMBEDDED_MODELS: '',
      // The receiver listens on loopback, which webhooks may only reach when the operator allows it.
      WARDEN_WEBHOOK_ALLOW_PRIVATE: 'true',
      // The worker's sweep lets faded throttles lapse on the monitoring beat.
      WARDEN_MONITOR_INTERVAL_MS: '1000',
    });
    [{ id: applicationId }] = await warden.query<{ id: string }>(
      `SELECT id FROM applications WHERE name = 'Demo application'`,
    );
    const hook = await runCli(warden.env, ['apps:webhook', applicationId, await receiver.start()]);
    expect(hook.code).toBe(0);
    secret = (JSON.parse(hook.stdout) as { secret: string }).secret;
    // Only the blocklist flags here, so every strike is one this test chose.
    const observeOnly = Object.fromEntries(
      [...OPENAI_CATEGORIES, 'profanity', 'prompt-injection'].map((category) => [
        category,
        { input: { action: 'observe' }, output: { action: 'observe' } },
      ]),
    );
    policy = {
      blocklist: { words: ['zorbanite'] },
      categories: { ...observeOnly, blocklist: { input: { action: 'flag' }, output: { action: 'allow' } } },
      strikes: { throttleAt: 2, blockAt: 3, throttledRequestsPerMinute: 3 },
    };
    expect((await runCli(warden.env, ['policies:set', applicationId, JSON.stringify(policy)])).code).toBe(0);
    // Starting the server and running the operator CLI twice takes a while on a loaded machine.
  }, 180_000);

  afterAll(async () => {
    await warden?.stop();
    await upstream.stop();
    await receiver.stop();
  });

  const call = (user: string, prompt: string) =>
    postJson(warden.url, '/v1/completions', apiKey, { model: 'house-model', prompt, max_tokens: 8, user });

  const endUser = (user: string) =>
    warden.query<{ status: string; request_count: string; flagged_count: string; strike_points: number }>(
      `SELECT status, request_count, flagged_count, strike_points FROM end_users WHERE application_id = $1 AND end_user = $2`,
      [applicationId, user],
    );

  it('throttles, then blocks, the offending end user only, and tells the developer through signed webhooks', async () => {
    expect((await call('mallory', 'tell me about zorbanite')).status).toBe(200);
    expect((await call('mallory', 'more zorbanite please')).status).toBe(200);
    expect((await call('alice', 'a pleasant question')).status).toBe(200);
    const [throttled] = await eventually(
      () => endUser('mallory'),
      (rows) => rows[0]?.status === 'throttled',
    );
    expect(throttled).toMatchObject({ request_count: '2', flagged_count: '2', strike_points: 2 });

    const slowed = await call('mallory', 'zorbanite again');
    expect(slowed.status).toBe(200);
    // x-ratelimit-* describe the key's budget; the throttled end user's own cap has its -end-user headers.
    expect(slowed.headers.get('x-ratelimit-limit-requests-end-user')).toBe('3');
    await eventually(
      () => endUser('mallory'),
      (rows) => rows[0]?.status === 'blocked',
    );

    const refused = await call('mallory', 'a harmless question now');
    expect(refused).toMatchObject(openAiAnswer(EndUserErrorCode.EndUserBlocked));
    expect((await call('alice', 'another pleasant question')).status).toBe(200);
    // Both of alice's calls are counted: an end user with no strikes is updated like any other (nothing dead-lettered).
    const [alice] = await eventually(
      () => endUser('alice'),
      (rows) => rows[0]?.request_count === '2',
    );
    expect(alice).toMatchObject({ status: 'active', flagged_count: '0', strike_points: 0 });

    const hooks = await eventually(
      async () => receiver.received,
      (received) => received.length >= 2,
      30_000,
    );
    // The first delivery is refused by the receiver and retried, so arrival order is not guaranteed.
    expect(hooks.map((hook) => hook.json.type).sort()).toEqual(['end_user.blocked', 'end_user.throttled']);
    for (const hook of hooks) {
      expect(verifyWebhook(secret, hook.body, String(hook.headers['x-warden-signature']))).toBe(true);
      expect(verifyWebhook('whsec_wrong', hook.body, String(hook.headers['x-warden-signature']))).toBe(false);
      expect(hook.json.data).toMatchObject({ applicationId, endUser: 'mallory' });
    }
    const [delivery] = await warden.query<{ attempts: number; status: string }>(
      `SELECT attempts, status FROM webhook_deliveries WHERE event = 'end_user.throttled'`,
    );
    expect(delivery).toEqual({ attempts: 2, status: 'delivered' });
  });

  it('serves the end user again once staff unblock them', async () => {
    const unblocked = await runCli(warden.env, [
      'end-users:unblock',
      applicationId,
      'mallory',
      'appeal accepted',
    ]);
    expect(unblocked.stderr).toBe('');
    expect(JSON.parse(unblocked.stdout)).toMatchObject({ status: 'active' });
    expect((await call('mallory', 'a harmless question now')).status).toBe(200);
    expect((await endUser('mallory'))[0].strike_points).toBe(0);
  });

  it('halves strike points every half-life of the policy, on each end user’s own clock', async () => {
    const [decay] = await warden.query<Record<string, number>>(
      `SELECT decayed_strike_points(8, now() - interval '25 hours', 24, now()) AS "oneHalfLife",
              decayed_strike_points(8, now() - interval '23 hours', 24, now()) AS "withinOne",
              decayed_strike_points(8, now() - interval '3 years', 24, now()) AS "longGone",
              decayed_strike_points(8, now() - interval '3 years', NULL, now()) AS "neverFades"`,
    );
    expect(decay).toMatchObject({ oneHalfLife: 4, withinOne: 8, neverFades: 8 });
    expect(decay.longGone).toBeLessThan(1e-15);
    const [remainder] = await warden.query<{ seconds: number }>(
      `SELECT extract(epoch FROM now() - strike_clock(now() - interval '49 hours', 24, now()))::float AS seconds`,
    );
    expect(remainder.seconds).toBeCloseTo(3600, 3);
    // Points that never fade keep their clock: it must never be lost (the column is NOT NULL).
    const [kept] = await warden.query<{ seconds: number }>(
      `SELECT extract(epoch FROM now() - strike_clock(now() - interval '5 hours', NULL, now()))::float AS seconds`,
    );
    expect(kept.seconds).toBeCloseTo(5 * 3600, 3);
  });

  it('lets a throttle lapse once its strike points fade below it, and tells the developer', async () => {
    const halfLifeSeconds = 8;
    const fading = {
      ...policy,
      strikes: {
        throttleAt: 2,
        blockAt: 3,
        throttledRequestsPerMinute: 3,
        halfLifeHours: halfLifeSeconds / 3600,
      },
    };
    expect((await runCli(warden.env, ['policies:set', applicationId, JSON.stringify(fading)])).code).toBe(0);
    expect((await call('trudy', 'tell me about zorbanite')).status).toBe(200);
    expect((await call('trudy', 'more zorbanite please')).status).toBe(200);
    const [throttled] = await eventually(
      () => endUser('trudy'),
      (rows) => rows[0]?.status === 'throttled',
    );
    expect(throttled.strike_points).toBe(2);

    // Nothing more is sent: the worker's sweep finds the points halved (2 -> 1, under the throttle at 2).
    const [lapsed] = await eventually(
      () =>
        warden.query<{ status: string; status_reason: string; points: number }>(
          `SELECT status, status_reason, strike_points AS points FROM end_users WHERE application_id = $1 AND end_user = $2`,
          [applicationId, 'trudy'],
        ),
      (rows) => rows[0]?.status === 'active',
      30_000,
    );
    expect(lapsed.status_reason).toMatch(
      /^strike points down to 1 \(throttle at 2, block at 3, points halve every/,
    );
    expect(lapsed.points).toBe(1);
    expect(
      (await call('trudy', 'a harmless question now')).headers.get('x-ratelimit-limit-requests-end-user'),
    ).not.toBe('3');
    const hooks = await eventually(
      async () =>
        receiver.received.filter((hook) => (hook.json.data as { endUser?: string }).endUser === 'trudy'),
      (received) => received.length >= 2,
      30_000,
    );
    expect(
      hooks.map((hook) => [hook.json.type, (hook.json.data as { status: string }).status]).sort(),
    ).toEqual([
      ['end_user.throttled', 'throttled'],
      ['end_user.unblocked', 'active'],
    ]);
  }, 60_000);

  it('keeps a block staff impose while the strike points fade, until staff lift it', async () => {
    // The fading policy of the test before is in force: points halve every 8 s, and the sweep runs every second.
    expect((await call('oscar', 'tell me about zorbanite')).status).toBe(200);
    expect((await call('oscar', 'more zorbanite please')).status).toBe(200);
    await eventually(
      () => endUser('oscar'),
      (rows) => rows[0]?.status === 'throttled',
    );
    const blocked = await runCli(warden.env, [
      'end-users:block',
      applicationId,
      'oscar',
      'scraping the model',
    ]);
    expect(blocked.stderr).toBe('');
    expect(JSON.parse(blocked.stdout)).toMatchObject({ status: 'blocked' });

    // Once the points have faded below the throttle, a status the strikes earned lapses within a sweep or two
    // (trudy's, above); a refused call is logged and counted too. The staff block stands through both.
    await eventually(
      () =>
        warden.query<{ points: number }>(
          `SELECT ${CURRENT_STRIKE_POINTS} AS points FROM end_users u WHERE application_id = $1 AND end_user = $2`,
          [applicationId, 'oscar'],
        ),
      (rows) => rows[0]?.points < 2,
      30_000,
    );
    expect(await call('oscar', 'a harmless question now')).toMatchObject(
      openAiAnswer(EndUserErrorCode.EndUserBlocked),
    );
    await eventually(
      () => endUser('oscar'),
      (rows) => rows[0]?.request_count === '3',
    );
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const [held] = await warden.query<{ status: string; status_reason: string; blocked_by_staff: boolean }>(
      `SELECT status, status_reason, blocked_by_staff FROM end_users WHERE application_id = $1 AND end_user = $2`,
      [applicationId, 'oscar'],
    );
    expect(held).toEqual({ status: 'blocked', status_reason: 'scraping the model', blocked_by_staff: true });
    expect(await call('oscar', 'a harmless question now')).toMatchObject(
      openAiAnswer(EndUserErrorCode.EndUserBlocked),
    );
    const hooks = receiver.received.filter(
      (hook) => (hook.json.data as { endUser?: string }).endUser === 'oscar',
    );
    expect(hooks.map((hook) => hook.json.type)).toContain('end_user.blocked');
    expect(hooks.map((hook) => hook.json.type)).not.toContain('end_user.unblocked');

    expect(
      (await runCli(warden.env, ['end-users:unblock', applicationId, 'oscar', 'appeal accepted'])).code,
    ).toBe(0);
    expect((await call('oscar', 'a harmless question now')).status).toBe(200);
    const [lifted] = await warden.query<{ status: string; blocked_by_staff: boolean; strike_points: number }>(
      `SELECT status, blocked_by_staff, strike_points FROM end_users WHERE application_id = $1 AND end_user = $2`,
      [applicationId, 'oscar'],
    );
    expect(lifted).toEqual({ status: 'active', blocked_by_staff: false, strike_points: 0 });
  }, 90_000);
});
