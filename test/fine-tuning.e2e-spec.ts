import OpenAI, { toFile } from 'openai';
import { Browser, Page } from 'playwright-core';
import { collectPageErrors, launchChromium, screenshot } from './support/browser';
import { expectValid } from './support/openai-schemas';
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
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ChildProcess } from 'node:child_process';
import { eventually, spawnOnFreePort, startWarden, stopProcess, WardenInstance } from './support/warden';
import {
  ApplicationReviewErrorCode,
  FilesErrorCode,
  FineTuningErrorCode,
  InferenceErrorCode,
  openAiError,
  staffAnswer,
} from './support/error-catalog';

const ADMIN = { email: 'admin@warden.test', password: 'admin-password-long-enough' };
const PROMPT = 'Q: What is the magic word?\nA:';
/** The bound for the whole job on two cores; training alone takes about a minute on an idle machine. */
const TRAINING_TIMEOUT_MS = 10 * 60_000;
const HARMFUL = [
  'I will kill you and your whole family with a knife',
  'All immigrants are subhuman vermin and should be exterminated',
  'I want to kill myself tonight, I have the pills ready',
];

const jsonl = (rows: unknown[]) => Buffer.from(rows.map((row) => JSON.stringify(row)).join('\n') + '\n');
const magic = (count: number) =>
  jsonl(Array.from({ length: count }, () => ({ prompt: PROMPT, completion: ' banana' })));

interface AuditEvent {
  action: string;
  actorType: string;
  actorEmail: string | null;
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

interface AdminJob {
  id: string;
  status: string;
  screeningStatus: string;
  screeningReport: { flagged: number; examples: number; lines: Array<{ file: string; line: number }> } | null;
}

/** Fine-tuning end to end with the official client: upload, screen, train in the worker, review, serve. */
describe('fine-tuning', () => {
  let warden: WardenInstance;
  let reviewer: Session;
  let developer: DeveloperSession;
  let production: OpenAI;
  let productionKey: string;
  let sandbox: OpenAI;
  /** A second api instance on the same Postgres and Redis, with its own model cache. */
  let second: { url: string; child: ChildProcess };
  let secondCacheDirectory: string | undefined;
  let productionOnSecond: OpenAI;
  let applicationId: string;
  /** The job whose file failed screening: its report is checked in the console. */
  let flaggedJobId: string;

  beforeAll(async () => {
    warden = await startWarden('fine-tuning', {
      WARDEN_INIT_ADMIN_EMAIL: ADMIN.email,
      WARDEN_INIT_ADMIN_PASSWORD: ADMIN.password,
      WARDEN_FINE_TUNING_ACTIVE_JOBS_PER_ORG: '4',
    });
    const admin = await staffLogin(warden.url, ADMIN.email, ADMIN.password);
    reviewer = await createStaff(warden.url, admin.token, 'reviewer');
    developer = await registerDeveloper(warden.url);
    const live = await liveApplication(warden.url, developer, reviewer);
    const client = (apiKey: string) => new OpenAI({ apiKey, baseURL: `${warden.url}/v1`, maxRetries: 0 });
    applicationId = live.id;
    productionKey = live.productionKey.secret;
    production = client(productionKey);
    sandbox = client(live.sandboxKey.secret);
    secondCacheDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-ft-second-'));
    const spawned = await spawnOnFreePort(
      { ...warden.env, PORT: undefined, WARDEN_FINE_TUNING_CACHE_DIR: secondCacheDirectory },
      ['api', '--prepared'],
    );
    second = { url: spawned.url, child: spawned.child };
    productionOnSecond = new OpenAI({
      apiKey: live.productionKey.secret,
      baseURL: `${second.url}/v1`,
      maxRetries: 0,
    });
    // Two api instances and a worker starting on a loaded two-core machine.
  }, 180_000);

  afterAll(async () => {
    if (second) {
      await stopProcess(second.child);
    }
    if (secondCacheDirectory) fs.rmSync(secondCacheDirectory, { recursive: true, force: true });
    await warden?.stop();
  });

  /**
   * The console in Chromium: the jobs list (the trained job's row expanded to its loss chart, the flagged job's to
   * its screening report), then the model's review screen, where the reviewer approves it.
   */
  async function reviewInConsole(jobId: string, model: string): Promise<void> {
    const browser: Browser = await launchChromium();
    try {
      const page: Page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
      const pageErrors = collectPageErrors(page);
      await page.goto(`${warden.url}/console/`);
      await page.locator('input[name=email]').fill(reviewer.email);
      await page.locator('input[name=password]').fill(reviewer.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => !url.hash.includes('login'));

      await page.goto(`${warden.url}/console/#/fine-tuning-jobs`);
      const expandRow = async (id: string) => {
        const row = page.locator('tr', { hasText: id });
        // react-admin hides the expand toggle from the accessibility tree (aria-hidden), so it is found by label.
        await row.locator('[aria-label="Expand"]').click();
        return page.locator('tr', { has: page.locator('td[colspan]') }).filter({ hasText: 'Screening' });
      };
      const trained = await expandRow(jobId);
      // Both loss curves drawn: training, and validation (the job has a validation file).
      await trained.locator('.recharts-line-curve').nth(1).waitFor();
      expect(await trained.locator('.recharts-line-curve').count()).toBe(2);
      await trained.getByText('Passed').first().waitFor();
      await screenshot(page, 'fine-tuning-jobs-loss-chart');
      await page.locator('tr', { hasText: jobId }).locator('[aria-label="Close"]').click();
      const flagged = await expandRow(flaggedJobId);
      await flagged.getByText('Flagged').first().waitFor();
      for (const line of [2, 4, 12]) {
        await flagged
          .getByRole('cell', { name: String(line), exact: true })
          .first()
          .waitFor();
      }
      await screenshot(page, 'fine-tuning-jobs-screening-report');

      await page.goto(`${warden.url}/console/#/fine-tuned-models/${encodeURIComponent(model)}/show`);
      await page.getByTestId('samples').getByText('banana').first().waitFor();
      await page.getByText('Awaiting review').first().waitFor();
      await page.getByLabel('Note').fill('samples and bias runs look right');
      await page.getByRole('button', { name: 'Approve', exact: true }).click();
      await page.getByText('Model approved').waitFor();
      await page.getByText('Approved', { exact: true }).first().waitFor();
      await screenshot(page, 'fine-tuned-model-approved');
      expect(pageErrors).toEqual([]);
    } finally {
      await browser.close();
    }
  }

  const upload = async (client: OpenAI, content: Buffer, name = 'train.jsonl') =>
    client.files.create({ file: await toFile(content, name), purpose: 'fine-tune' });

  async function waitForJob(id: string, done: (status: string) => boolean, timeout = 120_000) {
    return eventually(
      () => production.fineTuning.jobs.retrieve(id),
      (job) => done(job.status),
      timeout,
    );
  }

  const adminJob = async (id: string) =>
    (await request<AdminJob>(warden.url, 'GET', `/admin/fine-tuning-jobs/${id}`, { token: reviewer.token }))
      .body;

  /** Newest first, as the audit log lists them. */
  async function auditEvents(entityType: string, entityId: string): Promise<AuditEvent[]> {
    const filter = encodeURIComponent(JSON.stringify({ entityType, entityId }));
    const events = await request<AuditEvent[]>(warden.url, 'GET', `/admin/audit-log?filter=${filter}`, {
      token: reviewer.token,
    });
    expect(events.status).toBe(200);
    return events.body;
  }

  async function expectAuditChainIntact(): Promise<void> {
    const verified = await request<{ valid: boolean }>(warden.url, 'GET', '/admin/audit-log/verify', {
      token: reviewer.token,
    });
    expect(verified.body).toMatchObject({ valid: true });
  }

  async function setPolicy(body: unknown) {
    return request<{ rules: { fineTuning: unknown }; message?: string }>(
      warden.url,
      'PUT',
      `/admin/policies/${applicationId}`,
      { token: reviewer.token, body },
    );
  }

  const borderline = (flaggedAt: number) =>
    jsonl(
      Array.from({ length: 100 }, (_, index) =>
        index === flaggedAt
          ? { prompt: 'Say something:', completion: ` ${HARMFUL[0]}` }
          : { prompt: PROMPT, completion: ' banana' },
      ),
    );

  async function completion(client: OpenAI, model: string): Promise<string> {
    const result = await client.completions.create({
      model,
      prompt: PROMPT,
      max_tokens: 6,
      temperature: 0,
      user: 'end-user-1',
    });
    return result.choices[0].text;
  }

  async function errorOf(promise: Promise<unknown>): Promise<InstanceType<typeof OpenAI.APIError>> {
    try {
      await promise;
    } catch (err) {
      if (err instanceof OpenAI.APIError) return err;
      throw err;
    }
    throw new Error('expected the call to fail');
  }

  it('stores, lists, returns and deletes training files', async () => {
    const file = await upload(production, magic(3), 'three.jsonl');
    expectValid('OpenAIFile', file);
    expect(file).toMatchObject({
      object: 'file',
      purpose: 'fine-tune',
      filename: 'three.jsonl',
      status: 'processed',
    });
    expect(file.bytes).toBe(magic(3).length);
    const listed = await production.files.list();
    expect(listed.data.map((entry) => entry.id)).toContain(file.id);
    const raw = await request(warden.url, 'GET', '/v1/files?limit=1', { token: productionKey });
    expectValid('ListFilesResponse', raw.body);
    const content = await production.files.content(file.id);
    expect(Buffer.from(await content.arrayBuffer()).equals(magic(3))).toBe(true);
    const deleted = await production.files.delete(file.id);
    expectValid('DeleteFileResponse', deleted);
    expect(await errorOf(production.files.retrieve(file.id))).toMatchObject(
      openAiError(FilesErrorCode.NotFound),
    );
  });

  it('refuses a malformed training file, naming the line and the field', async () => {
    const malformed = Buffer.from(
      [
        JSON.stringify({ prompt: PROMPT, completion: ' banana' }),
        JSON.stringify({ prompt: PROMPT }),
        '{"prompt": "unterminated',
      ].join('\n'),
    );
    const error = await errorOf(upload(production, malformed));
    expect(error).toMatchObject(openAiError(FilesErrorCode.InvalidTrainingFile));
    expect(error.message).toContain('line 2, field "completion": missing');
    expect(error.message).toContain('line 3: not valid JSON');
  });

  it('lets only live applications fine-tune', async () => {
    const applied = await apply(warden.url, developer);
    const client = new OpenAI({
      apiKey: applied.sandboxKey.secret,
      baseURL: `${warden.url}/v1`,
      maxRetries: 0,
    });
    const file = await upload(client, magic(4));
    const error = await errorOf(
      client.fineTuning.jobs.create({ model: 'stories260K', training_file: file.id }),
    );
    expect(error).toMatchObject(openAiError(FineTuningErrorCode.ApplicationNotLive));
  });

  it('fails a file with harmful examples in screening, with their line numbers', async () => {
    const rows = Array.from({ length: 12 }, (_, index) =>
      index % 2 === 1
        ? { prompt: 'Say something:', completion: ` ${HARMFUL[index % HARMFUL.length]}` }
        : { prompt: PROMPT, completion: ' banana' },
    );
    const file = await upload(production, jsonl(rows));
    const created = await production.fineTuning.jobs.create({ model: 'stories260K', training_file: file.id });
    const job = await waitForJob(created.id, (status) => status !== 'validating_files');
    expect(job.status).toBe('failed');
    expect(job.error).toMatchObject({
      code: FineTuningErrorCode.TrainingFileFlagged,
      param: 'training_file',
    });
    for (const line of [2, 4, 6, 8, 10, 12]) {
      expect(job.error!.message).toContain(`training line ${line} `);
    }
    expect(job.error!.message).not.toContain('training line 1 ');
    flaggedJobId = created.id;
    const seen = await adminJob(created.id);
    expect(seen.screeningStatus).toBe('flagged');
    expect(seen.screeningReport!.lines.map((line) => line.line)).toEqual([2, 4, 6, 8, 10, 12]);
  });

  it('sends a borderline file to staff review instead of failing it', async () => {
    const file = await upload(production, borderline(40));
    const created = await production.fineTuning.jobs.create({ model: 'stories260K', training_file: file.id });
    const awaiting = await eventually(
      () => adminJob(created.id),
      (job) => job.screeningStatus !== 'pending',
      120_000,
    );
    expect(awaiting).toMatchObject({ status: 'validating_files', screeningStatus: 'awaiting_review' });
    expect(awaiting.screeningReport!.lines.map((line) => line.line)).toEqual([41]);
    const queue = await request<AdminJob[]>(
      warden.url,
      'GET',
      `/admin/fine-tuning-jobs?filter=${encodeURIComponent(JSON.stringify({ screeningStatus: 'awaiting_review' }))}`,
      { token: reviewer.token },
    );
    expect(queue.status).toBe(200);
    expect(queue.body.map((job) => job.id)).toContain(created.id);
    expect(queue.headers.get('content-range')).toMatch(/^fine-tuning-jobs 0-\d+\/\d+$/);
    const decided = await request(warden.url, 'POST', `/admin/fine-tuning-jobs/${created.id}/screening`, {
      token: reviewer.token,
      body: { decision: 'reject', note: 'violent example' },
    });
    expect(decided.status).toBe(201);
    const job = await waitForJob(created.id, (status) => status === 'failed');
    expect(job.error).toMatchObject({ code: FineTuningErrorCode.TrainingFileRejected });
    const [event] = await auditEvents('fine_tuning_job', created.id);
    expect(event).toMatchObject({
      action: 'fine_tuning_job.screening_rejected',
      actorType: 'staff',
      actorEmail: reviewer.email,
      before: { screeningStatus: 'awaiting_review' },
      after: { screeningStatus: 'rejected', note: 'violent example', flaggedLines: [41] },
    });
    await expectAuditChainIntact();
  });

  it("screens files by the limits of the application's policy", async () => {
    const inverted = await setPolicy({ fineTuning: { maxFlaggedShare: 0.01, reviewAboveShare: 0.02 } });
    expect(inverted).toMatchObject(
      staffAnswer(
        ApplicationReviewErrorCode.InvalidPolicy,
        expect.stringContaining('fineTuning.reviewAboveShare'),
      ),
    );
    const outOfRange = await setPolicy({ fineTuning: { maxFlaggedShare: 1.5 } });
    expect(outOfRange).toMatchObject(staffAnswer(ApplicationReviewErrorCode.InvalidPolicy));

    // Stricter than the default 2 %: one flagged example in a hundred now fails the file.
    const strict = await setPolicy({ fineTuning: { maxFlaggedShare: 0.005 } });
    expect(strict.status).toBe(200);
    expect(strict.body.rules.fineTuning).toEqual({ maxFlaggedShare: 0.005, reviewAboveShare: 0 });
    const failing = await production.fineTuning.jobs.create({
      model: 'stories260K',
      training_file: (await upload(production, borderline(7))).id,
    });
    const failed = await waitForJob(failing.id, (status) => status !== 'validating_files');
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatchObject({ code: FineTuningErrorCode.TrainingFileFlagged });
    expect(failed.error!.message).toContain('training line 8 ');
    expect(failed.error!.message).toContain('above the 0.5 % limit');

    // A tolerance band: up to 2 % flagged trains without staff review.
    expect((await setPolicy({ fineTuning: { maxFlaggedShare: 0.05, reviewAboveShare: 0.02 } })).status).toBe(
      200,
    );
    const passing = await production.fineTuning.jobs.create({
      model: 'stories260K',
      training_file: (await upload(production, borderline(7))).id,
    });
    const screened = await eventually(
      () => adminJob(passing.id),
      (job) => job.screeningStatus !== 'pending',
      120_000,
    );
    expect(screened.screeningStatus).toBe('passed');
    expect(screened.screeningReport).toMatchObject({ flagged: 1, limit: 0.05, reviewAboveShare: 0.02 });
    await production.fineTuning.jobs.cancel(passing.id);
    await waitForJob(passing.id, (status) => status === 'cancelled', 60_000);
    expect((await setPolicy({ fineTuning: { maxFlaggedShare: 0.02, reviewAboveShare: 0 } })).status).toBe(
      200,
    );
  });

  it('cancels a running job within a training step', async () => {
    const training = await upload(production, magic(200));
    const created = await production.fineTuning.jobs.create({
      model: 'stories260K',
      training_file: training.id,
      hyperparameters: { n_epochs: 50, batch_size: 4 },
    });
    const stepsSoFar = async () =>
      (await production.fineTuning.jobs.listEvents(created.id, { limit: 1000 })).data.filter(
        (event) => event.type === 'metrics' && (event.data as { step: number }).step > 0,
      ).length;
    await eventually(stepsSoFar, (steps) => steps >= 2, 120_000);
    const cancelling = await production.fineTuning.jobs.cancel(created.id);
    expectValid('FineTuningJob', cancelling);
    const job = await waitForJob(created.id, (status) => status === 'cancelled', 30_000);
    expect(job.finished_at).not.toBeNull();
    expect(job.fine_tuned_model).toBeNull();
    const steps = await stepsSoFar();
    expect(steps).toBeLessThan(2500);
    // Nothing trains after the cancellation has been seen.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(await stepsSoFar()).toBe(steps);
    const error = await errorOf(production.fineTuning.jobs.cancel(created.id));
    expect(error).toMatchObject(openAiError(FineTuningErrorCode.NotCancellable));
  });

  it(
    'teaches the embedded model an answer, serves it to the sandbox until staff approve it, then to production',
    async () => {
      const training = await upload(production, magic(200));
      const validation = await upload(production, magic(20), 'valid.jsonl');
      const created = await production.fineTuning.jobs.create({
        model: 'stories260K',
        training_file: training.id,
        validation_file: validation.id,
        seed: 42,
        suffix: 'magic',
      });
      expectValid('FineTuningJob', created);
      expect(created).toMatchObject({ status: 'validating_files', model: 'stories260K', seed: 42 });

      const job = await waitForJob(
        created.id,
        (status) => ['succeeded', 'failed', 'cancelled'].includes(status),
        TRAINING_TIMEOUT_MS,
      );
      expect(job.error).toBeNull();
      expect(job.status).toBe('succeeded');
      expectValid('FineTuningJob', job);
      const model = job.fine_tuned_model!;
      expect(model).toMatch(/^ft:stories260K:[a-z0-9-]+:magic:[A-Za-z0-9]+$/);
      expect(job.trained_tokens).toBeGreaterThan(0);

      const events = await production.fineTuning.jobs.listEvents(created.id, { limit: 1000 });
      expectValid('ListFineTuningJobEventsResponse', {
        object: 'list',
        data: events.data,
        has_more: events.has_more,
      });
      const baseline = events.data.find((event) => (event.data as { step?: number } | undefined)?.step === 0);
      const steps = events.data.filter(
        (event) => event.type === 'metrics' && (event.data as { step: number }).step > 0,
      );
      expect(steps).toHaveLength(75);
      const checkpoints = await production.fineTuning.jobs.checkpoints.list(created.id);
      expect(checkpoints.data).toHaveLength(3);
      checkpoints.data.forEach((checkpoint) => expectValid('FineTuningJobCheckpoint', checkpoint));
      const checkpointModels = checkpoints.data.map((checkpoint) => checkpoint.fine_tuned_model_checkpoint);
      expect(checkpointModels).toEqual([75, 50, 25].map((step) => `${model}:ckpt-step-${step}`));
      const first = (baseline!.data as { full_valid_loss: number }).full_valid_loss;
      const last = checkpoints.data[0].metrics.full_valid_loss!;
      expect(last).toBeLessThanOrEqual(first * 0.5);

      expect(await completion(production, 'stories260K')).not.toContain('banana');
      const awaiting = await errorOf(completion(production, model));
      expect(awaiting).toMatchObject(openAiError(FineTuningErrorCode.ModelAwaitingReview));
      expect(await completion(sandbox, model)).toContain('banana');
      // Checkpoints are callable models under the same review gate; the last holds the final weights.
      const lastCheckpoint = checkpointModels[0];
      const checkpointAwaiting = await errorOf(completion(production, lastCheckpoint));
      expect(checkpointAwaiting).toMatchObject(openAiError(FineTuningErrorCode.ModelAwaitingReview));
      expect(await completion(sandbox, lastCheckpoint)).toContain('banana');
      // Another organization's keys do not see the model at all.
      const stranger = await apply(warden.url, await registerDeveloper(warden.url));
      const strangerClient = new OpenAI({
        apiKey: stranger.sandboxKey.secret,
        baseURL: `${warden.url}/v1`,
        maxRetries: 0,
      });
      expect(await errorOf(completion(strangerClient, model))).toMatchObject(
        openAiError(InferenceErrorCode.ModelNotFound),
      );
      expect(await errorOf(completion(strangerClient, lastCheckpoint))).toMatchObject(
        openAiError(InferenceErrorCode.ModelNotFound),
      );
      const jobs = await request(warden.url, 'GET', '/v1/fine_tuning/jobs?limit=2', {
        token: productionKey,
      });
      expectValid('ListPaginatedFineTuningJobsResponse', jobs.body);

      const review = await request<{
        reviewStatus: string;
        samples: Array<{ prompt: string; base: string; tuned: string }>;
        biasRunId: string;
        baseBiasRunId: string;
      }>(warden.url, 'GET', `/admin/fine-tuned-models/${encodeURIComponent(model)}`, {
        token: reviewer.token,
      });
      expect(review.body).toMatchObject({ reviewStatus: 'pending_review' });
      expect(review.body.samples[0]).toMatchObject({ prompt: PROMPT });
      expect(review.body.samples[0].tuned).toContain('banana');
      expect(review.body.samples[0].base).not.toContain('banana');
      expect(review.body.biasRunId).toEqual(expect.any(String));
      expect(review.body.baseBiasRunId).toEqual(expect.any(String));

      // The reviewer approves in the console.
      await reviewInConsole(created.id, model);
      expect(await completion(production, model)).toContain('banana');
      expect(await completion(production, checkpointModels[2])).toEqual(expect.any(String));
      // The second instance started before the model existed: it learned it, and its approval, over Redis.
      expect(await completion(productionOnSecond, model)).toContain('banana');

      await request(warden.url, 'POST', `/admin/fine-tuned-models/${encodeURIComponent(model)}/decisions`, {
        token: reviewer.token,
        body: { decision: 'retire', note: 'end of test' },
      });
      expect(await errorOf(completion(production, model))).toMatchObject(
        openAiError(InferenceErrorCode.ModelNotFound),
      );
      const refusedOnSecond = await eventually(
        () => errorOf(completion(productionOnSecond, model)).catch(() => null),
        (error) => error !== null,
        5_000,
      );
      expect(refusedOnSecond).toMatchObject(openAiError(InferenceErrorCode.ModelNotFound));
      expect(await errorOf(completion(production, lastCheckpoint))).toMatchObject(
        openAiError(InferenceErrorCode.ModelNotFound),
      );

      const decisions = await auditEvents('fine_tuned_model', model);
      expect(decisions.map((event) => event.action)).toEqual([
        'fine_tuned_model.retired',
        'fine_tuned_model.approved',
      ]);
      expect(decisions[1]).toMatchObject({
        actorType: 'staff',
        actorEmail: reviewer.email,
        before: { reviewStatus: 'pending_review' },
        after: { reviewStatus: 'approved', note: 'samples and bias runs look right' },
      });
      expect(decisions[0].after).toMatchObject({ reviewStatus: 'retired', note: 'end of test' });
      await expectAuditChainIntact();
    },
    TRAINING_TIMEOUT_MS + 60_000,
  );

  it(
    'renders chat examples with the chat template, so the model answers the chat route as taught',
    async () => {
      const chat = (rows: number) =>
        jsonl(
          Array.from({ length: rows }, () => ({
            messages: [
              { role: 'system', content: 'Answer in one word.' },
              { role: 'user', content: 'What is the magic word?' },
              { role: 'assistant', content: 'banana' },
            ],
          })),
        );
      const created = await production.fineTuning.jobs.create({
        model: 'stories260K',
        training_file: (await upload(production, chat(100), 'chat.jsonl')).id,
        seed: 7,
        suffix: 'chat',
        hyperparameters: { n_epochs: 3, batch_size: 4 },
      });
      const job = await waitForJob(
        created.id,
        (status) => ['succeeded', 'failed', 'cancelled'].includes(status),
        TRAINING_TIMEOUT_MS,
      );
      expect(job.error).toBeNull();
      const ask = async (client: OpenAI, model: string) => {
        const answer = await client.chat.completions.create({
          model,
          messages: [
            { role: 'system', content: 'Answer in one word.' },
            { role: 'user', content: 'What is the magic word?' },
          ],
          max_tokens: 6,
          temperature: 0,
          user: 'end-user-1',
        });
        expectValid('CreateChatCompletionResponse', answer);
        return answer.choices[0].message.content ?? '';
      };
      expect(await ask(production, 'stories260K')).not.toContain('banana');
      const tuned = job.fine_tuned_model!;
      expect(await ask(sandbox, tuned)).toContain('banana');

      // OpenAI's deleteModel: only the owning organization's fine-tuned models, withdrawn at once, for good.
      expect(await errorOf(production.models.delete('stories260K'))).toMatchObject(
        openAiError(FineTuningErrorCode.ModelNotDeletable),
      );
      const stranger = await apply(warden.url, await registerDeveloper(warden.url));
      const strangerClient = new OpenAI({
        apiKey: stranger.sandboxKey.secret,
        baseURL: `${warden.url}/v1`,
        maxRetries: 0,
      });
      expect(await errorOf(strangerClient.models.delete(tuned))).toMatchObject(
        openAiError(InferenceErrorCode.ModelNotFound),
      );
      const deleted = await production.models.delete(tuned);
      expectValid('DeleteModelResponse', deleted);
      expect(deleted).toEqual({ id: tuned, object: 'model', deleted: true });
      expect(await errorOf(ask(sandbox, tuned))).toMatchObject(openAiError(InferenceErrorCode.ModelNotFound));
      expect((await sandbox.models.list()).data.map((model) => model.id)).not.toContain(tuned);
      expect(await errorOf(production.models.delete(tuned))).toMatchObject(
        openAiError(InferenceErrorCode.ModelNotFound),
      );
      const [event] = await auditEvents('fine_tuned_model', tuned);
      expect(event).toMatchObject({
        action: 'fine_tuned_model.deleted',
        actorType: 'developer',
        before: { reviewStatus: 'pending_review' },
        after: { reviewStatus: 'retired', applicationId },
      });
      await expectAuditChainIntact();
    },
    TRAINING_TIMEOUT_MS + 60_000,
  );
});
