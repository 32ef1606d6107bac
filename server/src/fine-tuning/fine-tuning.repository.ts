import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ListPage, ListQuery } from '../common/list-query';
import { ListSource, runList } from '../database/list-sql';
import {
  FINE_TUNED_MODEL_LIST,
  FINE_TUNING_JOB_LIST,
  FineTunedModelFilterField,
  FineTunedModelSortField,
  FineTuningJobFilterField,
  FineTuningJobSortField,
} from './fine-tuning.dto';
import {
  CheckpointRow,
  EventRow,
  FineTunedModelRow,
  JobError,
  JobRow,
  JobStatus,
  ModelReviewStatus,
  SamplePair,
  ScreeningReport,
  ScreeningStatus,
  StepPoint,
} from './fine-tuning.types';

const JOB_COLUMNS = `j.id, j.organization_id AS "organizationId", j.application_id AS "applicationId",
  j.api_key_id AS "apiKeyId", j.model, j.training_file AS "trainingFile", j.validation_file AS "validationFile",
  j.n_epochs AS "nEpochs", j.batch_size AS "batchSize", j.learning_rate_multiplier AS "learningRateMultiplier",
  j.seed, j.suffix, j.status, j.screening_status AS "screeningStatus", j.screening_report AS "screeningReport",
  j.cancel_requested AS "cancelRequested", j.fine_tuned_model AS "fineTunedModel",
  j.trained_tokens AS "trainedTokens", j.error, j.upstream_job_id AS "upstreamJobId", j.metrics,
  j.created_at AS "createdAt", j.started_at AS "startedAt", j.finished_at AS "finishedAt"`;

const EVENT_COLUMNS = `id, job_id AS "jobId", level, type, message, data, created_at AS "createdAt"`;

const CHECKPOINT_COLUMNS = `id, job_id AS "jobId", step_number AS "stepNumber", metrics,
  fine_tuned_model_checkpoint AS "fineTunedModelCheckpoint", created_at AS "createdAt"`;

const MODEL_COLUMNS = `m.id, m.job_id AS "jobId", m.organization_id AS "organizationId",
  m.application_id AS "applicationId", m.base_model AS "baseModel", m.upstream_model AS "upstreamModel",
  m.review_status AS "reviewStatus",
  m.bias_run_id AS "biasRunId", m.base_bias_run_id AS "baseBiasRunId", m.samples, m.reviewed_by AS "reviewedBy",
  m.reviewed_at AS "reviewedAt", m.review_note AS "reviewNote", m.created_at AS "createdAt"`;

const ACTIVE = `status NOT IN ('succeeded', 'failed', 'cancelled')`;

/** Staff lists (react-admin): every organization's jobs and models, newest first, as the DTO file names them. */
export const FINE_TUNING_JOB_LIST_SOURCE: ListSource<FineTuningJobSortField, FineTuningJobFilterField> = {
  contract: FINE_TUNING_JOB_LIST,
  columns: JOB_COLUMNS,
  from: 'FROM fine_tuning_jobs j',
  sortColumns: { id: 'j.id', createdAt: 'j.created_at', status: 'j.status', model: 'j.model' },
  tiebreaker: 'j.id',
  filterSql: {
    id: { column: 'j.id' },
    status: { column: 'j.status' },
    screeningStatus: { column: 'j.screening_status' },
    organizationId: { column: 'j.organization_id' },
    applicationId: { column: 'j.application_id' },
    q: { search: ['j.id', 'j.model', 'j.fine_tuned_model'] },
  },
};

export const FINE_TUNED_MODEL_LIST_SOURCE: ListSource<FineTunedModelSortField, FineTunedModelFilterField> = {
  contract: FINE_TUNED_MODEL_LIST,
  columns: MODEL_COLUMNS,
  from: 'FROM fine_tuned_models m',
  sortColumns: { id: 'm.id', createdAt: 'm.created_at', reviewStatus: 'm.review_status' },
  tiebreaker: 'm.id',
  filterSql: {
    id: { column: 'm.id' },
    reviewStatus: { column: 'm.review_status' },
    organizationId: { column: 'm.organization_id' },
    q: { search: ['m.id', 'm.base_model'] },
  },
};

export interface NewJob {
  organizationId: string;
  applicationId: string;
  apiKeyId: string;
  model: string;
  trainingFile: string;
  validationFile: string | null;
  nEpochs: number;
  batchSize: number;
  learningRateMultiplier: number;
  seed: number;
  suffix: string | null;
}

export function newId(prefix: string): string {
  return `${prefix}-${randomBytes(12).toString('base64url').replace(/[-_]/g, 'x')}`;
}

/** Jobs, their events and checkpoints, and the models they produce. */
@Injectable()
export class FineTuningRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts the job unless the organization is over its quota (checked and inserted under one advisory lock). */
  async insertJob(
    job: NewJob,
    quota: { active: number; perDay: number },
  ): Promise<{ job: JobRow } | { over: 'active' | 'daily'; count: number }> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('fine-tuning:' || $1))`, [
        job.organizationId,
      ]);
      const [counts] = await manager.query(
        `SELECT count(*) FILTER (WHERE ${ACTIVE})::int AS active,
                count(*) FILTER (WHERE created_at > now() - interval '24 hours')::int AS daily
         FROM fine_tuning_jobs WHERE organization_id = $1`,
        [job.organizationId],
      );
      if (counts.active >= quota.active) {
        return { over: 'active' as const, count: counts.active as number };
      }
      if (counts.daily >= quota.perDay) {
        return { over: 'daily' as const, count: counts.daily as number };
      }
      const [row] = await manager.query(
        `INSERT INTO fine_tuning_jobs AS j (id, organization_id, application_id, api_key_id, model, training_file,
           validation_file, n_epochs, batch_size, learning_rate_multiplier, seed, suffix)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING ${JOB_COLUMNS}`,
        [
          newId('ftjob'),
          job.organizationId,
          job.applicationId,
          job.apiKeyId,
          job.model,
          job.trainingFile,
          job.validationFile,
          job.nEpochs,
          job.batchSize,
          job.learningRateMultiplier,
          job.seed,
          job.suffix,
        ],
      );
      return { job: row as JobRow };
    });
  }

  async findJob(id: string, organizationId?: string): Promise<JobRow | null> {
    const [row] = await this.dataSource.query(
      `SELECT ${JOB_COLUMNS} FROM fine_tuning_jobs j WHERE j.id = $1 AND ($2::uuid IS NULL OR j.organization_id = $2)`,
      [id, organizationId ?? null],
    );
    return (row as JobRow | undefined) ?? null;
  }

  /** Newest first; `limit` + 1 rows so the caller knows whether there are more. */
  listJobs(organizationId: string | null, after: string | null, limit: number): Promise<JobRow[]> {
    return this.dataSource.query(
      `SELECT ${JOB_COLUMNS} FROM fine_tuning_jobs j
       WHERE ($1::uuid IS NULL OR j.organization_id = $1)
         AND ($2::text IS NULL OR (j.created_at, j.id) < (SELECT created_at, id FROM fine_tuning_jobs WHERE id = $2))
       ORDER BY j.created_at DESC, j.id DESC LIMIT $3`,
      [organizationId, after, limit + 1],
    );
  }

  /** Moves a job on only from the statuses given, so a redelivered or raced update cannot undo a later one. */
  async transition(
    id: string,
    from: readonly JobStatus[],
    to: JobStatus,
    extra: {
      error?: JobError;
      fineTunedModel?: string;
      trainedTokens?: number;
      upstreamJobId?: string;
    } = {},
  ): Promise<boolean> {
    const finished = [JobStatus.Succeeded, JobStatus.Failed, JobStatus.Cancelled].includes(to);
    const [, affected] = (await this.dataSource.query(
      `UPDATE fine_tuning_jobs SET status = $3,
         error = COALESCE($4::jsonb, error),
         fine_tuned_model = COALESCE($5, fine_tuned_model),
         trained_tokens = COALESCE($6, trained_tokens),
         upstream_job_id = COALESCE($7, upstream_job_id),
         started_at = CASE WHEN $3::text = 'running' THEN COALESCE(started_at, now()) ELSE started_at END,
         finished_at = CASE WHEN $8::boolean THEN now() ELSE finished_at END
       WHERE id = $1 AND status = ANY($2::text[])`,
      [
        id,
        from,
        to,
        extra.error ? JSON.stringify(extra.error) : null,
        extra.fineTunedModel ?? null,
        extra.trainedTokens ?? null,
        extra.upstreamJobId ?? null,
        finished,
      ],
    )) as [unknown, number];
    return affected > 0;
  }

  async setUpstreamJob(id: string, upstreamJobId: string): Promise<void> {
    await this.dataSource.query(`UPDATE fine_tuning_jobs SET upstream_job_id = $2 WHERE id = $1`, [
      id,
      upstreamJobId,
    ]);
  }

  async setScreening(id: string, status: ScreeningStatus, report: ScreeningReport | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE fine_tuning_jobs SET screening_status = $2, screening_report = COALESCE($3::jsonb, screening_report)
       WHERE id = $1`,
      [id, status, report ? JSON.stringify(report) : null],
    );
  }

  /** Runs a staff decision and its audit event in one transaction. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Staff decision on a file awaiting review; false when the job is not awaiting one. */
  async decideScreening(
    manager: EntityManager,
    id: string,
    to: ScreeningStatus.Approved | ScreeningStatus.Rejected,
  ): Promise<boolean> {
    const [, affected] = (await manager.query(
      `UPDATE fine_tuning_jobs SET screening_status = $2
       WHERE id = $1 AND screening_status = 'awaiting_review' AND status = 'validating_files'`,
      [id, to],
    )) as [unknown, number];
    return affected > 0;
  }

  async requestCancel(id: string, organizationId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE fine_tuning_jobs SET cancel_requested = true WHERE id = $1 AND organization_id = $2 AND ${ACTIVE}`,
      [id, organizationId],
    );
  }

  async cancelRequested(id: string): Promise<boolean> {
    const [row] = await this.dataSource.query(
      `SELECT cancel_requested AS "cancel" FROM fine_tuning_jobs WHERE id = $1`,
      [id],
    );
    return Boolean(row?.cancel);
  }

  async appendMetrics(id: string, point: StepPoint): Promise<void> {
    await this.dataSource.query(`UPDATE fine_tuning_jobs SET metrics = metrics || $2::jsonb WHERE id = $1`, [
      id,
      JSON.stringify([point]),
    ]);
  }

  async resetTraining(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE fine_tuning_jobs SET metrics = '[]'::jsonb WHERE id = $1`, [id]);
    await this.dataSource.query(`DELETE FROM fine_tuning_checkpoints WHERE job_id = $1`, [id]);
  }

  async addEvent(
    jobId: string,
    message: string,
    options: { level?: EventRow['level']; type?: EventRow['type']; data?: Record<string, unknown> } = {},
  ): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO fine_tuning_events (id, job_id, level, type, message, data) VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        newId('ftevent'),
        jobId,
        options.level ?? 'info',
        options.type ?? 'message',
        message,
        options.data ? JSON.stringify(options.data) : null,
      ],
    );
  }

  /** Newest first, as OpenAI lists them; `limit` + 1 rows. */
  listEvents(jobId: string, after: string | null, limit: number): Promise<EventRow[]> {
    return this.dataSource.query(
      `SELECT ${EVENT_COLUMNS} FROM fine_tuning_events
       WHERE job_id = $1 AND ($2::text IS NULL OR seq < (SELECT seq FROM fine_tuning_events WHERE id = $2))
       ORDER BY seq DESC LIMIT $3`,
      [jobId, after, limit + 1],
    );
  }

  async addCheckpoint(
    jobId: string,
    stepNumber: number,
    metrics: Record<string, number>,
    model: string,
    onnx: Uint8Array,
  ): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO fine_tuning_checkpoints (id, job_id, step_number, metrics, fine_tuned_model_checkpoint, onnx)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (job_id, step_number) DO NOTHING`,
      [newId('ftckpt'), jobId, stepNumber, JSON.stringify(metrics), model, bytes(onnx)],
    );
  }

  /** The weights of a job's checkpoints, each under its callable model id. */
  checkpointWeights(jobId: string): Promise<Array<{ model: string; onnx: Buffer }>> {
    return this.dataSource.query(
      `SELECT fine_tuned_model_checkpoint AS model, onnx FROM fine_tuning_checkpoints
       WHERE job_id = $1 AND onnx IS NOT NULL ORDER BY step_number`,
      [jobId],
    );
  }

  listCheckpoints(jobId: string, after: string | null, limit: number): Promise<CheckpointRow[]> {
    return this.dataSource.query(
      `SELECT ${CHECKPOINT_COLUMNS} FROM fine_tuning_checkpoints
       WHERE job_id = $1 AND ($2::text IS NULL OR step_number < (SELECT step_number FROM fine_tuning_checkpoints WHERE id = $2))
       ORDER BY step_number DESC LIMIT $3`,
      [jobId, after, limit + 1],
    );
  }

  async organizationSlug(organizationId: string): Promise<string> {
    const [row] = await this.dataSource.query(`SELECT name FROM organizations WHERE id = $1`, [
      organizationId,
    ]);
    const slug = String(row?.name ?? '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
    return slug || organizationId.slice(0, 8);
  }

  /**
   * The model a job produced, awaiting review: the trained graph (embedded), or the upstream's id of the model it
   * trained. Idempotent: a redelivered job that stored its model already keeps the first copy.
   */
  async insertModel(
    job: Pick<JobRow, 'id' | 'organizationId' | 'applicationId' | 'model'>,
    id: string,
    weights: { onnx: Uint8Array } | { upstreamModel: string },
  ): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO fine_tuned_models (id, job_id, organization_id, application_id, base_model, onnx, upstream_model)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING`,
      [
        id,
        job.id,
        job.organizationId,
        job.applicationId,
        job.model,
        'onnx' in weights ? bytes(weights.onnx) : null,
        'upstreamModel' in weights ? weights.upstreamModel : null,
      ],
    );
  }

  async setSamples(id: string, samples: SamplePair[]): Promise<void> {
    await this.dataSource.query(`UPDATE fine_tuned_models SET samples = $2 WHERE id = $1`, [
      id,
      JSON.stringify(samples),
    ]);
  }

  async attachBiasRuns(id: string, biasRunId: string, baseBiasRunId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE fine_tuned_models SET bias_run_id = $2, base_bias_run_id = $3 WHERE id = $1`,
      [id, biasRunId, baseBiasRunId],
    );
  }

  async findModel(id: string): Promise<FineTunedModelRow | null> {
    const [row] = await this.dataSource.query(
      `SELECT ${MODEL_COLUMNS} FROM fine_tuned_models m WHERE m.id = $1`,
      [id],
    );
    return (row as FineTunedModelRow | undefined) ?? null;
  }

  async modelOnnx(id: string): Promise<Buffer | null> {
    const [row] = await this.dataSource.query(`SELECT onnx FROM fine_tuned_models WHERE id = $1`, [id]);
    return (row as { onnx: Buffer } | undefined)?.onnx ?? null;
  }

  /** Models that may be served (to their owner's sandbox keys, or to everyone once approved). */
  servableModels(): Promise<FineTunedModelRow[]> {
    return this.dataSource.query(
      `SELECT ${MODEL_COLUMNS} FROM fine_tuned_models m WHERE m.review_status IN ('pending_review', 'approved')`,
    );
  }

  listModels(query: ListQuery): Promise<ListPage<FineTunedModelRow>> {
    return runList<FineTunedModelRow>(this.dataSource, FINE_TUNED_MODEL_LIST_SOURCE, query);
  }

  listAllJobs(query: ListQuery): Promise<ListPage<JobRow>> {
    return runList<JobRow>(this.dataSource, FINE_TUNING_JOB_LIST_SOURCE, query);
  }

  async reviewModel(
    manager: EntityManager,
    id: string,
    from: readonly ModelReviewStatus[],
    to: ModelReviewStatus,
    staffId: string | null,
    note: string | null,
  ): Promise<boolean> {
    const [, affected] = (await manager.query(
      `UPDATE fine_tuned_models SET review_status = $3, reviewed_by = $4, reviewed_at = now(), review_note = $5
       WHERE id = $1 AND review_status = ANY($2::text[])`,
      [id, from, to, staffId, note],
    )) as [unknown, number];
    return affected > 0;
  }
}

function bytes(value: Uint8Array): Buffer {
  return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}
