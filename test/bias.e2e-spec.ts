import { BiasErrorCode, CommonErrorCode, StaffErrorCode, staffAnswer } from './support/error-catalog';
import { createStaff, HttpResult, request, Session, staffLogin } from './support/review-api';
import { eventually, runCli, startWarden, WardenInstance } from './support/warden';

const ADMIN = { email: 'admin@warden.test', password: 'admin-password-long-enough' };
/** A default run takes about 5 s on two idle cores; the margin is for a machine busy with other suites. */
const RUN_TIMEOUT_MS = 120_000;

interface Estimate {
  mean: number;
  ciLow: number;
  ciHigh: number;
}

interface BiasRun {
  id: string;
  status: 'queued' | 'running' | 'completed' | 'failed';
  model: string;
  seed: number;
  probeSets: string[];
  progress: { done: number; total: number; percent: number };
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  attachedApplicationIds: string[];
  report: {
    parameters: { model: string; seed: number; probeSets: string[] };
    totals: { probes: number; continuations: number; likelihoodItems: number };
    groups: Array<{
      probeSet: string;
      domain: string;
      group: string;
      n: number;
      metrics: Record<string, Estimate>;
    }>;
    gaps: Array<{ probeSet: string; domain: string; metric: string; difference: Estimate }>;
    counterfactuals: Array<{ axis: string; metric: string; frames: number; pairs: unknown[] }>;
    stereoset: Array<{ domain: string; n: number; stereotypeScore: Estimate; languageModelScore: number }>;
    charts: Array<{
      id: string;
      data: Array<{ label: string; value: number; ciLow: number; ciHigh: number }>;
    }>;
  } | null;
}

/** Bias analysis end to end: the staff API queues runs, the real worker scores them on the embedded model. */
describe('bias runs', () => {
  let warden: WardenInstance;
  let analyst: Session;
  let reviewer: Session;

  beforeAll(async () => {
    warden = await startWarden('bias', {
      WARDEN_INIT_ADMIN_EMAIL: ADMIN.email,
      WARDEN_INIT_ADMIN_PASSWORD: ADMIN.password,
    });
    const admin = await staffLogin(warden.url, ADMIN.email, ADMIN.password);
    [analyst, reviewer] = await Promise.all([
      createStaff(warden.url, admin.token, 'analyst'),
      createStaff(warden.url, admin.token, 'reviewer'),
    ]);
  });

  afterAll(async () => {
    await warden?.stop();
  });

  const get = <T = BiasRun>(path: string, session = analyst): Promise<HttpResult<T>> =>
    request<T>(warden.url, 'GET', path, { token: session.token });

  /** Polls a run to its end, keeping every progress value seen on the way. */
  async function waitForRun(id: string): Promise<{ run: BiasRun; percents: number[] }> {
    const percents: number[] = [];
    const run = await eventually(
      async () => {
        const { body } = await get(`/admin/bias-runs/${id}`);
        percents.push(body.progress.percent);
        return body;
      },
      (body) => body.status === 'completed' || body.status === 'failed',
      RUN_TIMEOUT_MS,
    );
    return { run, percents };
  }

  /** Whether the worker process logged this message (each line is pino JSON naming its process). */
  const workerLogged = (message: string) =>
    warden.output.some((line) => line.includes('"process":"worker"') && line.includes(`"msg":"${message}"`));

  it('starts no model in an idle worker: the engine and the classifier wait for a job that needs them', async () => {
    await eventually(
      async () => workerLogged('worker consuming queues'),
      (consuming) => consuming,
    );
    expect(workerLogged('embedded model registered; its engine starts on first use')).toBe(true);
    expect(workerLogged('embedded model loaded')).toBe(false);
    expect(workerLogged('moderation classifier loaded')).toBe(false);
  });

  it(
    'runs the default probe sets on the default model, reproducibly, with progress to 100 %',
    async () => {
      const started = await Promise.all(
        [1, 2].map(() =>
          request<BiasRun>(warden.url, 'POST', '/admin/bias-runs', {
            token: analyst.token,
            body: { seed: 1234 },
          }),
        ),
      );
      for (const { status, body } of started) {
        expect(status).toBe(201);
        expect(body).toMatchObject({
          status: 'queued',
          model: 'stories260K',
          seed: 1234,
          probeSets: ['bold', 'holistic_bias', 'stereoset'],
          report: null,
        });
      }
      const [first, second] = await Promise.all(started.map(({ body }) => waitForRun(body.id)));

      for (const { run, percents } of [first, second]) {
        expect(run).toMatchObject({ status: 'completed', error: null });
        expect(run.progress.percent).toBe(100);
        expect(run.progress.done).toBe(run.progress.total);
        expect(run.progress.total).toBe(run.report!.totals.probes);
        expect(percents).toEqual([...percents].sort((x, y) => x - y));
      }

      const report = first.run.report!;
      expect(report.totals.continuations).toBeGreaterThan(0);
      expect(report.totals.likelihoodItems).toBeGreaterThan(0);
      const probeSets = new Set(report.groups.map((group) => group.probeSet));
      expect([...probeSets].sort()).toEqual(['bold', 'holistic_bias']);
      for (const group of report.groups) {
        expect(group.n).toBeGreaterThan(0);
        for (const metric of ['sentiment', 'toxicity', 'refusal']) {
          const { mean, ciLow, ciHigh } = group.metrics[metric];
          expect(Number.isFinite(mean)).toBe(true);
          expect(ciLow).toBeLessThanOrEqual(mean);
          expect(ciHigh).toBeGreaterThanOrEqual(mean);
        }
      }
      expect(
        report.groups.find((group) => group.domain === 'gender' && group.group === 'American_actresses'),
      ).toBeDefined();
      expect(report.stereoset.map((summary) => summary.domain)).toEqual(['gender', 'race', 'religion']);
      for (const summary of report.stereoset) {
        expect(summary.stereotypeScore.ciLow).toBeLessThanOrEqual(summary.stereotypeScore.mean);
        expect(summary.stereotypeScore.mean).toBeGreaterThanOrEqual(0);
        expect(summary.stereotypeScore.mean).toBeLessThanOrEqual(100);
      }
      expect(report.gaps.length).toBeGreaterThan(0);
      expect(
        report.counterfactuals.find((entry) => entry.axis === 'religion' && entry.metric === 'sentiment'),
      ).toMatchObject({ frames: 12 });
      expect(
        report.charts.find((chart) => chart.id === 'bold/gender/sentiment')!.data.map((point) => point.label),
      ).toEqual(['American actors', 'American actresses']);

      // Same seed, same report: nothing in it depends on ids, timing or the order the engine finished probes in.
      expect(second.run.report).toEqual(first.run.report);
      // The runs started the worker's classifier (toxicity) on first use.
      expect(workerLogged('moderation classifier loaded')).toBe(true);

      const comparison = await get<{
        notes: string[];
        groups: Array<{ delta: number | null }>;
        stereoset: Array<{ delta: number }>;
      }>(`/admin/bias-runs/${first.run.id}/compare/${second.run.id}`);
      expect(comparison.status).toBe(200);
      expect(comparison.body.groups.length).toBe(report.groups.length * 3);
      expect(comparison.body.groups.every((row) => row.delta === 0)).toBe(true);
      expect(comparison.body.stereoset.every((row) => row.delta === 0)).toBe(true);

      const listed = await get<BiasRun[]>(
        `/admin/bias-runs?sort=${encodeURIComponent('["createdAt","ASC"]')}&range=[0,0]&filter=${encodeURIComponent('{"status":"completed"}')}`,
      );
      expect(listed.status).toBe(200);
      expect(listed.headers.get('content-range')).toMatch(/^bias-runs 0-0\/[2-9]\d*$/);
      expect(listed.body).toHaveLength(1);
      expect(listed.body[0]).not.toHaveProperty('report');
    },
    2 * RUN_TIMEOUT_MS,
  );

  it(
    'lets reviewers attach a run to an application review, but not start runs',
    async () => {
      const [{ id: applicationId }] = await warden.query<{ id: string }>(
        `SELECT id FROM applications ORDER BY created_at LIMIT 1`,
      );
      const forbidden = await request(warden.url, 'POST', '/admin/bias-runs', {
        token: reviewer.token,
        body: {},
      });
      expect(forbidden).toMatchObject(staffAnswer(StaffErrorCode.Forbidden));

      const started = await request<BiasRun>(warden.url, 'POST', '/admin/bias-runs', {
        token: analyst.token,
        body: {
          applicationId,
          promptTemplate: 'Question: {prompt}\nAnswer:',
          probeSets: ['stereoset', 'bold'],
          limit: 2,
          seed: 3,
        },
      });
      expect(started.status).toBe(201);
      expect(started.body).toMatchObject({
        applicationId,
        probeSets: ['bold', 'stereoset'],
        promptTemplate: 'Question: {prompt}\nAnswer:',
      });
      const { run } = await waitForRun(started.body.id);
      expect(run.status).toBe('completed');
      expect(run.report!.totals).toEqual({ probes: 25 * 2 + 3 * 2, continuations: 50, likelihoodItems: 6 });

      expect(
        (
          await request(warden.url, 'POST', `/admin/applications/${applicationId}/bias-runs/${run.id}`, {
            token: analyst.token,
          })
        ).status,
      ).toBe(403);
      for (let attempt = 0; attempt < 2; attempt++) {
        const attached = await request(
          warden.url,
          'POST',
          `/admin/applications/${applicationId}/bias-runs/${run.id}`,
          { token: reviewer.token },
        );
        expect(attached.status).toBe(201);
        expect(attached.body).toMatchObject({ applicationId, biasRunId: run.id, attachedBy: reviewer.id });
      }
      expect((await get(`/admin/bias-runs/${run.id}`, reviewer)).body.attachedApplicationIds).toEqual([
        applicationId,
      ]);
      const attachedRuns = await get<BiasRun[]>(
        `/admin/bias-runs?filter=${encodeURIComponent(JSON.stringify({ attachedTo: applicationId }))}`,
        reviewer,
      );
      expect(attachedRuns.body.map((entry) => entry.id)).toEqual([run.id]);

      const missing = '00000000-0000-4000-8000-000000000000';
      expect(
        (
          await request(warden.url, 'POST', `/admin/applications/${missing}/bias-runs/${run.id}`, {
            token: reviewer.token,
          })
        ).status,
      ).toBe(404);
      expect(await get(`/admin/bias-runs/${run.id}/compare/${missing}`)).toMatchObject(
        staffAnswer(BiasErrorCode.RunNotFound),
      );
    },
    2 * RUN_TIMEOUT_MS,
  );

  it('refuses runs it could not perform', async () => {
    const unknownModel = await request<{ message: string }>(warden.url, 'POST', '/admin/bias-runs', {
      token: analyst.token,
      body: { model: 'gpt-unknown' },
    });
    expect(unknownModel).toMatchObject(
      staffAnswer(BiasErrorCode.UnknownModel, expect.stringMatching(/no model "gpt-unknown"/)),
    );
    const badTemplate = await request<{ message: string }>(warden.url, 'POST', '/admin/bias-runs', {
      token: analyst.token,
      body: { promptTemplate: 'no placeholder', probeSets: ['nope'] },
    });
    expect(badTemplate).toMatchObject(
      staffAnswer(
        CommonErrorCode.InvalidBody,
        expect.stringMatching(/promptTemplate: must contain \{prompt\} exactly once; probeSets.0/),
      ),
    );
  });

  it(
    'starts a run from the CLI and shows its progress until it completes',
    async () => {
      const { code, stdout, stderr } = await runCli(warden.env, [
        'bias:run',
        'stories260K',
        '--probe-set',
        'stereoset',
        '--limit',
        '4',
        '--seed',
        '9',
      ]);
      expect({ code, stderr }).toMatchObject({
        code: 0,
        stderr: expect.stringMatching(/100% 12\/12 probes/),
      });
      const summary = JSON.parse(stdout) as { id: string; status: string; report: { stereoset: unknown[] } };
      expect(summary).toMatchObject({ status: 'completed', report: { stereoset: expect.any(Array) } });
      const shown = await runCli(warden.env, ['bias:show', summary.id]);
      expect(shown.code).toBe(0);
      expect(JSON.parse(shown.stdout)).toMatchObject({ id: summary.id, status: 'completed', seed: 9 });
    },
    2 * RUN_TIMEOUT_MS,
  );
});
