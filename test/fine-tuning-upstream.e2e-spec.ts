import http from 'node:http';
import { AddressInfo } from 'node:net';
import OpenAI, { toFile } from 'openai';
import { multipartBoundary, parseMultipart } from '../server/src/files/multipart';
import {
  createStaff,
  liveApplication,
  registerDeveloper,
  request,
  Session,
  staffLogin,
} from './support/review-api';
import { eventually, startWarden, WardenInstance } from './support/warden';
import { FineTuningErrorCode, openAiError } from './support/error-catalog';

const ADMIN = { email: 'admin@warden.test', password: 'admin-password-long-enough' };

interface StubJob {
  id: string;
  body: Record<string, unknown>;
  /** Each GET moves the job one status on, so the test sees Warden mirror every stage. */
  script: string[];
  polls: number;
  cancelled: boolean;
}

/**
 * An OpenAI-compatible files + fine-tuning API on loopback, standing in for the upstream provider. It records
 * the files it receives (so the test can check that the screened file arrived byte for byte).
 */
class FineTuningUpstream {
  readonly files = new Map<string, Buffer>();
  readonly jobs = new Map<string, StubJob>();
  readonly authorizations: string[] = [];
  /** The model of every completion request the upstream served. */
  readonly completionModels: string[] = [];
  private server?: http.Server;

  constructor(private readonly script: string[]) {}

  async start(): Promise<string> {
    this.server = http.createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    this.authorizations.push(request.headers.authorization ?? '');
    const url = request.url ?? '';
    const json = (status: number, value: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(value));
    };
    if (request.method === 'POST' && url === '/v1/files') {
      const parts = parseMultipart(body, multipartBoundary(request.headers['content-type'])!);
      const id = `file-up-${this.files.size + 1}`;
      this.files.set(id, Buffer.from(parts.find((part) => part.name === 'file')!.data));
      return json(200, { id, object: 'file', purpose: 'fine-tune' });
    }
    if (request.method === 'POST' && url === '/v1/fine_tuning/jobs') {
      const id = `ftjob-up-${this.jobs.size + 1}`;
      this.jobs.set(id, {
        id,
        body: JSON.parse(body.toString()),
        script: this.script,
        polls: 0,
        cancelled: false,
      });
      return json(200, this.view(this.jobs.get(id)!));
    }
    if (request.method === 'POST' && (url === '/v1/completions' || url === '/v1/chat/completions')) {
      const sent = JSON.parse(body.toString()) as { model: string };
      this.completionModels.push(sent.model);
      const text = ` answered by ${sent.model}`;
      const usage = { prompt_tokens: 5, completion_tokens: 4, total_tokens: 9 };
      return url === '/v1/completions'
        ? json(200, { choices: [{ index: 0, text, finish_reason: 'stop', logprobs: null }], usage })
        : json(200, {
            choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
            usage,
          });
    }
    const match = /^\/v1\/fine_tuning\/jobs\/([^/]+)(\/cancel)?$/.exec(url);
    const job = match ? this.jobs.get(match[1]) : undefined;
    if (!job) return json(404, { error: { message: 'not found', type: 'invalid_request_error' } });
    if (match![2]) {
      job.cancelled = true;
    } else {
      job.polls++;
    }
    return json(200, this.view(job));
  }

  private view(job: StubJob) {
    const status = job.cancelled ? 'cancelled' : job.script[Math.min(job.polls, job.script.length - 1)];
    return {
      id: job.id,
      object: 'fine_tuning.job',
      status,
      fine_tuned_model: status === 'succeeded' ? `ft:upstream-base:acme::${job.id}` : null,
      trained_tokens: status === 'succeeded' ? 1234 : null,
      error:
        status === 'failed'
          ? { code: 'invalid_file', message: 'upstream says no', param: 'training_file' }
          : null,
    };
  }
}

/** Jobs on upstream models are screened by Warden, then trained by the upstream with statuses mirrored. */
describe('fine-tuning passed through to the upstream', () => {
  const upstream = new FineTuningUpstream(['validating_files', 'queued', 'running', 'running', 'succeeded']);
  let warden: WardenInstance;
  let client: OpenAI;
  let sandbox: OpenAI;
  let reviewer: Session;

  beforeAll(async () => {
    const upstreamUrl = await upstream.start();
    warden = await startWarden('ft-upstream', {
      WARDEN_INIT_ADMIN_EMAIL: ADMIN.email,
      WARDEN_INIT_ADMIN_PASSWORD: ADMIN.password,
      WARDEN_UPSTREAM_URL: upstreamUrl,
      WARDEN_UPSTREAM_API_KEY: 'upstream-secret',
      WARDEN_UPSTREAM_MODELS: 'house-model=upstream-base',
      WARDEN_UPSTREAM_FINE_TUNING: 'true',
      WARDEN_UPSTREAM_FINE_TUNING_POLL_MS: '100',
      WARDEN_FINE_TUNING_JOBS_PER_DAY_PER_ORG: '2',
    });
    const admin = await staffLogin(warden.url, ADMIN.email, ADMIN.password);
    reviewer = await createStaff(warden.url, admin.token, 'reviewer');
    const live = await liveApplication(warden.url, await registerDeveloper(warden.url), reviewer);
    client = new OpenAI({ apiKey: live.productionKey.secret, baseURL: `${warden.url}/v1`, maxRetries: 0 });
    sandbox = new OpenAI({ apiKey: live.sandboxKey.secret, baseURL: `${warden.url}/v1`, maxRetries: 0 });
  });

  afterAll(async () => {
    await warden?.stop();
    await upstream.stop();
  });

  it('uploads the screened file, creates the upstream job and mirrors its statuses to the end', async () => {
    const content = Buffer.from(
      Array.from({ length: 10 }, () =>
        JSON.stringify({ prompt: 'Q: What is the magic word?\nA:', completion: ' banana' }),
      ).join('\n'),
    );
    const file = await client.files.create({
      file: await toFile(content, 'train.jsonl'),
      purpose: 'fine-tune',
    });
    const created = await client.fineTuning.jobs.create({
      model: 'house-model',
      training_file: file.id,
      seed: 7,
      suffix: 'house',
      hyperparameters: { n_epochs: 2 },
    });
    const seen = new Set<string>();
    const job = await eventually(
      async () => {
        const current = await client.fineTuning.jobs.retrieve(created.id);
        seen.add(current.status);
        return current;
      },
      (current) => ['succeeded', 'failed', 'cancelled'].includes(current.status),
      60_000,
    );
    expect(job.error).toBeNull();
    expect(job).toMatchObject({ status: 'succeeded', trained_tokens: 1234 });
    // Warden's own id for the model the upstream trained (its upstream id stays server-side).
    expect(job.fine_tuned_model).toMatch(/^ft:house-model:[a-z0-9-]+:house:[A-Za-z0-9]+$/);
    expect(seen.has('running')).toBe(true);
    expect([...upstream.files.values()][0].equals(content)).toBe(true);
    const sent = upstream.jobs.get('ftjob-up-1')!.body;
    expect(sent).toMatchObject({
      model: 'upstream-base',
      training_file: 'file-up-1',
      seed: 7,
      suffix: 'house',
      hyperparameters: { n_epochs: 2 },
    });
    expect(upstream.authorizations.every((value) => value === 'Bearer upstream-secret')).toBe(true);
    const events = await client.fineTuning.jobs.listEvents(created.id);
    expect(events.data.map((event) => event.message).join('\n')).toContain('ftjob-up-1');

    // The upstream model is served behind the review gate: the owner's sandbox keys only, until staff approve.
    const model = job.fine_tuned_model!;
    const ask = (openai: OpenAI) =>
      openai.completions.create({ model, prompt: 'Once upon a time', max_tokens: 4, user: 'end-user-1' });
    await expect(ask(client)).rejects.toMatchObject(openAiError(FineTuningErrorCode.ModelAwaitingReview));
    const fromSandbox = await ask(sandbox);
    expect(fromSandbox.choices[0].text).toContain('answered by ft:upstream-base:acme::ftjob-up-1');
    const approved = await request(
      warden.url,
      'POST',
      `/admin/fine-tuned-models/${encodeURIComponent(model)}/decisions`,
      {
        token: reviewer.token,
        body: { decision: 'approve' },
      },
    );
    expect(approved.status).toBe(201);
    expect(approved.body).toMatchObject({
      reviewStatus: 'approved',
      upstreamModel: 'ft:upstream-base:acme::ftjob-up-1',
    });
    expect((await ask(client)).choices[0].text).toContain('answered by ft:upstream-base:acme::ftjob-up-1');
    const chat = await client.chat.completions.create({
      model,
      messages: [{ role: 'user', content: 'Tell me a story.' }],
      max_tokens: 4,
      user: 'end-user-1',
    });
    expect(chat.choices[0].message.content).toContain('answered by ft:upstream-base:acme::ftjob-up-1');
  });

  it('holds each organization to its daily quota of jobs', async () => {
    const content = Buffer.from(
      JSON.stringify({ prompt: 'Q: What is the magic word?\nA:', completion: ' banana' }),
    );
    const file = await client.files.create({
      file: await toFile(content, 'one.jsonl'),
      purpose: 'fine-tune',
    });
    await client.fineTuning.jobs.create({ model: 'house-model', training_file: file.id });
    await expect(
      client.fineTuning.jobs.create({ model: 'house-model', training_file: file.id }),
    ).rejects.toMatchObject(openAiError(FineTuningErrorCode.QuotaExceeded));
  });

  it('refuses upstream models that are not configured', async () => {
    const content = Buffer.from(JSON.stringify({ prompt: 'a', completion: ' b' }));
    const file = await client.files.create({
      file: await toFile(content, 'one.jsonl'),
      purpose: 'fine-tune',
    });
    await expect(
      client.fineTuning.jobs.create({ model: 'gpt-unknown', training_file: file.id }),
    ).rejects.toMatchObject(openAiError(FineTuningErrorCode.UnsupportedModel));
  });
});
