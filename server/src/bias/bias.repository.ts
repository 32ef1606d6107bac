import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ListPage, ListQuery } from '../common/list-query';
import { ListSource, runList } from '../database/list-sql';
import { ApplicationBiasRunEntity, BiasRunEntity } from './bias-run.entity';
import { BiasReport, BiasRunStatus, ProbeResult, ProbeSetName } from './bias.types';
import { BIAS_RUN_LIST, BiasRunFilterField, BiasRunSortField } from './bias.dto';

/** A run as lists show it: everything but the report. */
export type BiasRunRow = Omit<BiasRunEntity, 'report'>;

const ROW_COLUMNS = `r.id, r.status, r.model, r.application_id AS "applicationId", r.prompt_template AS "promptTemplate",
  r.probe_sets AS "probeSets", r.seed, r.sample_limit AS "sampleLimit", r.progress_done AS "progressDone",
  r.progress_total AS "progressTotal", r.attempts, r.created_by AS "createdBy", r.created_at AS "createdAt",
  r.started_at AS "startedAt", r.finished_at AS "finishedAt", r.error`;

export const BIAS_RUN_LIST_SOURCE: ListSource<BiasRunSortField, BiasRunFilterField> = {
  contract: BIAS_RUN_LIST,
  columns: ROW_COLUMNS,
  from: 'FROM bias_runs r',
  sortColumns: {
    id: 'r.id',
    status: 'r.status',
    model: 'r.model',
    seed: 'r.seed',
    createdAt: 'r.created_at',
    startedAt: 'r.started_at',
    finishedAt: 'r.finished_at',
  },
  tiebreaker: 'r.id',
  filterSql: {
    id: { column: 'r.id' },
    status: { column: 'r.status' },
    model: { column: 'r.model' },
    applicationId: { column: 'r.application_id' },
    createdBy: { column: 'r.created_by' },
    /** Runs attached to these applications' reviews. */
    attachedTo: {
      build: (values, param) =>
        `EXISTS (SELECT 1 FROM application_bias_runs ab WHERE ab.bias_run_id = r.id AND ab.application_id = ANY(${param(values)}::uuid[]))`,
    },
    q: { search: ['r.model', 'r.prompt_template'] },
  },
};

export interface NewBiasRun {
  model: string;
  applicationId: string | null;
  promptTemplate: string | null;
  probeSets: ProbeSetName[];
  seed: number;
  sampleLimit: number | null;
  createdBy: string | null;
}

@Injectable()
export class BiasRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  create(values: NewBiasRun): Promise<BiasRunEntity> {
    const repository = this.dataSource.getRepository(BiasRunEntity);
    return repository.save(
      repository.create({
        ...values,
        status: BiasRunStatus.Queued,
        progressDone: 0,
        progressTotal: 0,
        attempts: 0,
        startedAt: null,
        finishedAt: null,
        report: null,
        error: null,
      }),
    );
  }

  findById(id: string): Promise<BiasRunEntity | null> {
    return this.dataSource.getRepository(BiasRunEntity).findOneBy({ id });
  }

  list(query: ListQuery): Promise<ListPage<BiasRunRow>> {
    return runList<BiasRunRow>(this.dataSource, BIAS_RUN_LIST_SOURCE, query);
  }

  /**
   * Claims a run for a worker attempt. Null when it is already completed or failed (a redelivery after the outcome
   * was written), so the caller does nothing.
   */
  async start(id: string, total: number): Promise<BiasRunEntity | null> {
    const [rows] = (await this.dataSource.query(
      `UPDATE bias_runs
          SET status = 'running', started_at = coalesce(started_at, now()), attempts = attempts + 1,
              progress_total = $2, error = NULL
        WHERE id = $1 AND status IN ('queued', 'running')
        RETURNING id`,
      [id, total],
    )) as [Array<{ id: string }>, number];
    return rows.length > 0 ? this.findById(id) : null;
  }

  async results(runId: string): Promise<Map<string, ProbeResult>> {
    const rows = (await this.dataSource.query(
      `SELECT probe_id AS "probeId", result FROM bias_run_results WHERE run_id = $1`,
      [runId],
    )) as Array<{ probeId: string; result: ProbeResult }>;
    return new Map(rows.map((row) => [row.probeId, row.result]));
  }

  /** Writes a batch of results and the progress they make, together; a result already written is kept. */
  async saveResults(
    runId: string,
    results: ReadonlyArray<{ probeId: string; result: ProbeResult }>,
  ): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO bias_run_results (run_id, probe_id, result)
         SELECT $1, probe_id, result FROM unnest($2::text[], $3::jsonb[]) AS batch (probe_id, result)
         ON CONFLICT (run_id, probe_id) DO NOTHING`,
        [runId, results.map((entry) => entry.probeId), results.map((entry) => JSON.stringify(entry.result))],
      );
      const [rows] = (await manager.query(
        `UPDATE bias_runs SET progress_done = (SELECT count(*) FROM bias_run_results WHERE run_id = $1)
          WHERE id = $1 RETURNING progress_done AS "done"`,
        [runId],
      )) as [Array<{ done: number }>, number];
      return rows[0]?.done ?? 0;
    });
  }

  async complete(id: string, report: BiasReport): Promise<void> {
    await this.dataSource.query(
      `UPDATE bias_runs SET status = 'completed', report = $2, finished_at = now(), progress_done = progress_total, error = NULL
        WHERE id = $1 AND status = 'running'`,
      [id, JSON.stringify(report)],
    );
  }

  /** Back in the queue: after a failed attempt that will be retried (its reason shown meanwhile), or handed back. */
  async requeue(id: string, error: string | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE bias_runs SET status = 'queued', error = $2 WHERE id = $1 AND status IN ('queued', 'running')`,
      [id, error],
    );
  }

  async fail(id: string, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE bias_runs SET status = 'failed', error = $2, finished_at = now() WHERE id = $1 AND status IN ('queued', 'running')`,
      [id, error],
    );
  }

  /** Idempotent: attaching twice keeps the first attachment. */
  async attach(
    applicationId: string,
    biasRunId: string,
    attachedBy: string | null,
  ): Promise<ApplicationBiasRunEntity> {
    await this.dataSource.query(
      `INSERT INTO application_bias_runs (application_id, bias_run_id, attached_by) VALUES ($1, $2, $3)
       ON CONFLICT (application_id, bias_run_id) DO NOTHING`,
      [applicationId, biasRunId, attachedBy],
    );
    return this.dataSource
      .getRepository(ApplicationBiasRunEntity)
      .findOneByOrFail({ applicationId, biasRunId });
  }

  async attachedApplicationIds(biasRunId: string): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT application_id AS "applicationId" FROM application_bias_runs WHERE bias_run_id = $1 ORDER BY attached_at, application_id`,
      [biasRunId],
    )) as Array<{ applicationId: string }>;
    return rows.map((row) => row.applicationId);
  }
}
