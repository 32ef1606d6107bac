/**
 * Request-log ingestion: sustained rows/s and the worker process's CPU per row through the real path (the api's
 * hand-offs as Redis Stream entries of `--entry-records` records, read by the real worker process and written with
 * its idempotent INSERT), against a raw COPY of the same rows into the same table and the path before the stream
 * (one BullMQ job per hand-off, which the worker still drains after an upgrade), all in the same run. Under load the
 * api's group commits carry a few records each (`--entry-records 5`); 500 is the most one may carry.
 *
 *   npm run build && node dist/bench/log-ingestion.js [rows] [--entry-records N]
 */
import { Queue } from 'bullmq';
import Redis from 'ioredis';
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
import { REQUEST_LOG_STREAM_FIELD, requestLogStreamKey } from '../server/src/request-logs/request-log.stream';
import { loadAverage, processCpuMicros } from './gateway-processes';

const positional = process.argv
  .slice(2)
  .filter((arg, i, all) => !arg.startsWith('--') && !all[i - 1]?.startsWith('--'));
const option = (name: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const ROWS = Number(positional[0] ?? 60_000);
const BATCH = Number(option('entry-records') ?? 500);
/** Hand-offs sent per pipeline: the api's many concurrent requests, each waiting for its own. */
const PIPELINE = 20;
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
    // The worker's start-up is not charged to the first path: it is ready once it has created the stream's group.
    const probe = new Redis(REDIS_URL);
    while (!(await probe.exists(requestLogStreamKey(prefix))))
      await new Promise((resolve) => setTimeout(resolve, 100));
    probe.disconnect();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
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

    const landed = async (): Promise<void> => {
      while ((await count(client)) < ROWS) await new Promise((resolve) => setTimeout(resolve, 20));
    };
    const entries = Array.from({ length: Math.ceil(ROWS / BATCH) }, (_, i) =>
      rows.slice(i * BATCH, (i + 1) * BATCH),
    );
    const measure = async (name: string, handOff: () => Promise<void>) => {
      const cpuBefore = processCpuMicros(worker.pid!);
      const start = performance.now();
      await handOff();
      const handOffSeconds = (performance.now() - start) / 1000;
      await landed();
      const seconds = (performance.now() - start) / 1000;
      const workerCpuPerRow = (processCpuMicros(worker.pid!) - cpuBefore) / ROWS;
      await client.query('TRUNCATE request_logs, end_users');
      return { name, seconds, handOffSeconds, rate: ROWS / seconds, workerCpuPerRow };
    };

    // The real path: the api's hand-offs as stream entries, drained by the worker process.
    process.stderr.write('the same rows through the stream and the worker…\n');
    const redis = new Redis(REDIS_URL);
    const streamKey = requestLogStreamKey(prefix);
    const stream = await measure('stream + worker', async () => {
      for (let i = 0; i < entries.length; i += PIPELINE) {
        const pipeline = redis.pipeline();
        for (const entry of entries.slice(i, i + PIPELINE)) {
          pipeline.xadd(streamKey, '*', REQUEST_LOG_STREAM_FIELD, JSON.stringify(entry));
        }
        await pipeline.exec();
      }
    });
    redis.disconnect();

    // Before the stream: one BullMQ job per hand-off, which the worker still drains.
    process.stderr.write('the same rows as BullMQ jobs (the path before the stream)…\n');
    const queue = new Queue(QueueName.RequestLogs, {
      connection: { url: REDIS_URL },
      prefix: `${prefix}:bull`,
    });
    await queue.waitUntilReady();
    const jobs = await measure('BullMQ jobs + worker (before)', async () => {
      for (let i = 0; i < entries.length; i += PIPELINE) {
        await queue.addBulk(
          entries.slice(i, i + PIPELINE).map((records, j) => ({
            name: JobName.PersistRequestLogs,
            data: { records },
            opts: { ...DEFAULT_JOB_OPTIONS, jobId: `bench-${i + j}` },
          })),
        );
      }
    });
    await queue.obliterate({ force: true });
    await queue.close();

    const copyRate = ROWS / copySeconds;
    console.log(
      `\nRequest-log ingestion: ${ROWS} rows, ${BATCH} records per hand-off, worker concurrency ${process.env.WARDEN_WORKER_CONCURRENCY ?? 4}, load average ${loadAverage()}\n`,
    );
    console.log('| path | seconds | hand-off s | rows/s | vs COPY | worker CPU µs/row |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
    console.log(
      `| baseline: one raw COPY | ${copySeconds.toFixed(2)} | | ${copyRate.toFixed(0)} | 100 % | |`,
    );
    for (const path of [jobs, stream]) {
      console.log(
        `| ${path.name} | ${path.seconds.toFixed(2)} | ${path.handOffSeconds.toFixed(2)} | ${path.rate.toFixed(0)} | ${((path.rate / copyRate) * 100).toFixed(1)} % | ${path.workerCpuPerRow.toFixed(0)} |`,
      );
    }
    console.log(
      `\nstream vs jobs: ${(stream.rate / jobs.rate).toFixed(2)} × rows/s, ${(stream.workerCpuPerRow / jobs.workerCpuPerRow).toFixed(2)} × worker CPU per row`,
    );
    console.log(
      `goal >= 20000 rows/s and >= 25 % of COPY (stream): ${stream.rate >= 20_000 && stream.rate / copyRate >= 0.25 ? 'met' : 'NOT met'}`,
    );
  } finally {
    worker.kill('SIGTERM');
    await client.end();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

void main();
