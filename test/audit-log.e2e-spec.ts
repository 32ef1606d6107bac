import { Client } from 'pg';
import { ApiKeyManagementErrorCode, ApplicationReviewErrorCode, staffAnswer } from './support/error-catalog';
import {
  apply,
  createStaff,
  decide,
  DEVELOPER_PASSWORD,
  expectStatus,
  liveApplication,
  registerDeveloper,
  request,
  Session,
  STAFF_PASSWORD,
  staffLogin,
} from './support/review-api';
import { runCli, startWarden, WardenInstance } from './support/warden';

const ADMIN = { email: 'admin@warden.test', password: 'admin-password-long-enough' };

interface ChainStatus {
  valid: boolean;
  checked: number;
  firstInvalidSeq: number | null;
}

/** The audit log: every change leaves one event, in the change's own transaction; the chain exposes tampering. */
describe('audit log', () => {
  let warden: WardenInstance;
  let admin: Session;
  let reviewer: Session;

  beforeAll(async () => {
    warden = await startWarden('audit', {
      WARDEN_INIT_ADMIN_EMAIL: ADMIN.email,
      WARDEN_INIT_ADMIN_PASSWORD: ADMIN.password,
      WARDEN_EMBEDDED_MODELS: '',
    });
    admin = await staffLogin(warden.url, ADMIN.email, ADMIN.password);
    reviewer = await createStaff(warden.url, admin.token, 'reviewer');
  });

  afterAll(async () => {
    await warden?.stop();
  });

  async function verify(): Promise<ChainStatus> {
    const result = await request<ChainStatus>(warden.url, 'GET', '/admin/audit-log/verify', {
      token: reviewer.token,
    });
    expect(result.status).toBe(200);
    return result.body;
  }

  async function count(): Promise<number> {
    const [row] = await warden.query<{ count: string }>('SELECT count(*) FROM audit_events');
    return Number(row.count);
  }

  it('records who did what, before and after, with the request id', async () => {
    const developer = await registerDeveloper(warden.url);
    const live = await liveApplication(warden.url, developer, reviewer);
    const suspended = await request(warden.url, 'POST', `/admin/api-keys/${live.productionKey.id}/suspend`, {
      token: reviewer.token,
      body: { reason: 'unusual traffic' },
    });
    expectStatus(suspended, 200);

    const filter = encodeURIComponent(
      JSON.stringify({ entityType: 'api_key', entityId: live.productionKey.id }),
    );
    const events = await request<Array<Record<string, unknown>>>(
      warden.url,
      'GET',
      `/admin/audit-log?filter=${filter}`,
      { token: reviewer.token },
    );
    expect(events.body.map((event) => event.action)).toEqual(['api_key.suspended', 'api_key.created']);
    expect(events.body[0]).toMatchObject({
      actorType: 'staff',
      actorId: reviewer.id,
      actorEmail: reviewer.email,
      entityType: 'api_key',
      entityId: live.productionKey.id,
      before: expect.objectContaining({ status: 'active' }),
      after: expect.objectContaining({ status: 'suspended', statusReason: 'unusual traffic' }),
      requestId: suspended.headers.get('x-request-id'),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });

    const actions = (
      await warden.query<{ action: string; actor_type: string }>(
        'SELECT action, actor_type FROM audit_events',
      )
    ).map((row) => `${row.actor_type}:${row.action}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'system:staff.created',
        'staff:staff.created',
        'staff:staff.logged_in',
        'developer:organization.created',
        'developer:developer.registered',
        'developer:application.created',
        'developer:api_key.created',
        'developer:application.submitted',
        'staff:application.review_started',
        'staff:application.approved',
        'staff:policy.updated',
        'staff:api_key.suspended',
      ]),
    );
    // Keys are made by their developers (the sandbox key on applying, the production key once live), not by staff.
    expect(actions).not.toContain('staff:api_key.created');
    // The secret never reaches the log, not even hashed.
    const everything = JSON.stringify(await warden.query('SELECT before, after FROM audit_events'));
    expect(everything).not.toContain(live.productionKey.secret);
    for (const password of [ADMIN.password, STAFF_PASSWORD, DEVELOPER_PASSWORD]) {
      expect(everything).not.toContain(password);
    }
    expect(everything).not.toContain('$argon2');
  });

  it('writes nothing for a change that was refused', async () => {
    const developer = await registerDeveloper(warden.url);
    const applied = await apply(warden.url, developer);
    const before = await count();
    expect(await decide(warden.url, reviewer, applied.id, 'approve')).toMatchObject(
      staffAnswer(ApplicationReviewErrorCode.InvalidTransition),
    );
    expect(
      await request(warden.url, 'POST', `/admin/api-keys/${applied.sandboxKey.id}/unsuspend`, {
        token: reviewer.token,
        body: {},
      }),
    ).toMatchObject(staffAnswer(ApiKeyManagementErrorCode.InvalidKeyTransition));
    expect(await count()).toBe(before);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the table', async () => {
    await expect(warden.query(`UPDATE audit_events SET actor_email = 'x' WHERE seq = 1`)).rejects.toThrow(
      /append-only/,
    );
    await expect(warden.query(`DELETE FROM audit_events WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(warden.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
  });

  it('verifies the chain over HTTP and from the CLI, and names the first tampered event', async () => {
    const intact = await verify();
    expect(intact).toEqual({ valid: true, checked: await count(), firstInvalidSeq: null });
    const cli = await runCli(warden.env, ['audit:verify']);
    expect(cli.code).toBe(0);
    expect(JSON.parse(cli.stdout)).toMatchObject({ valid: true, firstInvalidSeq: null });

    const [target] = await warden.query<{ seq: string }>(
      `SELECT seq::text AS seq FROM audit_events WHERE action = 'application.approved' ORDER BY seq LIMIT 1`,
    );
    const seq = Number(target.seq);
    // A superuser can switch the trigger off; the chain still gives the edit away.
    const client = new Client({ connectionString: warden.databaseUrl });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
      await client.query(
        `UPDATE audit_events SET after = jsonb_set(after, '{status}', '"sandbox"') WHERE seq = $1`,
        [seq],
      );
      await client.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');
      await client.query('COMMIT');
    } finally {
      await client.end();
    }

    expect(await verify()).toEqual({ valid: false, checked: seq, firstInvalidSeq: seq });
    const broken = await runCli(warden.env, ['audit:verify']);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toEqual({ valid: false, checked: seq, firstInvalidSeq: seq });
  });
});
