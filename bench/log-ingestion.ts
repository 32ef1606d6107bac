/**
 * Request-log ingestion: sustained rows/s through the real path (BullMQ jobs of the api's batch size, consumed by
 * the real worker process, written with the worker's idempotent INSERT), against a raw COPY of the same rows into
 * the same table in the same run.
 *
 *   npm run build && node dist/bench/log-ingestion.js [rows]
 */
import { Queue } from 'bullmq';
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DEFAULT_JOB_OPTIONS, JobName, QueueName } from '../server/src/common/queues';
import { createDataSource } from '../server/src/database/data-source';
import { RequestLogRecord } from '../server/src/request-logs/request-log.record';

const ROWS = Number(process.argv[2] ?? 60_000);
const BATCH = 500;
const SERVER = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

function records(count: number, applicationId: string, organizationId: string): RequestLogRecord[] {
  const now = Date.now();
  return Array.from({ length: count }, (_, i) => ({
    requestId: `req_${randomBytes(12).toString('hex')}`,
    createdAt: new Date(now - (i % 1000)).toISOString(),
    endpoint: '/v1/completions',
    apiKeyId: randomUUID(),
    applicationId,
    organizationId,
    endUser: `user-${i % 500}`,
    model: 'stories260K',
    prompt: `Once upon a time there was a benchmark row number ${i}`,
    output: [{ index: 0, text: ' and it was written to the request log quickly.', finish_reason: 'stop' }],
    stream: i % 3 === 0,
    statusCode: 200,
    errorCode: null,
    errorMessage: null,
    finishReasons: ['stop'],
    promptTokens: 12,
    completionTokens: 11,
    latencyMs: 3.5,
    timeToFirstTokenMs: 1.2,
    verdicts: [
      {
        check: 'classifier',
        category: 'violence',
        score: 0.01,
        triggered: false,
        action: 'allow',
        direction: 'input',
      },
    ],
    clientIp: '127.0.0.1',
  }));
}

function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return `"${text.replace(/"/g, '""')}"`;
}

async function count(client: Client): Promise<number> {
  return Number((await client.query('SELECT count(*) FROM request_logs')).rows[0].count);
}

async function main(): Promise<void> {
  const name = `warden_bench_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: `${SERVER}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const databaseUrl = `${SERVER}/${name}`;
  const dataSource = createDataSource(databaseUrl);
  await dataSource.initialize();
  await dataSource.runMigrations();
  await dataSource.destroy();
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  // Rows belong to a real application: the worker also keeps that application's end users up to date.
  const [{ id: organizationId }] = (
    await client.query(`INSERT INTO organizations (name) VALUES ('Bench') RETURNING id`)
  ).rows;
  const [{ id: applicationId }] = (
    await client.query(
      `INSERT INTO applications (organization_id, name, status) VALUES ($1, 'Bench', 'live') RETURNING id`,
      [organizationId],
    )
  ).rows;
  const rows = records(ROWS, applicationId, organizationId);
  const prefix = `bench_${randomBytes(4).toString('hex')}`;
  const worker = spawn(process.execPath, [path.join(__dirname, '..', 'server', 'src', 'main.js'), 'worker'], {
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: databaseUrl,
      REDIS_URL,
      WARDEN_REDIS_PREFIX: prefix,
      LOG_LEVEL: 'warn',
      WARDEN_WORKER_CONCURRENCY: process.env.WARDEN_WORKER_CONCURRENCY ?? '4',
    },
    stdio: 'inherit',
  });
  try {
    // Baseline: one COPY of all rows.
    const columns = [
      'request_id',
      'created_at',
      'endpoint',
      'api_key_id',
      'application_id',
      'organization_id',
      'end_user',
      'model',
      'prompt',
      'output',
      'stream',
      'status_code',
      'error_code',
      'error_message',
      'finish_reasons',
      'prompt_tokens',
      'completion_tokens',
      'latency_ms',
      'time_to_first_token_ms',
      'verdicts',
      'client_ip',
    ];
    const csv = rows.map(
      (r) =>
        [
          r.requestId,
          r.createdAt,
          r.endpoint,
          r.apiKeyId,
          r.applicationId,
          r.organizationId,
          r.endUser,
          r.model,
          JSON.stringify(r.prompt),
          r.output,
          r.stream,
          r.statusCode,
          r.errorCode,
          r.errorMessage,
          `{${r.finishReasons!.join(',')}}`,
          r.promptTokens,
          r.completionTokens,
          r.latencyMs,
          r.timeToFirstTokenMs,
          r.verdicts,
          r.clientIp,
        ]
          .map(csvField)
          .join(',') + '\n',
    );
    process.stderr.write(`COPY of ${ROWS} rows…\n`);
    const copyStart = performance.now();
    await pipeline(
      Readable.from(csv),
      client.query(copyFrom(`COPY request_logs (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`)),
    );
    const copySeconds = (performance.now() - copyStart) / 1000;
    if ((await count(client)) !== ROWS) throw new Error('COPY baseline did not load every row');
    await client.query('TRUNCATE request_logs, end_users');

    // The real path: jobs of the api's batch size through BullMQ, persisted by the worker process.
    process.stderr.write('the same rows through BullMQ and the worker…\n');
    const queue = new Queue(QueueName.RequestLogs, {
      connection: { url: REDIS_URL },
      prefix: `${prefix}:bull`,
    });
    await queue.waitUntilReady();
    const queueStart = performance.now();
    for (let i = 0; i < ROWS; i += BATCH * 20) {
      await queue.addBulk(
        Array.from({ length: Math.min(20, Math.ceil((ROWS - i) / BATCH)) }, (_, j) => ({
          name: JobName.PersistRequestLogs,
          data: { records: rows.slice(i + j * BATCH, i + (j + 1) * BATCH) },
          opts: { ...DEFAULT_JOB_OPTIONS, jobId: `bench-${i + j * BATCH}` },
        })),
      );
    }
    const enqueueSeconds = (performance.now() - queueStart) / 1000;
    while ((await count(client)) < ROWS) await new Promise((resolve) => setTimeout(resolve, 20));
    const queueSeconds = (performance.now() - queueStart) / 1000;
    await queue.obliterate({ force: true });
    await queue.close();

    const copyRate = ROWS / copySeconds;
    const queueRate = ROWS / queueSeconds;
    console.log(
      `\nRequest-log ingestion: ${ROWS} rows, batches of ${BATCH}, worker concurrency ${process.env.WARDEN_WORKER_CONCURRENCY ?? 4}\n`,
    );
    console.log('| path                                          | seconds | rows/s  |');
    console.log('| --------------------------------------------- | ------- | ------- |');
    console.log(
      `| baseline: one raw COPY                        | ${copySeconds.toFixed(2).padStart(7)} | ${copyRate.toFixed(0).padStart(7)} |`,
    );
    console.log(
      `| BullMQ + worker (enqueue took ${enqueueSeconds.toFixed(2)} s)         | ${queueSeconds.toFixed(2).padStart(7)} | ${queueRate.toFixed(0).padStart(7)} |`,
    );
    console.log(
      `\nratio queue / COPY: ${((queueRate / copyRate) * 100).toFixed(1)} %  (goal >= 20000 rows/s and >= 25 %: ${queueRate >= 20_000 && queueRate / copyRate >= 0.25 ? 'met' : 'NOT met'})`,
    );
  } finally {
    worker.kill('SIGTERM');
    await client.end();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

void main();
