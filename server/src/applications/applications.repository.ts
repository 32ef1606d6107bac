import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ListPage, ListQuery } from '../common/list-query';
import { ListSource, runList } from '../database/list-sql';
import { ApplicationDecisionEntity } from './application-decision.entity';
import { ApplicationEntity, ApplicationStatus } from './application.entity';
import { Questionnaire } from '../contracts';
import { ApplicationKind, KeyEnforcementReason, ReviewState } from '../contracts';
import { RiskTier } from './risk-tier';
import { APPLICATION_LIST, ApplicationFilterField, ApplicationSortField } from './applications.dto';

/** An application with its organization's name, as staff see it. */
export interface ApplicationRow {
  id: string;
  name: string;
  organizationId: string;
  organizationName: string;
  status: ApplicationStatus;
  kind: ApplicationKind;
  reviewState: ReviewState;
  riskTier: RiskTier | null;
  riskReasons: string[];
  questionnaire: Questionnaire | null;
  submittedAt: Date | null;
  reReviewAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  enforcedAt: Date | null;
  enforcementCategory: KeyEnforcementReason | null;
  enforcementReason: string | null;
}

export const APPLICATION_LIST_SOURCE: ListSource<ApplicationSortField, ApplicationFilterField> = {
  contract: APPLICATION_LIST,
  columns: `a.id, a.name, a.organization_id AS "organizationId", o.name AS "organizationName", a.status, a.kind,
    a.review_state AS "reviewState", a.risk_tier AS "riskTier", a.risk_reasons AS "riskReasons", a.questionnaire,
    a.submitted_at AS "submittedAt", a.re_review_at AS "reReviewAt", a.created_at AS "createdAt", a.updated_at AS "updatedAt",
    a.enforced_at AS "enforcedAt", a.enforcement_category AS "enforcementCategory", a.enforcement_reason AS "enforcementReason"`,
  from: 'FROM applications a JOIN organizations o ON o.id = a.organization_id',
  sortColumns: {
    id: 'a.id',
    name: 'lower(a.name)',
    organizationName: 'lower(o.name)',
    status: 'a.status',
    reviewState: 'a.review_state',
    riskTier: `array_position(ARRAY['low','medium','high'], a.risk_tier)`,
    submittedAt: 'a.submitted_at',
    reReviewAt: 'a.re_review_at',
    createdAt: 'a.created_at',
    updatedAt: 'a.updated_at',
  },
  tiebreaker: 'a.id',
  filterSql: {
    id: { column: 'a.id' },
    organizationId: { column: 'a.organization_id' },
    status: { column: 'a.status' },
    reviewState: { column: 'a.review_state' },
    riskTier: { column: 'a.risk_tier' },
    kind: { column: 'a.kind' },
    q: { search: ['a.name', 'o.name'] },
  },
};

@Injectable()
export class ApplicationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  create(
    values: Pick<ApplicationEntity, 'organizationId' | 'name' | 'status' | 'reviewState'> &
      Partial<
        Pick<
          ApplicationEntity,
          'questionnaire' | 'riskTier' | 'riskReasons' | 'createdBy' | 'kind' | 'submittedAt'
        >
      >,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ApplicationEntity> {
    const repository = manager.getRepository(ApplicationEntity);
    return repository.save(
      repository.create({
        riskReasons: [],
        questionnaire: null,
        riskTier: null,
        createdBy: null,
        kind: ApplicationKind.Product,
        ...values,
      }),
    );
  }

  findInOrganization(
    organizationId: string,
    name: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ApplicationEntity | null> {
    return manager.getRepository(ApplicationEntity).findOneBy({ organizationId, name });
  }

  findById(id: string): Promise<ApplicationEntity | null> {
    return this.dataSource.getRepository(ApplicationEntity).findOneBy({ id });
  }

  /** Locks the row: decisions and developer edits on one application run one at a time. */
  async liftEnforcement(manager: EntityManager, id: string): Promise<void> {
    await manager
      .getRepository(ApplicationEntity)
      .update({ id }, { enforcedAt: null, enforcementCategory: null, enforcementReason: null });
  }

  lock(manager: EntityManager, id: string): Promise<ApplicationEntity | null> {
    return manager
      .getRepository(ApplicationEntity)
      .createQueryBuilder('application')
      .setLock('pessimistic_write')
      .where('application.id = :id', { id })
      .getOne();
  }

  async update(
    manager: EntityManager,
    id: string,
    values: Partial<
      Pick<
        ApplicationEntity,
        | 'name'
        | 'status'
        | 'reviewState'
        | 'questionnaire'
        | 'riskTier'
        | 'riskReasons'
        | 'submittedAt'
        | 'reReviewAt'
        | 'keysExpireBy'
      >
    >,
  ): Promise<ApplicationEntity> {
    await manager.getRepository(ApplicationEntity).update({ id }, values);
    return manager.getRepository(ApplicationEntity).findOneByOrFail({ id });
  }

  listForOrganization(organizationId: string): Promise<ApplicationEntity[]> {
    return this.dataSource
      .getRepository(ApplicationEntity)
      .find({ where: { organizationId }, order: { createdAt: 'ASC' } });
  }

  list(query: ListQuery): Promise<ListPage<ApplicationRow>> {
    return runList<ApplicationRow>(this.dataSource, APPLICATION_LIST_SOURCE, query);
  }

  async findRow(id: string): Promise<ApplicationRow | null> {
    const [row] = (await this.dataSource.query(
      `SELECT ${APPLICATION_LIST_SOURCE.columns} ${APPLICATION_LIST_SOURCE.from} WHERE a.id = $1`,
      [id],
    )) as ApplicationRow[];
    return row ?? null;
  }

  insertDecision(
    manager: EntityManager,
    values: Omit<ApplicationDecisionEntity, 'id' | 'createdAt'>,
  ): Promise<ApplicationDecisionEntity> {
    const repository = manager.getRepository(ApplicationDecisionEntity);
    return repository.save(repository.create(values));
  }

  decisionsFor(applicationId: string): Promise<ApplicationDecisionEntity[]> {
    return this.dataSource
      .getRepository(ApplicationDecisionEntity)
      .find({ where: { applicationId }, order: { createdAt: 'ASC' } });
  }
}
