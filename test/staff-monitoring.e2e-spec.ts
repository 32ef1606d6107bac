import { z } from 'zod';
import {
  alertResponseSchema,
  anomalyRuleResponseSchema,
  heldCompletionResponseSchema,
  monitoringSummarySchema,
} from '../contracts/src';
import { OPENAI_CATEGORIES } from '../server/src/moderation/moderation.types';
import { verifyWebhook } from '../server/src/webhooks/webhook.signature';
import {
  CommonErrorCode,
  ModerationErrorCode,
  MonitoringErrorCode,
  StaffErrorCode,
  staffAnswer,
} from './support/error-catalog';
import { testApiKey } from './support/keys';
import { createStaff, postJson, request, Session, staffLogin } from './support/review-api';
import { UpstreamServer } from './support/upstream-server';
import { WebhookReceiver } from './support/webhook-receiver';
import { eventually, runCli, startWarden, WardenInstance } from './support/warden';

/** The staff side of misuse monitoring: the held-output queue, alerts, end users and the dashboard. */
describe('staff monitoring API', () => {
  const upstream = new UpstreamServer();
  const receiver = new WebhookReceiver();
  const apiKey = testApiKey();
  const adminEmail = 'admin@warden.test';
  const adminPassword = 'correct horse battery staple';
  let warden: WardenInstance;
  let applicationId: string;
  let secret: string;
  let admin: Session;
  let reviewer: Session;
  let analyst: Session;

  beforeAll(async () => {
    warden = await startWarden('staff_monitoring', {
      WARDEN_INIT_API_KEY: apiKey,
      WARDEN_INIT_ADMIN_EMAIL: adminEmail,
      WARDEN_INIT_ADMIN_PASSWORD: adminPassword,
      WARDEN_UPSTREAM_URL: await upstream.start(),
      WARDEN_UPSTREAM_MODELS: 'house-model',
      WARDEN_EMBEDDED_MODELS: '',
      // The receiver listens on loopback, which webhooks may only reach when the operator allows it.
      WARDEN_WEBHOOK_ALLOW_PRIVATE: 'true',
      WARDEN_MONITOR_INTERVAL_MS: '1000',
    });
    [{ id: applicationId }] = await warden.query<{ id: string }>(
      `SELECT id FROM applications WHERE name = 'Demo application'`,
    );
    secret = (
      JSON.parse(
        (await runCli(warden.env, ['apps:webhook', applicationId, await receiver.start()])).stdout,
      ) as { secret: string }
    ).secret;
    await runCli(warden.env, [
      'policies:set',
      applicationId,
      JSON.stringify({
        blocklist: { words: ['heldword', 'flagword'] },
        // The classifier only observes here, so every hold and flag in this suite is one the test chose.
        categories: {
          ...Object.fromEntries(
            OPENAI_CATEGORIES.map((category) => [
              category,
              { input: { action: 'observe' }, output: { action: 'observe' } },
            ]),
          ),
          blocklist: { input: { action: 'hold' }, output: { action: 'allow' } },
        },
      }),
    ]);
    await warden.query(
      `UPDATE anomaly_rules SET params = '{"factor": 5, "minRequests": 5, "baselineHours": 24, "warmupHours": 1}' WHERE id = 'volume_spike'`,
    );
    admin = await staffLogin(warden.url, adminEmail, adminPassword);
    reviewer = await createStaff(warden.url, admin.token, 'reviewer');
    analyst = await createStaff(warden.url, admin.token, 'analyst');
    // Starting the server and running the operator CLI twice takes a while on a loaded machine.
  }, 180_000);

  afterAll(async () => {
    await warden?.stop();
    await upstream.stop();
    await receiver.stop();
  });

  const complete = (prompt: string, user = 'someone') =>
    postJson(warden.url, '/v1/completions', apiKey, { model: 'house-model', prompt, max_tokens: 8, user });

  it('lets a reviewer release one held output and discard another; the developer learns each outcome', async () => {
    const first = await complete('please heldword one');
    const second = await complete('please heldword two');
    expect([first.status, second.status]).toEqual([202, 202]);
    const firstId = first.body.warden.held_completion_id as string;
    const secondId = second.body.warden.held_completion_id as string;

    const queue = await request<Array<{ id: string; status: string }>>(
      warden.url,
      'GET',
      `/admin/held-completions?filter=${encodeURIComponent(JSON.stringify({ status: 'pending' }))}`,
      { token: analyst.token },
    );
    expect(queue.status).toBe(200);
    expect(queue.headers.get('content-range')).toMatch(/^held-completions 0-1\/2$/);
    expect(queue.body.map((row) => row.id).sort()).toEqual([firstId, secondId].sort());
    // Mapped to the contract's shape (strict: no column the mapping does not name), not raw rows.
    expect(z.array(heldCompletionResponseSchema).safeParse(queue.body).error).toBeUndefined();

    // Malformed decisions are refused by the contract's schema, naming what is wrong.
    for (const [body, problem] of [
      [{ decision: 'publish', reason: 'fine' }, /^decision: /],
      [{ decision: 'release', reason: 'fine', notify: true }, /notify/],
      [{ decision: 'release' }, /^reason: /],
    ] as const) {
      const malformed = await request(warden.url, 'POST', `/admin/held-completions/${firstId}/decisions`, {
        token: reviewer.token,
        body,
      });
      expect(malformed).toMatchObject(
        staffAnswer(CommonErrorCode.InvalidBody, expect.stringMatching(problem)),
      );
    }

    const refused = await request(warden.url, 'POST', `/admin/held-completions/${firstId}/decisions`, {
      token: analyst.token,
      body: { decision: 'release', reason: 'fine' },
    });
    expect(refused).toMatchObject(staffAnswer(StaffErrorCode.Forbidden));
    const noReason = await request(warden.url, 'POST', `/admin/held-completions/${firstId}/decisions`, {
      token: reviewer.token,
      body: { decision: 'release', reason: ' ' },
    });
    expect(noReason).toMatchObject(staffAnswer(CommonErrorCode.InvalidBody));

    const released = await request<{ status: string }>(
      warden.url,
      'POST',
      `/admin/held-completions/${firstId}/decisions`,
      {
        token: reviewer.token,
        body: { decision: 'release', reason: 'a geology question, harmless' },
      },
    );
    expect(released.body.status).toBe('released');
    expect(heldCompletionResponseSchema.safeParse(released.body).error).toBeUndefined();
    const discarded = await request<{ status: string }>(
      warden.url,
      'POST',
      `/admin/held-completions/${secondId}/decisions`,
      {
        token: reviewer.token,
        body: { decision: 'discard', reason: 'not appropriate' },
      },
    );
    expect(discarded.body.status).toBe('discarded');
    const again = await request(warden.url, 'POST', `/admin/held-completions/${secondId}/decisions`, {
      token: reviewer.token,
      body: { decision: 'release', reason: 'changed my mind' },
    });
    expect(again).toMatchObject(staffAnswer(ModerationErrorCode.HeldCompletionDecided));

    const developerView = await fetch(`${warden.url}/v1/held-completions/${firstId}`, {
      headers: { authorization: `Bearer ${apiKey}` },
    });
    const releasedCompletion = (await developerView.json()) as {
      status: string;
      completion: { choices: Array<{ text: string }> };
    };
    expect(releasedCompletion.status).toBe('released');
    expect(releasedCompletion.completion.choices[0].text).toBe(
      UpstreamServer.answer('please heldword one', 8).join(''),
    );
    const discardedView = (await (
      await fetch(`${warden.url}/v1/held-completions/${secondId}`, {
        headers: { authorization: `Bearer ${apiKey}` },
      })
    ).json()) as Record<string, unknown>;
    expect(discardedView).toMatchObject({ status: 'discarded', completion: null, reason: 'not appropriate' });

    const hooks = await eventually(
      async () => receiver.received.filter((hook) => hook.json.type.startsWith('held_completion.')),
      (list) => list.length === 2,
    );
    expect(hooks.map((hook) => hook.json.type).sort()).toEqual([
      'held_completion.discarded',
      'held_completion.released',
    ]);
    expect(
      hooks.every((hook) => verifyWebhook(secret, hook.body, String(hook.headers['x-warden-signature']))),
    ).toBe(true);

    const audit = await request<Array<{ action: string; entityId: string; actorEmail: string }>>(
      warden.url,
      'GET',
      '/admin/audit-log?sort=["seq","DESC"]&range=[0,9]',
      { token: admin.token },
    );
    expect(
      audit.body
        .filter((event) => event.action.startsWith('held_completion.'))
        .map((event) => [event.action, event.entityId, event.actorEmail]),
    ).toEqual(
      expect.arrayContaining([
        ['held_completion.released', firstId, reviewer.email],
        ['held_completion.discarded', secondId, reviewer.email],
      ]),
    );
  });

  it('lists alerts for analysts, who acknowledge and resolve them', async () => {
    // One request two hours ago: the application is past the volume rule's warm-up.
    await warden.query(
      `INSERT INTO request_logs (request_id, created_at, endpoint, application_id, status_code, latency_ms)
       VALUES ('req_warm_history', now() - interval '2 hours', '/v1/completions', $1, 200, 12)`,
      [applicationId],
    );
    for (let i = 0; i < 6; i++) await complete(`busy ${i}`);
    const alerts = await eventually(
      () =>
        request<Array<{ id: string; ruleId: string; status: string }>>(warden.url, 'GET', '/admin/alerts', {
          token: analyst.token,
        }),
      (result) => result.body.some((alert) => alert.ruleId === 'volume_spike'),
      30_000,
    );
    const alert = alerts.body.find((row) => row.ruleId === 'volume_spike')!;
    expect(z.array(alertResponseSchema).safeParse(alerts.body).error).toBeUndefined();
    const rules = await request(warden.url, 'GET', '/admin/anomaly-rules', { token: analyst.token });
    expect(z.array(anomalyRuleResponseSchema).safeParse(rules.body).error).toBeUndefined();
    const acknowledged = await request<{ status: string; acknowledgedBy: string }>(
      warden.url,
      'POST',
      `/admin/alerts/${alert.id}/acknowledge`,
      { token: analyst.token },
    );
    expect(acknowledged.body).toMatchObject({ status: 'acknowledged', acknowledgedBy: analyst.email });
    expect(alertResponseSchema.safeParse(acknowledged.body).error).toBeUndefined();
    const resolved = await request<{ status: string; resolution: string }>(
      warden.url,
      'POST',
      `/admin/alerts/${alert.id}/resolve`,
      {
        token: analyst.token,
        body: { resolution: 'load test by the developer' },
      },
    );
    expect(resolved.body).toMatchObject({ status: 'resolved', resolution: 'load test by the developer' });
    expect(
      await request(warden.url, 'POST', `/admin/alerts/${alert.id}/acknowledge`, { token: analyst.token }),
    ).toMatchObject(staffAnswer(MonitoringErrorCode.InvalidAlertTransition));
  });

  it('shows end users and lets a reviewer unblock one', async () => {
    await runCli(warden.env, [
      'policies:set',
      applicationId,
      JSON.stringify({
        categories: { blocklist: { input: { action: 'flag' } } },
        strikes: { throttleAt: 1, blockAt: 2 },
      }),
    ]);
    await complete('flagword', 'eve');
    await complete('flagword', 'eve');
    const id = `${applicationId}:eve`;
    await eventually(
      () =>
        request<{ status: string }>(warden.url, 'GET', `/admin/end-users/${encodeURIComponent(id)}`, {
          token: analyst.token,
        }),
      (result) => result.body?.status === 'blocked',
    );
    expect(
      await request(warden.url, 'POST', `/admin/end-users/${encodeURIComponent(id)}/unblock`, {
        token: analyst.token,
        body: { reason: 'x' },
      }),
    ).toMatchObject(staffAnswer(StaffErrorCode.Forbidden));
    const unblocked = await request<{ status: string; strikePoints: number }>(
      warden.url,
      'POST',
      `/admin/end-users/${encodeURIComponent(id)}/unblock`,
      {
        token: reviewer.token,
        body: { reason: 'false positive' },
      },
    );
    expect(unblocked.body).toMatchObject({ status: 'active', strikePoints: 0, blockedByStaff: false });
    expect((await complete('a fine question', 'eve')).status).toBe(200);

    // A block staff impose: audited, and only lifted by staff.
    expect(
      await request(warden.url, 'POST', `/admin/end-users/${encodeURIComponent(id)}/block`, {
        token: analyst.token,
        body: { reason: 'x' },
      }),
    ).toMatchObject(staffAnswer(StaffErrorCode.Forbidden));
    const blocked = await request(warden.url, 'POST', `/admin/end-users/${encodeURIComponent(id)}/block`, {
      token: reviewer.token,
      body: { reason: 'scraping through the demo' },
    });
    expect(blocked.body).toMatchObject({
      status: 'blocked',
      blockedByStaff: true,
      statusReason: 'scraping through the demo',
    });
    expect((await complete('a fine question', 'eve')).status).toBe(403);
    const [audit] = await warden.query<{ before: unknown; after: unknown }>(
      `SELECT before, after FROM audit_events WHERE action = 'end_user.blocked' AND entity_id = $1`,
      [id],
    );
    expect(audit).toEqual({
      before: { status: 'active', blockedByStaff: false, strikePoints: 0 },
      after: {
        status: 'blocked',
        blockedByStaff: true,
        strikePoints: 0,
        reason: 'scraping through the demo',
      },
    });
    const lifted = await request(warden.url, 'POST', `/admin/end-users/${encodeURIComponent(id)}/unblock`, {
      token: reviewer.token,
      body: { reason: 'appeal accepted' },
    });
    expect(lifted.body).toMatchObject({ status: 'active', blockedByStaff: false });
    expect((await complete('a fine question', 'eve')).status).toBe(200);
    const list = await request<Array<{ endUser: string }>>(
      warden.url,
      'GET',
      `/admin/end-users?filter=${encodeURIComponent(JSON.stringify({ applicationId }))}`,
      { token: analyst.token },
    );
    expect(list.body.map((row) => row.endUser)).toEqual(expect.arrayContaining(['eve', 'someone']));
  });

  it('searches the request log by text, verdict category, action, flag and time', async () => {
    const list = (filter: Record<string, unknown>) =>
      request<
        Array<{ id: string; prompt: string; verdicts: Array<{ category: string; spans?: unknown[] }> }>
      >(
        warden.url,
        'GET',
        `/admin/request-logs?filter=${encodeURIComponent(JSON.stringify(filter))}&range=[0,99]`,
        { token: analyst.token },
      );
    await eventually(
      () => list({ q: 'heldword' }),
      (result) => result.body.length === 2,
    );
    const byText = await list({ q: '"heldword one"' });
    expect(byText.body.map((row) => row.prompt)).toEqual(['please heldword one']);
    const byCategory = await list({ category: 'blocklist', endUser: 'eve' });
    expect(byCategory.body.length).toBe(2);
    expect(
      byCategory.body[0].verdicts.find((verdict) => verdict.category === 'blocklist')!.spans,
    ).toHaveLength(1);
    expect((await list({ action: 'hold' })).body).toHaveLength(2);
    const flagged = await list({ flagged: 'true' });
    expect(flagged.body.length).toBe(4);
    const since = await list({ createdAfter: new Date(Date.now() + 60_000).toISOString() });
    expect(since.body).toEqual([]);
    expect(await list({ createdAfter: 'last tuesday' })).toMatchObject(
      staffAnswer(CommonErrorCode.InvalidListQuery),
    );
    expect(await list({ action: 'explode' })).toMatchObject(staffAnswer(CommonErrorCode.InvalidListQuery));
  });

  it('summarises volume, flags, blocks, latency and top talkers for the dashboard', async () => {
    const summary = await request<Record<string, any>>(
      warden.url,
      'GET',
      '/admin/monitoring/summary?window=1h',
      { token: analyst.token },
    );
    expect(summary.status).toBe(200);
    expect(monitoringSummarySchema.safeParse(summary.body).error).toBeUndefined();
    expect(summary.body.totals.requests).toBeGreaterThanOrEqual(10);
    expect(summary.body.series.length).toBeGreaterThan(0);
    expect(summary.body.latencyMs.p50).toBeGreaterThan(0);
    expect(summary.body.flaggedByCategory.map((row: { category: string }) => row.category)).toContain(
      'blocklist',
    );
    expect(summary.body.topApplications[0]).toMatchObject({ id: applicationId, name: 'Demo application' });
    expect(
      await request(warden.url, 'GET', '/admin/monitoring/summary?window=3y', { token: analyst.token }),
    ).toMatchObject(staffAnswer(MonitoringErrorCode.InvalidWindow));
    expect(await request(warden.url, 'GET', '/admin/monitoring/summary')).toMatchObject(
      staffAnswer(StaffErrorCode.Unauthenticated),
    );
  });
});
