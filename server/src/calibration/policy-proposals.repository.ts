import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ListPage, ListQuery } from '../common/list-query';
import { ReplayDiff } from '../contracts';
import { ListSource, runList } from '../database/list-sql';
import { PROPOSAL_LIST, ProposalFilterField, ProposalSortField } from './calibration.dto';
import { LoggedCall, PolicyProposalRecord, PolicyReplayRecord } from './calibration.types';
import { ModerationErrorCode } from '../moderation/moderation.errors';

const PROPOSAL_COLUMNS = `p.id, p.application_id AS "applicationId", a.name AS "applicationName",
  a.status AS "applicationStatus", p.calibration_id AS "calibrationId", p.patch, p.note, p.status,
  p.created_by AS "createdBy", p.created_at AS "createdAt", p.applied_by AS "appliedBy", p.applied_at AS "appliedAt"`;

const REPLAY_COLUMNS = `r.id, r.proposal_id AS "proposalId", r.window_from AS "windowFrom", r.window_to AS "windowTo",
  r.status, r.policy_version AS "policyVersion", r.progress_done AS "progressDone",
  r.progress_total AS "progressTotal", r.attempts, r.result, r.error, r.created_at AS "createdAt",
  r.started_at AS "startedAt", r.finished_at AS "finishedAt"`;

const PROPOSAL_LIST_SOURCE: ListSource<ProposalSortField, ProposalFilterField> = {
  contract: PROPOSAL_LIST,
  columns: PROPOSAL_COLUMNS,
  from: 'FROM policy_proposals p JOIN applications a ON a.id = p.application_id',
  sortColumns: {
    id: 'p.id',
    createdAt: 'p.created_at',
    status: 'p.status',
    applicationName: 'lower(a.name)',
  },
  tiebreaker: 'p.id',
  filterSql: {
    id: { column: 'p.id' },
    applicationId: { column: 'p.application_id' },
    calibrationId: { column: 'p.calibration_id' },
    status: { column: 'p.status' },
    q: { search: ['a.name', 'p.note'] },
  },
};

/**
 * The calls a replay re-checks: completions whose moderation ran (answered, held, or refused by the content filter).
 * A call refused before moderation (auth, rate limit, length) has nothing to compare, and /v1/moderations only
 * reports.
 */
const REPLAYABLE = `endpoint IN ('/v1/completions', '/v1/chat/completions')
  AND (status_code IN (200, 202) OR error_code = '${ModerationErrorCode.ContentFilter}')`;

/** How many logged calls a replay reads per query. */
export const REPLAY_PAGE_SIZE = 200;

/** Policy proposals, their replays, and the logged calls a replay reads (never writes). */
@Injectable()
export class PolicyProposalsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async application(applicationId: string): Promise<{ id: string; name: string; status: string } | null> {
    const [row] = (await this.dataSource.query(`SELECT id, name, status FROM applications WHERE id = $1`, [
      applicationId,
    ])) as Array<{ id: string; name: string; status: string }>;
    return row ?? null;
  }

  async insert(input: {
    applicationId: string;
    calibrationId: string | null;
    patch: Record<string, unknown>;
    note: string | null;
    createdBy: string;
  }): Promise<PolicyProposalRecord> {
    const [{ id }] = (await this.dataSource.query(
      `INSERT INTO policy_proposals (application_id, calibration_id, patch, note, created_by)
       VALUES ($1, $2, $3::jsonb, $4, $5) RETURNING id`,
      [input.applicationId, input.calibrationId, JSON.stringify(input.patch), input.note, input.createdBy],
    )) as Array<{ id: string }>;
    return (await this.find(id))!;
  }

  async find(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PolicyProposalRecord | null> {
    const [row] = (await manager.query(
      `SELECT ${PROPOSAL_COLUMNS} ${PROPOSAL_LIST_SOURCE.from} WHERE p.id = $1`,
      [id],
    )) as PolicyProposalRecord[];
    return row ?? null;
  }

  list(query: ListQuery): Promise<ListPage<PolicyProposalRecord>> {
    return runList<PolicyProposalRecord>(this.dataSource, PROPOSAL_LIST_SOURCE, query);
  }

  /** Locks the proposal row so two applies of one proposal cannot both pass the checks. */
  async lockForApply(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`SELECT 1 FROM policy_proposals WHERE id = $1 FOR UPDATE`, [id]);
  }

  async markApplied(manager: EntityManager, id: string, staffId: string, replayId: string): Promise<void> {
    await manager.query(
      `UPDATE policy_proposals SET status = 'applied', applied_by = $2, applied_at = now(), applied_replay_id = $3
        WHERE id = $1`,
      [id, staffId, replayId],
    );
  }

  async insertReplay(input: {
    proposalId: string;
    from: Date;
    to: Date;
    policyVersion: number;
    createdBy: string;
  }): Promise<PolicyReplayRecord> {
    const [{ id }] = (await this.dataSource.query(
      `INSERT INTO policy_replays (proposal_id, window_from, window_to, policy_version, created_by)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [input.proposalId, input.from, input.to, input.policyVersion, input.createdBy],
    )) as Array<{ id: string }>;
    return (await this.findReplay(id))!;
  }

  async findReplay(id: string): Promise<PolicyReplayRecord | null> {
    const [row] = (await this.dataSource.query(
      `SELECT ${REPLAY_COLUMNS} FROM policy_replays r WHERE r.id = $1`,
      [id],
    )) as PolicyReplayRecord[];
    return row ?? null;
  }

  async replaysOf(proposalId: string): Promise<PolicyReplayRecord[]> {
    return (await this.dataSource.query(
      `SELECT ${REPLAY_COLUMNS} FROM policy_replays r WHERE r.proposal_id = $1 ORDER BY r.created_at DESC, r.id`,
      [proposalId],
    )) as PolicyReplayRecord[];
  }

  async latestReplays(proposalIds: string[]): Promise<Map<string, PolicyReplayRecord>> {
    if (proposalIds.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT ON (r.proposal_id) ${REPLAY_COLUMNS} FROM policy_replays r
        WHERE r.proposal_id = ANY($1::uuid[]) ORDER BY r.proposal_id, r.created_at DESC, r.id`,
      [proposalIds],
    )) as PolicyReplayRecord[];
    return new Map(rows.map((row) => [row.proposalId, row]));
  }

  /** The most recent completed replay of a proposal. */
  async latestCompletedReplay(
    manager: EntityManager,
    proposalId: string,
  ): Promise<PolicyReplayRecord | null> {
    const [row] = (await manager.query(
      `SELECT ${REPLAY_COLUMNS} FROM policy_replays r WHERE r.proposal_id = $1 AND r.status = 'completed'
        ORDER BY r.finished_at DESC, r.id LIMIT 1`,
      [proposalId],
    )) as PolicyReplayRecord[];
    return row ?? null;
  }

  /**
   * Claims a replay for one worker attempt and counts the calls in its window. Null when it already finished (a
   * redelivered job), so the worker does nothing.
   */
  async claimReplay(id: string, applicationId: string): Promise<PolicyReplayRecord | null> {
    // An UPDATE answers [rows, affected] through TypeORM.
    const [[row]] = (await this.dataSource.query(
      `UPDATE policy_replays r SET status = 'running', attempts = attempts + 1, started_at = now(), progress_done = 0,
              progress_total = (SELECT count(*) FROM request_logs WHERE application_id = $2
                                  AND created_at >= r.window_from AND created_at < r.window_to AND ${REPLAYABLE})
        WHERE r.id = $1 AND r.status IN ('queued', 'running') RETURNING r.id`,
      [id, applicationId],
    )) as [Array<{ id: string }>, number];
    return row ? this.findReplay(row.id) : null;
  }

  async replayProgress(id: string, done: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE policy_replays SET progress_done = $2 WHERE id = $1 AND status = 'running'`,
      [id, done],
    );
  }

  async completeReplay(id: string, result: ReplayDiff): Promise<void> {
    await this.dataSource.query(
      `UPDATE policy_replays SET status = 'completed', result = $2::jsonb, error = NULL, finished_at = now(),
              progress_done = progress_total WHERE id = $1`,
      [id, JSON.stringify(result)],
    );
  }

  /** `final`: no attempt is left, so the replay is failed for good; otherwise it waits for the retry. */
  async replayAttemptFailed(id: string, error: string, final: boolean): Promise<void> {
    await this.dataSource.query(
      `UPDATE policy_replays SET error = $2, status = CASE WHEN $3 THEN 'failed' ELSE status END,
              finished_at = CASE WHEN $3 THEN now() ELSE finished_at END
        WHERE id = $1 AND status IN ('queued', 'running')`,
      [id, error.slice(0, 2000), final],
    );
  }

  /** One page of an application's logged calls in a window, in (created_at, request_id) order after `after`. */
  async loggedCalls(
    applicationId: string,
    from: Date,
    to: Date,
    after: { createdAt: Date; requestId: string } | null,
  ): Promise<LoggedCall[]> {
    return (await this.dataSource.query(
      `SELECT request_id AS "requestId", created_at AS "createdAt", endpoint, prompt, suffix, output, verdicts
         FROM request_logs
        WHERE application_id = $1 AND created_at >= $2 AND created_at < $3 AND ${REPLAYABLE}
          AND ($4::timestamptz IS NULL OR (created_at, request_id) > ($4::timestamptz, $5::text))
        ORDER BY created_at, request_id
        LIMIT ${REPLAY_PAGE_SIZE}`,
      [applicationId, from, to, after?.createdAt ?? null, after?.requestId ?? null],
    )) as LoggedCall[];
  }
}
