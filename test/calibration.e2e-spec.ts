import http from 'node:http';
import { AddressInfo } from 'node:net';
import { Browser } from 'playwright-core';
import { calibrationResponseSchema, proposalResponseSchema } from '../contracts/src';
import { OPENAI_CATEGORIES } from '../server/src/moderation/moderation.types';
import {
  CalibrationErrorCode,
  ModerationErrorCode,
  openAiAnswer,
  staffAnswer,
} from './support/error-catalog';
import { collectPageErrors, launchChromium, screenshot } from './support/browser';
import { testApiKey } from './support/keys';
import { expectStatus, postJson, request, Session, staffLogin } from './support/review-api';
import { UpstreamServer } from './support/upstream-server';
import { eventually, runCli, startWarden, WardenInstance } from './support/warden';

const ADMIN = { email: 'calibration-admin@example.com', password: 'calibration-admin-password-long' };

/**
 * An OpenAI-compatible `/v1/moderations` on loopback standing in for a guard model: a text containing
 * `score-0.NN` scores violence 0.NN, everything else 0, so the test knows every score calibration will read.
 */
class ModerationStub {
  private server?: http.Server;

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const { input } = JSON.parse(raw) as { input: string[] };
    const results = input.map((text) => {
      const marker = /score-(0\.\d+)/.exec(text);
      const scores = Object.fromEntries(OPENAI_CATEGORIES.map((category) => [category, 0]));
      scores.violence = marker ? Number(marker[1]) : 0;
      return { flagged: false, categories: {}, category_scores: scores };
    });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: 'modr-stub', model: 'stub', results }));
  }
}

/** The synthetic labeled set of threshold-choice.spec.ts, as calls scored by the stub and labels on them. */
const LABELED: Array<{ score: number; violence: boolean[] }> = [
  { score: 0.95, violence: [true] },
  { score: 0.9, violence: [true] },
  { score: 0.8, violence: [false] },
  { score: 0.7, violence: [true] },
  { score: 0.6, violence: [true] },
  // Two labelers disagree: a tie goes to the earlier label (not violent).
  { score: 0.4, violence: [false, true] },
  { score: 0.3, violence: [true] },
  { score: 0.2, violence: [false] },
];

interface CalibrationBody {
  labeledItems: number;
  rows: Array<{
    check: string;
    category: string;
    labeledItems: number;
    positives: number;
    chosen: { threshold: number; precision: number; recall: number } | null;
    curve: Array<{ threshold: number }>;
    volume: { calls: number; crossingOld: number; crossingNew: number | null };
  }>;
}

interface ReplayBody {
  id: string;
  status: string;
  policyVersion: number;
  progress: { done: number; total: number; percent: number };
  result: {
    replayed: number;
    newlyBlocked: number;
    newlyAllowed: number;
    perCategory: Array<{ category: string; newlyBlocked: number }>;
    examples: { newlyBlocked: Array<{ requestId: string; snippet: string; categories: string[] }> };
  } | null;
}

describe('calibration and shadow replay', () => {
  const upstream = new UpstreamServer();
  const moderation = new ModerationStub();
  const apiKey = testApiKey();
  let warden: WardenInstance;
  let admin: Session;
  let applicationId: string;

  beforeAll(async () => {
    warden = await startWarden('calibration', {
      WARDEN_INIT_API_KEY: apiKey,
      WARDEN_INIT_ADMIN_EMAIL: ADMIN.email,
      WARDEN_INIT_ADMIN_PASSWORD: ADMIN.password,
      WARDEN_UPSTREAM_URL: await upstream.start(),
      WARDEN_UPSTREAM_MODELS: 'house-model',
      WARDEN_EMBEDDED_MODELS: '',
      WARDEN_UPSTREAM_MODERATION_URL: await moderation.start(),
    });
    [{ id: applicationId }] = await warden.query<{ id: string }>(
      `SELECT id FROM applications WHERE name = 'Demo application'`,
    );
    const patch = {
      requireUser: false,
      // The embedded classifier is not under test: only the stub's scores and the blocklist act.
      classifierThresholdScale: 2,
      rateLimits: { requestsPerMinute: 10_000, tokensPerMinute: 10_000_000 },
      blocklist: { words: ['pineapple'] },
    };
    expect((await runCli(warden.env, ['policies:set', applicationId, JSON.stringify(patch)])).code).toBe(0);
    admin = await staffLogin(warden.url, ADMIN.email, ADMIN.password);
  }, 120_000);

  afterAll(async () => {
    await warden?.stop();
    await upstream.stop();
    await moderation.stop();
  });

  const call = (prompt: string) =>
    postJson(warden.url, '/v1/completions', apiKey, { model: 'house-model', prompt, max_tokens: 16 });

  async function logged(requestIds: string[]): Promise<void> {
    await eventually(
      () =>
        warden.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM request_logs WHERE request_id = ANY($1)`,
          [requestIds],
        ),
      ([{ n }]) => n === requestIds.length,
    );
  }

  it('picks the threshold computed by hand from a labeled queue, with the volume change it would cause', async () => {
    const calls = [];
    for (const item of LABELED) calls.push({ ...item, ...(await call(`A quiet story score-${item.score}`)) });
    expect(calls.filter((made) => made.status !== 200)).toEqual([]);
    await logged(calls.map((made) => made.requestId));
    const [{ id: queueId }] = await warden.query<{ id: string }>(
      `INSERT INTO label_queues (name, sampling, target_size, labels_per_item) VALUES ('calibration', '{"kind":"all"}', 10, 2)
       RETURNING id`,
    );
    // Label factory: one row per labeler judgment, ordered by created_at.
    for (const made of calls) {
      for (const [index, violent] of made.violence.entries()) {
        await warden.query(
          `INSERT INTO labels (request_id, application_id, source, queue_id, categories, created_at)
           VALUES ($1, $2, 'staff', $3, $4::jsonb, now() + make_interval(secs => $5))`,
          [made.requestId, applicationId, queueId, JSON.stringify({ violence: violent }), index],
        );
      }
    }

    const calibrate = (precisionTarget: number) =>
      request<CalibrationBody>(warden.url, 'POST', '/admin/calibrations', {
        token: admin.token,
        body: { queueId, precisionTarget, scope: { applicationId }, checks: ['upstream-moderation'] },
      });
    const strict = await calibrate(0.8);
    expectStatus(strict, 201);
    // The server's answer is the contract's shape, as the console reads it.
    expect(calibrationResponseSchema.safeParse(strict.body).error).toBeUndefined();
    expect(strict.body.labeledItems).toBe(8);
    const [violence] = strict.body.rows.filter((row) => row.category === 'violence');
    expect(violence).toMatchObject({ check: 'upstream-moderation', labeledItems: 8, positives: 5 });
    expect(violence.curve.map((point) => point.threshold)).toEqual([0.95, 0.9, 0.8, 0.7, 0.6, 0.4, 0.3, 0.2]);
    expect(violence.chosen).toMatchObject({ threshold: 0.6, precision: 0.8, recall: 0.8 });

    const looser = await calibrate(0.7);
    expectStatus(looser, 201);
    const [loose] = looser.body.rows.filter((row) => row.category === 'violence');
    expect(loose.chosen?.threshold).toBe(0.3);
    expect(loose.chosen?.recall).toBe(1);
    // The stored verdicts were held to 0.5: five calls crossed it; at 0.3 seven would.
    expect(loose.volume).toMatchObject({ crossingOld: 5, crossingNew: 7 });

    const exact = await calibrate(1);
    expect(exact.body.rows.find((row) => row.category === 'violence')?.chosen?.threshold).toBe(0.9);

    const proposal = await request<{ id: string; patch: unknown; applicationId: string }>(
      warden.url,
      'POST',
      '/admin/policy-proposals',
      { token: admin.token, body: { calibrationId: (looser.body as unknown as { id: string }).id } },
    );
    expectStatus(proposal, 201);
    expect(proposalResponseSchema.safeParse(proposal.body).error).toBeUndefined();
    expect(proposal.body.applicationId).toBe(applicationId);
    expect(proposal.body.patch).toEqual({
      categories: { violence: { input: { threshold: 0.3 }, output: { threshold: 0.3 } } },
    });
  }, 120_000);

  it('replays a stricter blocklist: reports exactly the calls it would block, changes nothing, applies only after', async () => {
    const windowStart = new Date(Date.now() - 60_000).toISOString();
    const zebras = [];
    const others = [];
    for (let i = 0; i < 3; i++) {
      zebras.push(await call(`The zebra number ${i} ran across the plain.`));
      others.push(await call(`The horse number ${i} ran across the plain.`));
    }
    expect([...zebras, ...others].filter((made) => made.status !== 200)).toEqual([]);
    await logged([...zebras, ...others].map((made) => made.requestId));

    const snapshot = async () => ({
      logs: await warden.query(`SELECT * FROM request_logs ORDER BY request_id`),
      endUsers: await warden.query(`SELECT * FROM end_users ORDER BY 1`),
      policies: await warden.query(`SELECT * FROM policies ORDER BY application_id`),
    });
    const before = await snapshot();

    const created = await request<{ id: string }>(warden.url, 'POST', '/admin/policy-proposals', {
      token: admin.token,
      body: {
        applicationId,
        patch: { blocklist: { words: ['pineapple', 'zebra'] } },
        note: 'zebras are out',
      },
    });
    expectStatus(created, 201);
    const id = created.body.id;

    const early = await request<{ statusCode: number; message: string }>(
      warden.url,
      'POST',
      `/admin/policy-proposals/${id}/apply`,
      { token: admin.token },
    );
    expect(early).toMatchObject(
      staffAnswer(CalibrationErrorCode.NoFinishedReplay, expect.stringMatching(/has no completed replay/)),
    );

    const invalid = await request(warden.url, 'POST', '/admin/policy-proposals', {
      token: admin.token,
      body: { applicationId, patch: { blocklist: { patterns: ['a+'] } } },
    });
    expect(invalid).toMatchObject(staffAnswer(CalibrationErrorCode.InvalidPolicy));

    const started = await request<ReplayBody>(warden.url, 'POST', `/admin/policy-proposals/${id}/replays`, {
      token: admin.token,
      body: { from: windowStart, to: new Date(Date.now() + 60_000).toISOString() },
    });
    expectStatus(started, 202);
    const replay = await eventually(
      async () =>
        (
          await request<ReplayBody>(
            warden.url,
            'GET',
            `/admin/policy-proposals/${id}/replays/${started.body.id}`,
            {
              token: admin.token,
            },
          )
        ).body,
      (body) => body.status === 'completed' || body.status === 'failed',
      60_000,
    );
    expect(replay.status).toBe('completed');
    // The window also holds the first test's calls: replayed, and not reported.
    const [{ inWindow }] = await warden.query<{ inWindow: number }>(
      `SELECT count(*)::int AS "inWindow" FROM request_logs WHERE created_at >= $1 AND status_code = 200`,
      [windowStart],
    );
    expect(inWindow).toBeGreaterThanOrEqual(6);
    expect(replay.progress).toEqual({ done: inWindow, total: inWindow, percent: 100 });
    expect(replay.result!.replayed).toBe(inWindow);
    expect(replay.result!.newlyBlocked).toBe(3);
    expect(replay.result!.newlyAllowed).toBe(0);
    expect(replay.result!.examples.newlyBlocked.map((example) => example.requestId).sort()).toEqual(
      zebras.map((made) => made.requestId).sort(),
    );
    expect(replay.result!.examples.newlyBlocked[0].categories).toEqual(['blocklist']);
    expect(replay.result!.examples.newlyBlocked[0].snippet).toContain('zebra');
    expect(replay.result!.perCategory).toContainEqual(
      expect.objectContaining({ category: 'blocklist', newlyBlocked: 3 }),
    );

    expect(await snapshot()).toEqual(before);
    expect((await call('Another zebra story.')).status).toBe(200);

    const applied = await request<{ status: string }>(
      warden.url,
      'POST',
      `/admin/policy-proposals/${id}/apply`,
      {
        token: admin.token,
      },
    );
    expectStatus(applied, 200);
    expect(applied.body.status).toBe('applied');
    expect(await call('Yet another zebra story.')).toMatchObject(
      openAiAnswer(ModerationErrorCode.ContentFilter),
    );
    expect((await call('A horse story.')).status).toBe(200);

    const audit = await warden.query<{ action: string; entity_id: string }>(
      `SELECT action, entity_id FROM audit_events WHERE action IN ('policy.updated', 'policy_proposal.applied',
         'policy_proposal.created', 'policy_proposal.replay_started') ORDER BY seq`,
    );
    expect(audit.filter((event) => event.entity_id === id).map((event) => event.action)).toEqual([
      'policy_proposal.created',
      'policy_proposal.replay_started',
      'policy_proposal.applied',
    ]);
    expect(audit).toContainEqual({ action: 'policy.updated', entity_id: applicationId });
    const verified = await request<{ valid: boolean }>(warden.url, 'GET', '/admin/audit-log/verify', {
      token: admin.token,
    });
    expect(verified.body.valid).toBe(true);
  }, 180_000);

  it('refuses to apply a replay made against a policy that has changed since', async () => {
    const created = await request<{ id: string }>(warden.url, 'POST', '/admin/policy-proposals', {
      token: admin.token,
      body: { applicationId, patch: { blocklist: { words: ['pineapple', 'zebra', 'giraffe'] } } },
    });
    const id = created.body.id;
    const started = await request<ReplayBody>(warden.url, 'POST', `/admin/policy-proposals/${id}/replays`, {
      token: admin.token,
      body: { from: new Date(Date.now() - 60_000).toISOString(), to: new Date().toISOString() },
    });
    expectStatus(started, 202);
    await eventually(
      async () =>
        (
          await request<ReplayBody>(
            warden.url,
            'GET',
            `/admin/policy-proposals/${id}/replays/${started.body.id}`,
            {
              token: admin.token,
            },
          )
        ).body.status,
      (status) => status === 'completed',
      60_000,
    );
    expectStatus(
      await request(warden.url, 'PUT', `/admin/policies/${applicationId}`, {
        token: admin.token,
        body: { retentionDays: 20 },
      }),
      200,
    );
    const stale = await request(warden.url, 'POST', `/admin/policy-proposals/${id}/apply`, {
      token: admin.token,
    });
    expect(stale).toMatchObject(
      staffAnswer(
        CalibrationErrorCode.PolicyChangedSinceReplay,
        expect.stringMatching(/policy changed since/),
      ),
    );
  }, 120_000);

  describe('in the console (Chromium)', () => {
    let browser: Browser;

    beforeAll(async () => {
      browser = await launchChromium();
    });

    afterAll(async () => {
      await browser?.close();
    });

    it('lets an admin run a replay, read what it would block, and apply the proposal', async () => {
      const lions = [await call('A lion slept in the sun.'), await call('The lion cub played.')];
      await call('A tiger slept in the sun.');
      await logged(lions.map((made) => made.requestId));
      const created = await request<{ id: string }>(warden.url, 'POST', '/admin/policy-proposals', {
        token: admin.token,
        // Lists replace: zebra leaves the blocklist, so in the replay's seven-day window only lions are newly blocked.
        body: { applicationId, patch: { blocklist: { words: ['pineapple', 'lion'] } } },
      });
      expectStatus(created, 201);

      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      const errors = collectPageErrors(page);
      await page.goto(`${warden.url}/console/`);
      await page.locator('input[name=email]').fill(ADMIN.email);
      await page.locator('input[name=password]').fill(ADMIN.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('menuitem', { name: 'Policy proposals' }).waitFor();
      await page.goto(`${warden.url}/console/#/policy-proposals/${created.body.id}/show`);
      await page.getByRole('button', { name: 'Replay', exact: true }).click();
      await page.locator('[data-testid=replay-progress][data-status=completed]').waitFor({ timeout: 60_000 });
      const examples = page.getByTestId('examples-newlyBlocked');
      await examples.waitFor();
      const blockedText = await examples.innerText();
      for (const lion of lions) expect(blockedText).toContain(lion.requestId);
      expect(blockedText).not.toContain('tiger');
      expect(await page.getByTestId('diff-total-newlyBlocked').innerText()).toBe(String(lions.length));
      await screenshot(page, 'calibration-replay');

      await page.getByRole('button', { name: 'Apply', exact: true }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Apply' }).click();
      await page.getByText('Applied', { exact: true }).first().waitFor();
      await screenshot(page, 'calibration-applied');
      expect(await call('Another lion story.')).toMatchObject(
        openAiAnswer(ModerationErrorCode.ContentFilter),
      );
      expect(errors).toEqual([]);
      await page.close();
    }, 120_000);
  });
});
