import { testApiKey } from './support/keys';
import { UpstreamServer } from './support/upstream-server';
import { eventually, startWarden, WardenInstance } from './support/warden';

/** Anomaly rules run in the worker on a schedule; a firing creates an alert and, when configured, suspends the key. */
describe('anomaly rules and alerts', () => {
  const upstream = new UpstreamServer();
  const apiKey = testApiKey();
  let warden: WardenInstance;

  beforeAll(async () => {
    warden = await startWarden('monitoring', {
      WARDEN_INIT_API_KEY: apiKey,
      WARDEN_UPSTREAM_URL: await upstream.start(),
      WARDEN_UPSTREAM_MODELS: 'house-model',
      WARDEN_EMBEDDED_MODELS: '',
      WARDEN_MONITOR_INTERVAL_MS: '1000',
    });
    const [{ id }] = await warden.query<{ id: string }>(
      `SELECT id FROM applications WHERE name = 'Demo application'`,
    );
    await warden.query(`INSERT INTO policies (application_id, rules) VALUES ($1, $2)`, [
      id,
      JSON.stringify({ blocklist: { words: ['quarglefax'] } }),
    ]);
    await warden.query(
      `UPDATE anomaly_rules SET params = '{"factor": 5, "minRequests": 20, "baselineHours": 24}' WHERE id = 'volume_spike'`,
    );
    await warden.query(
      `UPDATE anomaly_rules SET params = '{"minBlocked": 6}', action = 'suspend_key' WHERE id = 'blocked_burst'`,
    );
  });

  afterAll(async () => {
    await warden?.stop();
    await upstream.stop();
  });

  async function call(prompt: string) {
    const response = await fetch(`${warden.url}/v1/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'house-model', prompt, max_tokens: 4 }),
    });
    return { status: response.status, body: (await response.json()) as { error?: { code: string } } };
  }

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

  it('raises a volume-spike alert on a synthetic spike against an empty baseline', async () => {
    for (let i = 0; i < 24; i++) expect((await call(`ordinary request ${i}`)).status).toBe(200);
    const [alert] = await eventually(
      () => alerts('volume_spike'),
      (rows) => rows.length > 0,
      30_000,
    );
    expect(alert).toMatchObject({ status: 'open', action_taken: null });
    expect(alert.details.requests).toBeGreaterThanOrEqual(20);
    expect((await call('still served')).status).toBe(200);
  });

  it('suspends the key behind a burst of blocked prompts, pending review', async () => {
    for (let i = 0; i < 6; i++) {
      const result = await call(`please quarglefax ${i}`);
      expect(result.body.error?.code).toBe('content_filter');
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
    expect(refused.body.error?.code).toBe('key_suspended');
    // One alert per rule, subject and window, however often the rule runs.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await alerts('blocked_burst')).toHaveLength(1);
  });
});
