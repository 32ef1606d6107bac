import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import OpenAI from 'openai';
import { validateTrainingFile } from '../server/src/files/training-file';
import { OPENAI_CATEGORIES } from '../server/src/moderation/moderation.types';
import {
  ApplicationReviewErrorCode,
  CommonErrorCode,
  FeedbackErrorCode,
  StaffErrorCode,
  openAiError,
  openAiErrorBody,
  staffAnswer,
  staffError,
} from './support/error-catalog';
import {
  apply,
  createStaff,
  DeveloperSession,
  liveApplication,
  registerDeveloper,
  request,
  Session,
  staffLogin,
} from './support/review-api';
import { startWardenServedBy, UpstreamServer } from './support/upstream-server';
import { eventually, REPOSITORY_ROOT, runCli, WardenInstance } from './support/warden';

const ADMIN = { email: 'admin@warden.test', password: 'admin-password-long-enough' };

interface Label {
  id: string;
  requestId: string;
  source: string;
  endUser: string | null;
  categories: Record<string, boolean>;
  falsePositive: boolean;
  refundedPoints: number;
}

interface Queue {
  id: string;
  progress: { items: number; completed: number; labels: number; skipped: number };
  agreement?: Array<{ category: string; items: number; observed: number; kappa: number | null }>;
}

interface Item {
  requestId: string;
  prompt: string;
  verdicts: Array<{ category: string; score: number }>;
  thresholds: Record<string, { input?: number }>;
}

/**
 * Synthetic logged calls of application B, each with the verdicts a sampling rule looks at. The two labelers'
 * judgments are keyed by call, so the expected kappa does not depend on the order items come in.
 */
const CALLS = {
  s1: {
    prompt: 'graphic fight scene',
    verdicts: [
      {
        check: 'classifier',
        category: 'violence',
        score: 0.9,
        threshold: 0.5,
        triggered: true,
        action: 'flag',
      },
    ],
  },
  s2: {
    prompt: 'a heated argument',
    verdicts: [
      {
        check: 'classifier',
        category: 'violence',
        score: 0.55,
        threshold: 0.5,
        triggered: true,
        action: 'observe',
      },
    ],
  },
  s3: {
    prompt: 'a boxing match, write to alice@example.com',
    verdicts: [
      {
        check: 'classifier',
        category: 'violence',
        score: 0.3,
        threshold: 0.5,
        triggered: false,
        action: 'allow',
      },
    ],
  },
  s4: {
    prompt: 'a remark about neighbours',
    verdicts: [
      {
        check: 'classifier',
        category: 'hate',
        score: 0.48,
        threshold: 0.5,
        triggered: false,
        action: 'allow',
      },
    ],
  },
  s5: { prompt: 'a recipe for soup', verdicts: [] },
  s6: {
    prompt: 'an insult',
    verdicts: [
      {
        check: 'classifier',
        category: 'hate',
        score: 0.95,
        threshold: 0.5,
        triggered: true,
        action: 'block',
      },
    ],
  },
} as const;
type CallName = keyof typeof CALLS;
const NAMES = Object.keys(CALLS) as CallName[];

// violence: (T,T) (T,F) (F,F) (F,F) (T,T) (F,T) → observed 4/6, both rate 1/2, chance 1/2, kappa (2/3-1/2)/(1/2) = 1/3.
// hate on s1 and s6: (T,T) (F,F) → observed 1, chance 1/2, kappa 1.
const JUDGMENTS: Record<CallName, [Record<string, boolean>, Record<string, boolean>]> = {
  s1: [
    { violence: true, hate: true },
    { violence: true, hate: true },
  ],
  s2: [{ violence: true }, { violence: false }],
  s3: [{ violence: false }, { violence: false }],
  s4: [{ violence: false }, { violence: false }],
  s5: [{ violence: true }, { violence: true }],
  s6: [
    { violence: false, hate: false },
    { violence: true, hate: false },
  ],
};

describe('human feedback: /v1/feedback, labeling queues, strike refunds, export, precision', () => {
  const upstream = new UpstreamServer();
  let warden: WardenInstance;
  let admin: Session;
  let developerA: DeveloperSession;
  let developerB: DeveloperSession;
  let applicationA: string;
  let applicationB: string;
  let clientA: OpenAI;
  let clientB: OpenAI;
  let keyA: string;
  const ids = {} as Record<CallName, string>;
  let otherFlagged: string;

  beforeAll(async () => {
    warden = await startWardenServedBy(upstream, 'feedback', {
      WARDEN_INIT_ADMIN_EMAIL: ADMIN.email,
      WARDEN_INIT_ADMIN_PASSWORD: ADMIN.password,
    });
    admin = await staffLogin(warden.url, ADMIN.email, ADMIN.password);
    developerA = await registerDeveloper(warden.url);
    developerB = await registerDeveloper(warden.url);
    const live = await liveApplication(warden.url, developerA, admin);
    applicationA = live.id;
    keyA = live.productionKey.secret;
    const sandboxB = await apply(warden.url, developerB);
    applicationB = sandboxB.id;
    clientA = new OpenAI({ apiKey: keyA, baseURL: `${warden.url}/v1`, maxRetries: 0 });
    clientB = new OpenAI({ apiKey: sandboxB.sandboxKey.secret, baseURL: `${warden.url}/v1`, maxRetries: 0 });
    // Only the blocklist flags application A's calls, so every strike is one this test chose.
    const observeOnly = Object.fromEntries(
      [...OPENAI_CATEGORIES, 'profanity', 'prompt-injection'].map((category) => [
        category,
        { input: { action: 'observe' }, output: { action: 'observe' } },
      ]),
    );
    const policy = {
      blocklist: { words: ['zorbanite'] },
      categories: { ...observeOnly, blocklist: { input: { action: 'flag' }, output: { action: 'allow' } } },
      strikes: { throttleAt: 2, blockAt: 3, throttledRequestsPerMinute: 3 },
    };
    expect((await runCli(warden.env, ['policies:set', applicationA, JSON.stringify(policy)])).code).toBe(0);

    let minute = 0;
    for (const name of NAMES) {
      ids[name] = `req_${randomBytes(12).toString('hex')}`;
      await insertCall(ids[name], applicationB, CALLS[name].prompt, CALLS[name].verdicts, (minute += 1));
    }
    // Flagged, but another application's: a filter on application B must leave it out.
    otherFlagged = `req_${randomBytes(12).toString('hex')}`;
    await insertCall(otherFlagged, applicationA, 'elsewhere', CALLS.s1.verdicts, 0);
  }, 180_000);

  afterAll(async () => {
    await warden?.stop();
    await upstream.stop();
  });

  async function insertCall(
    requestId: string,
    applicationId: string,
    prompt: string,
    verdicts: readonly object[],
    minutesAgo: number,
  ): Promise<void> {
    await warden.query(
      `INSERT INTO request_logs (request_id, created_at, endpoint, application_id, status_code, latency_ms, prompt, output, verdicts)
       VALUES ($1, now() - make_interval(mins => $2), '/v1/completions', $3, 200, 5, $4::jsonb, $5::jsonb, $6::jsonb)`,
      [
        requestId,
        minutesAgo,
        applicationId,
        JSON.stringify(prompt),
        JSON.stringify([{ index: 0, text: `an answer to ${prompt}`, finish_reason: 'stop' }]),
        JSON.stringify(verdicts),
      ],
    );
  }

  const cmpl = (requestId: string) => `cmpl-${requestId.slice('req_'.length)}`;

  async function staffGet<T>(token: string, url: string) {
    return request<T>(warden.url, 'GET', url, { token });
  }

  async function exportText(
    token: string,
    url: string,
  ): Promise<{ status: number; text: string; type: string }> {
    const response = await fetch(`${warden.url}${url}`, { headers: { authorization: `Bearer ${token}` } });
    return {
      status: response.status,
      text: await response.text(),
      type: response.headers.get('content-type') ?? '',
    };
  }

  describe('POST /v1/feedback', () => {
    it('records a developer label for the caller’s own call, by its completion id', async () => {
      const label = (await clientB.post('/feedback', {
        body: { id: cmpl(ids.s1), rating: 'good', categories: ['violence'] },
      })) as Record<string, unknown>;
      expect(label).toMatchObject({
        object: 'feedback',
        request_id: ids.s1,
        source: 'developer',
        rating: 'good',
        categories: ['violence'],
        end_user: null,
      });
      const [row] = await warden.query<{ source: string; application_id: string }>(
        `SELECT source, application_id FROM labels WHERE id = $1`,
        [label.id],
      );
      expect(row).toEqual({ source: 'developer', application_id: applicationB });
      const [audit] = await warden.query<{ action: string }>(
        `SELECT action FROM audit_events WHERE entity_id = $1`,
        [label.id],
      );
      expect(audit.action).toBe('label.created');
    });

    it('answers 404 in the OpenAI envelope for another application’s call and for an unknown id', async () => {
      for (const id of [cmpl(ids.s1), 'cmpl-nothing-here']) {
        const failure = await clientA
          .post('/feedback', { body: { id, rating: 'bad' } })
          .catch((err: unknown) => err);
        expect(failure).toBeInstanceOf(OpenAI.NotFoundError);
        expect(failure).toMatchObject({ status: openAiError(FeedbackErrorCode.CallNotFound).status });
        expect((failure as InstanceType<typeof OpenAI.NotFoundError>).error).toMatchObject(
          openAiErrorBody(FeedbackErrorCode.CallNotFound, 'id'),
        );
      }
      const [{ count }] = await warden.query<{ count: string }>(
        `SELECT count(*) FROM labels WHERE application_id = $1`,
        [applicationA],
      );
      expect(count).toBe('0');
    });

    it('records feedback that names a user as an end user’s label', async () => {
      const label = (await clientB.post('/feedback', {
        body: { id: ids.s5, rating: 'bad', comment: 'not what I asked', safety_identifier: 'hashed-user-5' },
      })) as Record<string, unknown>;
      expect(label).toMatchObject({ source: 'end_user', end_user: 'hashed-user-5', rating: 'bad' });
      const [row] = await warden.query<{ source: string; end_user: string }>(
        `SELECT source, end_user FROM labels WHERE id = $1`,
        [label.id],
      );
      expect(row).toEqual({ source: 'end_user', end_user: 'hashed-user-5' });
    });

    it('names `categories` when one is unknown, and `rating` when it is missing', async () => {
      const unknown = await clientB
        .post('/feedback', { body: { id: cmpl(ids.s2), rating: 'bad', categories: ['violence', 'spicy'] } })
        .catch((err: unknown) => err);
      expect(unknown).toBeInstanceOf(OpenAI.BadRequestError);
      expect((unknown as InstanceType<typeof OpenAI.BadRequestError>).error).toMatchObject(
        openAiErrorBody(FeedbackErrorCode.UnknownCategory, 'categories'),
      );
      const missing = await clientB
        .post('/feedback', { body: { id: cmpl(ids.s2) } })
        .catch((err: unknown) => err);
      expect((missing as InstanceType<typeof OpenAI.BadRequestError>).error).toMatchObject(
        openAiErrorBody(CommonErrorCode.MissingRequiredParameter, 'rating'),
      );
    });
  });

  describe('labeling queues', () => {
    let labeler1: Session;
    let labeler2: Session;
    let analyst: Session;

    beforeAll(async () => {
      labeler1 = await createStaff(warden.url, admin.token, 'labeler');
      labeler2 = await createStaff(warden.url, admin.token, 'labeler');
      analyst = await createStaff(warden.url, admin.token, 'analyst');
      // Developer disputes: s3 rated bad; s4 names hate, which its verdict did not trigger. s1 agrees with its verdict.
      await clientB.post('/feedback', { body: { id: ids.s3, rating: 'bad' } });
      await clientB.post('/feedback', { body: { id: ids.s4, rating: 'good', categories: ['hate'] } });
    });

    async function createQueue(token: string, body: Record<string, unknown>) {
      return request<Queue & { message?: string }>(warden.url, 'POST', '/admin/label-queues', {
        token,
        body: {
          name: `queue ${randomBytes(3).toString('hex')}`,
          filter: { applicationId: applicationB },
          ...body,
        },
      });
    }

    async function items(queueId: string): Promise<string[]> {
      const rows = await warden.query<{ request_id: string }>(
        `SELECT request_id FROM label_queue_items WHERE queue_id = $1 ORDER BY position`,
        [queueId],
      );
      return rows.map((row) => row.request_id);
    }

    it('samples exactly what each rule says, from the filtered calls only', async () => {
      const expected: Array<[Record<string, unknown>, number, CallName[]]> = [
        [{ rule: 'flagged' }, 10, ['s1', 's6']], // newest first: s1 is logged 1 minute ago, s6 6 minutes ago
        [{ rule: 'near_threshold', category: 'violence', band: 0.25 }, 10, ['s2', 's3']], // |0.55-0.5| < |0.3-0.5|
        [{ rule: 'near_threshold', category: 'violence', band: 0.1 }, 10, ['s2']],
        [{ rule: 'developer_disputed' }, 10, ['s3', 's4']],
        [{ rule: 'end_user_reports' }, 10, ['s5']],
        [{ rule: 'flagged' }, 1, ['s1']],
      ];
      for (const [sampling, targetSize, names] of expected) {
        const created = await createQueue(analyst.token, { sampling, targetSize });
        expect(created.status).toBe(201);
        expect(await items(created.body.id)).toEqual(names.map((name) => ids[name]));
        expect(created.body.progress).toEqual({ items: names.length, completed: 0, labels: 0, skipped: 0 });
      }

      // Uniform: the calls ordered by md5(seed || request id), the first targetSize of them.
      const uniform = await createQueue(analyst.token, {
        sampling: { rule: 'uniform', seed: 7 },
        targetSize: 4,
      });
      const byHash = NAMES.map((name) => ids[name]).sort((a, b) => {
        const ha = createHash('md5').update(`7${a}`).digest('hex');
        const hb = createHash('md5').update(`7${b}`).digest('hex');
        return ha < hb ? -1 : ha > hb ? 1 : 0;
      });
      expect(await items(uniform.body.id)).toEqual(byHash.slice(0, 4));
      expect(await items(uniform.body.id)).not.toContain(otherFlagged);
    });

    it('refuses queue creation to labelers and a bad filter with a 400 naming it', async () => {
      const forbidden = await createQueue(labeler1.token, { sampling: { rule: 'flagged' }, targetSize: 5 });
      expect(forbidden).toMatchObject(staffAnswer(StaffErrorCode.Forbidden));
      const bad = await request<{ message: string }>(warden.url, 'POST', '/admin/label-queues', {
        token: admin.token,
        body: { name: 'bad', filter: { colour: 'red' }, sampling: { rule: 'flagged' }, targetSize: 5 },
      });
      expect(bad).toMatchObject(
        staffAnswer(CommonErrorCode.InvalidListQuery, expect.stringContaining('colour')),
      );
      expect(await staffGet(labeler1.token, '/admin/request-logs')).toMatchObject(
        staffAnswer(StaffErrorCode.Forbidden),
      );
    });

    it('gives two labelers every item once, and shows kappa per category as computed by hand', async () => {
      const created = await createQueue(admin.token, {
        sampling: { rule: 'uniform', seed: 1 },
        targetSize: 100,
        labelsPerItem: 2,
      });
      const queueId = created.body.id;
      expect(created.body.progress.items).toBe(6);
      for (const [index, labeler] of [labeler1, labeler2].entries()) {
        const seen: string[] = [];
        for (;;) {
          const next = await staffGet<Item>(labeler.token, `/admin/label-queues/${queueId}/next`);
          if (next.status === 204) break;
          expect(next.status).toBe(200);
          const name = NAMES.find((candidate) => ids[candidate] === next.body.requestId)!;
          expect(next.body.prompt).toBe(CALLS[name].prompt);
          if (CALLS[name].verdicts.length > 0) {
            const verdict = CALLS[name].verdicts[0]!;
            expect(next.body.verdicts[0]).toMatchObject({ category: verdict.category, score: verdict.score });
            expect(next.body.thresholds[verdict.category].input).toBe(0.5);
          }
          seen.push(name);
          const labeled = await request<Label>(
            warden.url,
            'POST',
            `/admin/label-queues/${queueId}/items/${next.body.requestId}/labels`,
            { token: labeler.token, body: { categories: JUDGMENTS[name][index] } },
          );
          expect(labeled.status).toBe(201);
          expect(labeled.body).toMatchObject({ source: 'staff', categories: JUDGMENTS[name][index] });
        }
        expect(seen.sort()).toEqual([...NAMES].sort());
      }
      // Every item has its two labels: nothing is left for a third labeler, and a third label is refused.
      expect((await staffGet(analyst.token, `/admin/label-queues/${queueId}/next`)).status).toBe(204);
      const third = await request(
        warden.url,
        'POST',
        `/admin/label-queues/${queueId}/items/${ids.s1}/labels`,
        {
          token: analyst.token,
          body: { categories: { violence: true } },
        },
      );
      expect(third).toMatchObject(staffAnswer(FeedbackErrorCode.ItemComplete));
      const again = await request(
        warden.url,
        'POST',
        `/admin/label-queues/${queueId}/items/${ids.s1}/labels`,
        {
          token: labeler1.token,
          body: { categories: { violence: true } },
        },
      );
      expect(again).toMatchObject(staffAnswer(FeedbackErrorCode.AlreadyLabeled));

      const shown = await staffGet<Queue>(labeler1.token, `/admin/label-queues/${queueId}`);
      expect(shown.status).toBe(200);
      expect(shown.body.progress).toEqual({ items: 6, completed: 6, labels: 12, skipped: 0 });
      const kappa = Object.fromEntries(shown.body.agreement!.map((row) => [row.category, row]));
      expect(kappa.violence.items).toBe(6);
      expect(kappa.violence.observed).toBeCloseTo(4 / 6, 10);
      expect(kappa.violence.kappa).toBeCloseTo(1 / 3, 10);
      expect(kappa.hate).toMatchObject({ items: 2, observed: 1, kappa: 1 });
      const [{ count }] = await warden.query<{ count: string }>(
        `SELECT count(*) FROM audit_events WHERE action = 'label.created' AND actor_id IN ($1, $2)`,
        [labeler1.id, labeler2.id],
      );
      expect(count).toBe('12');

      // Moderation export: the majority of the two labels per category, ties left out, PII redacted; read by the
      // classifier's own loader.
      const exported = await exportText(
        admin.token,
        `/admin/label-queues/${queueId}/export?format=moderation`,
      );
      expect(exported.status).toBe(200);
      expect(exported.type).toContain('application/x-ndjson');
      expect(exported.text).not.toContain('alice@example.com');
      const loaded = loadWithClassifierTools(exported.text);
      const byPrompt = new Map(loaded.map((row) => [row.text, row.y]));
      const V = 11;
      const H = 2;
      expect(byPrompt.get('graphic fight scene')![V]).toBe(1);
      expect(byPrompt.get('graphic fight scene')![H]).toBe(1);
      expect(byPrompt.get('a recipe for soup')![V]).toBe(1);
      expect(byPrompt.get('a remark about neighbours')![V]).toBe(0);
      expect(byPrompt.get('an insult')![H]).toBe(0);
      expect(byPrompt.get('an insult')![V]).toBe(-1); // the labelers split: no label
      expect(byPrompt.has('a heated argument')).toBe(false); // split on its only category: no line
      const redacted = [...byPrompt.keys()].find((text) => text.startsWith('a boxing match'))!;
      expect(redacted).toContain('[REDACTED:');
      expect(loaded).toHaveLength(5);

      // Labelers read and label; they neither export nor close.
      expect(
        (await exportText(labeler1.token, `/admin/label-queues/${queueId}/export?format=moderation`)).status,
      ).toBe(staffError(StaffErrorCode.Forbidden).statusCode);
      const bad = await exportText(admin.token, `/admin/label-queues/${queueId}/export?format=csv`);
      expect(bad.status).toBe(staffError(FeedbackErrorCode.InvalidExport).statusCode);
    });

    it('exports calls rated good as fine-tuning lines that pass the training-file validator', async () => {
      const filter = encodeURIComponent(JSON.stringify({ applicationId: applicationB }));
      const exported = await exportText(
        admin.token,
        `/admin/labels/export?format=fine-tuning&filter=${filter}`,
      );
      expect(exported.status).toBe(200);
      const validated = validateTrainingFile(Buffer.from(exported.text));
      expect(validated).toMatchObject({ ok: true, format: 'completion' });
      // Rated good and never bad: s1 and s4 (s3 and s5 were rated bad).
      const prompts = validated.ok ? validated.examples.map((example) => example.prompt).sort() : [];
      expect(prompts).toEqual(['a remark about neighbours', 'graphic fight scene']);
      expect(validated.ok && validated.examples[0].completion).toMatch(/^ an answer to /);
    });

    it('puts label-based precision per check and category on the monitoring summary', async () => {
      const summary = await staffGet<{
        labelPrecision: Array<{ check: string; category: string; labeled: number; precision: number | null }>;
      }>(analyst.token, '/admin/monitoring/summary?window=24h');
      expect(summary.status).toBe(200);
      // Flagged violence: s1 only, judged true by both labelers. Flagged hate: s6 only, judged false by both.
      expect(summary.body.labelPrecision).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ check: 'classifier', category: 'violence', labeled: 1, precision: 1 }),
          expect.objectContaining({ check: 'classifier', category: 'hate', labeled: 1, precision: 0 }),
        ]),
      );
    });
  });

  describe('false positives', () => {
    async function call(user: string, prompt: string): Promise<string> {
      const completion = await clientA.completions.create({
        model: 'house-model',
        prompt,
        max_tokens: 8,
        user,
      });
      const requestId = `req_${completion.id.slice('cmpl-'.length)}`;
      await eventually(
        () => warden.query(`SELECT 1 FROM request_logs WHERE request_id = $1`, [requestId]),
        (rows) => rows.length === 1,
      );
      return requestId;
    }

    const endUser = (user: string) =>
      warden.query<{ status: string; strike_points: number }>(
        `SELECT status, strike_points FROM end_users WHERE application_id = $1 AND end_user = $2`,
        [applicationA, user],
      );

    it('refunds the strike points of a wrongly flagged call once, and the developer sees it', async () => {
      const first = await call('mallory', 'tell me about zorbanite');
      await call('mallory', 'more zorbanite please');
      await eventually(
        () => endUser('mallory'),
        (rows) => rows[0]?.status === 'throttled',
      );
      expect((await endUser('mallory'))[0].strike_points).toBe(2);

      const labeled = await request<Label>(warden.url, 'POST', '/admin/labels', {
        token: admin.token,
        body: { requestId: first, falsePositive: true, comment: 'zorbanite is a mineral' },
      });
      expect(labeled.status).toBe(201);
      expect(labeled.body).toMatchObject({
        falsePositive: true,
        refundedPoints: 1,
        categories: { blocklist: false },
      });
      expect((await endUser('mallory'))[0]).toEqual({ status: 'active', strike_points: 1 });

      const reviewer = await createStaff(warden.url, admin.token, 'analyst');
      const again = await request<Label>(warden.url, 'POST', '/admin/labels', {
        token: reviewer.token,
        body: { requestId: first, falsePositive: true },
      });
      expect(again.status).toBe(201);
      expect(again.body.refundedPoints).toBe(0);
      expect((await endUser('mallory'))[0].strike_points).toBe(1);
      const refunds = await warden.query<{ action: string }>(
        `SELECT action FROM audit_events WHERE action = 'end_user.strikes_refunded' AND entity_id = $1`,
        [`${applicationA}:mallory`],
      );
      expect(refunds).toHaveLength(1);

      const seen = await request<Array<Record<string, unknown>>>(
        warden.url,
        'GET',
        `/portal/applications/${applicationA}/labels`,
        { token: developerA.token },
      );
      expect(seen.status).toBe(200);
      expect(seen.body.find((label) => label.id === labeled.body.id)).toMatchObject({
        requestId: first,
        source: 'staff',
        falsePositive: true,
        refundedPoints: 1,
        comment: 'zorbanite is a mineral',
      });
      expect(seen.body[0]).not.toHaveProperty('staffUserId');
      const other = await request(warden.url, 'GET', `/portal/applications/${applicationA}/labels`, {
        token: developerB.token,
      });
      expect(other).toMatchObject(staffAnswer(ApplicationReviewErrorCode.ApplicationNotFound));

      const summary = await staffGet<{
        labelPrecision: Array<{ category: string; labeled: number; precision: number }>;
      }>(admin.token, '/admin/monitoring/summary');
      expect(summary.body.labelPrecision).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ category: 'blocklist', labeled: 1, precision: 0 }),
        ]),
      );
    });
  });

  describe('rate limit', () => {
    it('answers 429 in the OpenAI envelope once the key’s budget is spent', async () => {
      expect(
        (
          await runCli(warden.env, [
            'policies:set',
            applicationB,
            JSON.stringify({ rateLimits: { requestsPerMinute: 2, endUserRequestsPerMinute: 100 } }),
          ])
        ).code,
      ).toBe(0);
      let limited: unknown;
      for (let attempt = 0; attempt < 6 && !limited; attempt++) {
        limited = await clientB
          .post('/feedback', { body: { id: ids.s6, rating: 'good' } })
          .then(() => undefined)
          .catch((err: unknown) => err);
      }
      expect(limited).toBeInstanceOf(OpenAI.RateLimitError);
      const error = limited as InstanceType<typeof OpenAI.RateLimitError>;
      expect(error.error).toMatchObject({ type: 'rate_limit_error' });
      expect(error.headers?.get('x-ratelimit-limit-requests')).toBe('2');
    });
  });
});

/** Runs the export through `tools/moderation-classifier/common.load_openai`, the loader `train.py` uses. */
function loadWithClassifierTools(jsonl: string): Array<{ text: string; y: number[] }> {
  const directory = mkdtempSync(path.join(tmpdir(), 'warden-labels-'));
  try {
    mkdirSync(path.join(directory, 'openai-moderation-dev'));
    writeFileSync(path.join(directory, 'openai-moderation-dev', 'samples-dev.jsonl'), jsonl);
    const script = [
      'import json, sys',
      `sys.path.insert(0, ${JSON.stringify(path.join(REPOSITORY_ROOT, 'tools', 'moderation-classifier'))})`,
      'import common',
      'print(json.dumps([{"text": r["text"], "y": r["y"]} for r in common.load_openai()]))',
    ].join('\n');
    const output = execFileSync('/usr/bin/python3', ['-c', script], {
      env: { ...process.env, MODERATION_DATA_DIR: directory },
    });
    return JSON.parse(output.toString()) as Array<{ text: string; y: number[] }>;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
