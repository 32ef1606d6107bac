import { testApiKey } from './support/keys';
import { postJson, request, staffLogin } from './support/review-api';
import { UpstreamServer } from './support/upstream-server';
import { eventually, startWarden, WardenInstance } from './support/warden';
import { ApiKeyErrorCode, ModerationErrorCode } from './support/error-catalog';

const ADMIN = { email: 'admin@warden.test', password: 'admin-password-long-enough' };

/** Anomaly rules run in the worker on a schedule; a firing creates an alert and, when configured, suspends the key. */
describe('anomaly rules and alerts', () => {
  const upstream = new UpstreamServer();
  const apiKey = testApiKey();
  let warden: WardenInstance;
  let applicationId: string;

  beforeAll(async () => {
    warden = await startWarden('monitoring', {
      WARDEN_INIT_API_KEY: apiKey,
      WARDEN_UPSTREAM_URL: await upstream.start(),
      WARDEN_UPSTREAM_MODELS: 'house-model',
      WARDEN_EMBEDDED_MODELS: '',
      WARDEN_MONITOR_INTERVAL_MS: '1000',
      WARDEN_INIT_ADMIN_EMAIL: ADMIN.email,
      WARDEN_INIT_ADMIN_PASSWORD: ADMIN.password,
    });
    const [{ id }] = await warden.query<{ id: string }>(
      `SELECT id FROM applications WHERE name = 'Demo application'`,
    );
    applicationId = id;
    await warden.query(`INSERT INTO policies (application_id, rules) VALUES ($1, $2)`, [
      id,
      JSON.stringify({ blocklist: { words: ['quarglefax'] } }),
    ]);
    await warden.query(
      `UPDATE anomaly_rules SET params = '{"factor": 5, "minRequests": 20, "baselineHours": 24, "warmupHours": 1}' WHERE id = 'volume_spike'`,
    );
    await warden.query(
      `UPDATE anomaly_rules SET params = '{"minBlocked": 6}', action = 'suspend_key' WHERE id = 'blocked_burst'`,
    );
  });

  afterAll(async () => {
    await warden?.stop();
    await upstream.stop();
  });

  const call = (prompt: string) =>
    postJson<{ error?: { code: string } }>(warden.url, '/v1/completions', apiKey, {
      model: 'house-model',
      prompt,
      max_tokens: 4,
    });

  const alerts = (rule: string) =>
    warden.query<{
      rule_id: string;
      status: string;
      api_key_id: string | null;
      title: string;
      details: Record<string, number>;
      action_taken: string | null;
    }>(`SELECT rule_id, status, api_key_id, title, details, action_taken FROM alerts WHERE rule_id = $1`, [
      rule,
    ]);

  const runsOfTheDetector = () => new Promise((resolve) => setTimeout(resolve, 3500));

  it("does not call a new application's first traffic a volume spike", async () => {
    for (let i = 0; i < 24; i++) expect((await call(`ordinary request ${i}`)).status).toBe(200);
    await runsOfTheDetector();
    expect(await alerts('volume_spike')).toEqual([]);
  });

  it('raises one volume-spike alert once the application has warmed up, and keeps it one while open', async () => {
    // Traffic from two hours ago: the application is past its one-hour warm-up, with a small baseline.
    await warden.query(
      `INSERT INTO request_logs (request_id, created_at, endpoint, application_id, status_code, latency_ms)
       VALUES ('req_warm_history', now() - interval '2 hours', '/v1/completions', $1, 200, 12)`,
      [applicationId],
    );
    const [alert] = await eventually(
      () => alerts('volume_spike'),
      (rows) => rows.length > 0,
      30_000,
    );
    expect(alert).toMatchObject({ status: 'open', action_taken: null });
    expect(alert.details.requests).toBeGreaterThanOrEqual(20);
    expect((await call('still served')).status).toBe(200);

    // The spike goes on over many runs: still one alert, counting its occurrences.
    await runsOfTheDetector();
    const open = await alerts('volume_spike');
    expect(open).toHaveLength(1);
    const [{ occurrences }] = await warden.query<{ occurrences: number }>(
      `SELECT occurrences FROM alerts WHERE rule_id = 'volume_spike'`,
    );
    expect(occurrences).toBeGreaterThan(1);

    // Resolved, the same subject may alert again.
    await warden.query(
      `UPDATE alerts SET status = 'resolved', resolved_at = now() WHERE rule_id = 'volume_spike'`,
    );
    await eventually(
      () => alerts('volume_spike'),
      (rows) => rows.length === 2,
      30_000,
    );
  });

  it('counts worker-raised alerts in the api /metrics', async () => {
    const text = await (await fetch(`${warden.url}/metrics`)).text();
    const sample = /^warden_alerts_fired_total\{rule="volume_spike",severity="warning"\} (\d+)$/m.exec(text);
    expect(sample).not.toBeNull();
    expect(Number(sample![1])).toBeGreaterThanOrEqual(2);
  });

  it('lets admins edit a rule, refusing out-of-range values, and audits the change', async () => {
    const admin = await staffLogin(warden.url, ADMIN.email, ADMIN.password);
    const path = '/admin/anomaly-rules/key_many_ips';
    const current = await request<Record<string, unknown>>(warden.url, 'GET', path, { token: admin.token });
    expect(current.body).toMatchObject({ id: 'key_many_ips', params: { minAddresses: 20 } });
    const change = {
      enabled: true,
      windowSeconds: 900,
      params: { minAddresses: 8 },
      action: 'suspend_key',
      severity: 'critical',
    };
    for (const [bad, message] of [
      [{ ...change, params: { minAddresses: 0 } }, /params\.minAddresses/],
      [{ ...change, params: { minAddresses: 8, surprise: 1 } }, /surprise/],
      [{ ...change, windowSeconds: 5 }, /windowSeconds/],
      [{ ...change, action: 'delete_everything' }, /action/],
    ] as const) {
      const refused = await request(warden.url, 'PUT', path, { token: admin.token, body: bad });
      expect(refused.status).toBe(400);
      expect(refused.body.message).toMatch(message);
    }
    const updated = await request(warden.url, 'PUT', path, { token: admin.token, body: change });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ ...change, updatedBy: ADMIN.email });
    const [audited] = await warden.query<{ before: Record<string, unknown>; after: Record<string, unknown> }>(
      `SELECT before, after FROM audit_events WHERE action = 'anomaly_rule.updated' AND entity_id = 'key_many_ips'`,
    );
    expect(audited.before).toMatchObject({ params: { minAddresses: 20 } });
    expect(audited.after).toMatchObject({ params: { minAddresses: 8 }, action: 'suspend_key' });
  });

  it('suspends the key behind a burst of blocked prompts, pending review', async () => {
    for (let i = 0; i < 6; i++) {
      const result = await call(`please quarglefax ${i}`);
      expect(result.body.error?.code).toBe(ModerationErrorCode.ContentFilter);
    }
    const [alert] = await eventually(
      () => alerts('blocked_burst'),
      (rows) => rows.length > 0 && rows[0].action_taken !== null,
      30_000,
    );
    expect(alert.details.blocked).toBeGreaterThanOrEqual(6);
    expect(alert.action_taken).toMatch(/^suspended key/);
    const [key] = await warden.query<{ id: string; status: string }>(
      `SELECT id, status FROM api_keys WHERE id = $1`,
      [alert.api_key_id],
    );
    expect(key.status).toBe('suspended');
    const refused = await eventually(
      () => call('anything'),
      (result) => result.status === 401,
      5000,
    );
    expect(refused.body.error?.code).toBe(ApiKeyErrorCode.KeySuspended);
    // One alert per rule and subject while it is open, however often the rule runs.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await alerts('blocked_burst')).toHaveLength(1);
  });
});
