import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ListPage, ListQuery } from '../common/list-query';
import { ListSource, runList } from '../database/list-sql';
import {
  ApplicationStatus,
  GrantStatus,
  RenewalState,
  ResearchProfile,
  ResearchQuestionnaire,
  ResearchQuotas,
  ReviewState,
} from '../contracts';
import { ResearchGrantEntity } from './research-grant.entity';
import { RESEARCH_GRANT_LIST, ResearchGrantFilterField, ResearchGrantSortField } from './research-grants.dto';

/** A grant with its application and organization, as staff and researchers see it. */
export interface ResearchGrantRow {
  id: string;
  name: string;
  organizationId: string;
  organizationName: string;
  applicationStatus: ApplicationStatus;
  reviewState: ReviewState;
  status: GrantStatus;
  questionnaire: ResearchQuestionnaire;
  startsAt: Date | null;
  endsAt: Date | null;
  quotas: ResearchQuotas;
  profile: ResearchProfile;
  renewalState: RenewalState;
  renewalRequestedEndsAt: Date | null;
  renewalReason: string | null;
  renewalRequestedAt: Date | null;
  renewalDecidedAt: Date | null;
  renewalRationale: string | null;
  renewals: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface AttachedBiasRun {
  id: string;
  status: string;
  model: string;
  probeSets: string[];
  createdAt: Date;
  finishedAt: Date | null;
  attachedAt: Date;
}

/** The grant's status, read from the application's review and the dates (never stored, so it cannot go stale). */
const STATUS_SQL = `(CASE
  WHEN a.status = 'terminated' OR a.review_state = 'rejected' THEN 'closed'
  WHEN a.review_state <> 'approved' OR g.starts_at IS NULL OR g.ends_at IS NULL THEN 'pending'
  WHEN now() < g.starts_at THEN 'scheduled'
  WHEN now() < g.ends_at THEN 'active'
  ELSE 'expired' END)`;

export const RESEARCH_GRANT_LIST_SOURCE: ListSource<ResearchGrantSortField, ResearchGrantFilterField> = {
  contract: RESEARCH_GRANT_LIST,
  columns: `g.id, a.name, a.organization_id AS "organizationId", o.name AS "organizationName",
    a.status AS "applicationStatus", a.review_state AS "reviewState", ${STATUS_SQL} AS status, g.questionnaire,
    g.starts_at AS "startsAt", g.ends_at AS "endsAt", g.quotas, g.profile, g.renewal_state AS "renewalState",
    g.renewal_requested_ends_at AS "renewalRequestedEndsAt", g.renewal_reason AS "renewalReason",
    g.renewal_requested_at AS "renewalRequestedAt", g.renewal_decided_at AS "renewalDecidedAt",
    g.renewal_rationale AS "renewalRationale", g.renewals, g.created_at AS "createdAt", g.updated_at AS "updatedAt"`,
  from: `FROM research_grants g JOIN applications a ON a.id = g.id JOIN organizations o ON o.id = a.organization_id`,
  sortColumns: {
    id: 'g.id',
    name: 'lower(a.name)',
    organizationName: 'lower(o.name)',
    status: STATUS_SQL,
    startsAt: 'g.starts_at',
    endsAt: 'g.ends_at',
    renewalState: 'g.renewal_state',
    createdAt: 'g.created_at',
  },
  tiebreaker: 'g.id',
  filterSql: {
    id: { column: 'g.id' },
    organizationId: { column: 'a.organization_id' },
    status: { column: STATUS_SQL },
    renewalState: { column: 'g.renewal_state' },
    q: { search: ['a.name', 'o.name', `g.questionnaire->>'institution'`] },
  },
};

@Injectable()
export class ResearchGrantsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  create(
    manager: EntityManager,
    values: Pick<ResearchGrantEntity, 'id' | 'questionnaire' | 'quotas' | 'profile'>,
  ): Promise<ResearchGrantEntity> {
    const repository = manager.getRepository(ResearchGrantEntity);
    return repository.save(
      repository.create({
        ...values,
        renewalState: RenewalState.None,
        renewals: 0,
        startsAt: null,
        endsAt: null,
      }),
    );
  }

  lock(manager: EntityManager, id: string): Promise<ResearchGrantEntity | null> {
    return manager
      .getRepository(ResearchGrantEntity)
      .createQueryBuilder('grant')
      .setLock('pessimistic_write')
      .where('grant.id = :id', { id })
      .getOne();
  }

  async update(
    manager: EntityManager,
    id: string,
    values: Partial<Omit<ResearchGrantEntity, 'id' | 'createdAt' | 'updatedAt'>>,
  ): Promise<ResearchGrantEntity> {
    await manager.getRepository(ResearchGrantEntity).update({ id }, values);
    return manager.getRepository(ResearchGrantEntity).findOneByOrFail({ id });
  }

  list(query: ListQuery): Promise<ListPage<ResearchGrantRow>> {
    return runList<ResearchGrantRow>(this.dataSource, RESEARCH_GRANT_LIST_SOURCE, query);
  }

  /** Tenant-scoped: a researcher's own organization's grants only. */
  listForOrganization(organizationId: string): Promise<ResearchGrantRow[]> {
    return this.dataSource.query(
      `SELECT ${RESEARCH_GRANT_LIST_SOURCE.columns} ${RESEARCH_GRANT_LIST_SOURCE.from}
       WHERE a.organization_id = $1 ORDER BY g.created_at`,
      [organizationId],
    );
  }

  async findRow(id: string, organizationId?: string): Promise<ResearchGrantRow | null> {
    const [row] = (await this.dataSource.query(
      `SELECT ${RESEARCH_GRANT_LIST_SOURCE.columns} ${RESEARCH_GRANT_LIST_SOURCE.from}
       WHERE g.id = $1 AND ($2::uuid IS NULL OR a.organization_id = $2::uuid)`,
      [id, organizationId ?? null],
    )) as ResearchGrantRow[];
    return row ?? null;
  }

  async biasRunExists(manager: EntityManager, biasRunId: string): Promise<boolean> {
    const rows = (await manager.query(`SELECT 1 FROM bias_runs WHERE id = $1`, [biasRunId])) as unknown[];
    return rows.length > 0;
  }

  /** Idempotent: attaching a run twice keeps the first attachment. Returns whether it was new. */
  async attachBiasRun(
    manager: EntityManager,
    grantId: string,
    biasRunId: string,
    staffId: string,
  ): Promise<boolean> {
    const rows = (await manager.query(
      `INSERT INTO research_grant_bias_runs (grant_id, bias_run_id, attached_by) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING bias_run_id`,
      [grantId, biasRunId, staffId],
    )) as unknown[];
    return rows.length > 0;
  }

  biasRunsFor(grantId: string): Promise<AttachedBiasRun[]> {
    return this.dataSource.query(
      `SELECT r.id, r.status, r.model, r.probe_sets AS "probeSets", r.created_at AS "createdAt",
              r.finished_at AS "finishedAt", l.attached_at AS "attachedAt"
       FROM research_grant_bias_runs l JOIN bias_runs r ON r.id = l.bias_run_id
       WHERE l.grant_id = $1 ORDER BY l.attached_at`,
      [grantId],
    );
  }
}
