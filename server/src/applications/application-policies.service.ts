import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ListPage, ListQuery } from '../common/list-query';
import { ListSource, runList } from '../database/list-sql';
import { AuditService } from '../audit/audit.service';
import { Actor, AuditAction, AuditEntityType } from '../audit/audit.types';
import { InvalidRequestError } from '../common/errors';
import { OrganizationsService } from '../organizations/organizations.service';
import { InvalidPolicyError, PoliciesService } from '../policies/policies.service';
import { PolicyPatch } from '../policies/policy.schema';
import { PolicyRules } from '../policies/policy.types';
import { ApplicationStatus } from './application.entity';
import { ApplicationReviewError, ApplicationReviewErrorCode } from './applications.errors';
import { ClassifierDefaults, EffectiveThresholds, EffectiveThresholdsService } from './effective-thresholds';
import { POLICY_LIST, PolicyFilterField, PolicySortField } from './applications.dto';

export interface ApplicationPolicy {
  applicationId: string;
  applicationName: string;
  applicationStatus: ApplicationStatus;
  rules: PolicyRules;
  patch: PolicyPatch;
  effective: EffectiveThresholds;
}

interface PolicyApplicationRow {
  id: string;
  name: string;
  status: ApplicationStatus;
  organizationId: string;
}

export const POLICY_LIST_SOURCE: ListSource<PolicySortField, PolicyFilterField> = {
  contract: POLICY_LIST,
  columns: 'a.id, a.name, a.status, a.organization_id AS "organizationId"',
  from: 'FROM applications a',
  sortColumns: { id: 'a.id', applicationName: 'lower(a.name)', applicationStatus: 'a.status' },
  tiebreaker: 'a.id',
  filterSql: {
    id: { column: 'a.id' },
    organizationId: { column: 'a.organization_id' },
    applicationStatus: { column: 'a.status' },
    q: { search: ['a.name'] },
  },
};

/** The policies resource: one per application, its resolved rules and the stored patch they come from. */
@Injectable()
export class ApplicationPoliciesService {
  constructor(
    private readonly policies: PoliciesService,
    private readonly audit: AuditService,
    private readonly thresholds: EffectiveThresholdsService,
    private readonly organizations: OrganizationsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async list(query: ListQuery): Promise<ListPage<ApplicationPolicy>> {
    const page = await runList<PolicyApplicationRow>(this.dataSource, POLICY_LIST_SOURCE, query);
    return { total: page.total, rows: await Promise.all(page.rows.map((row) => this.describe(row))) };
  }

  /** The installed classifier's calibrated thresholds under the default live and sandbox policies (read-only). */
  classifierDefaults(): ClassifierDefaults {
    return this.thresholds.classifierDefaults();
  }

  async get(applicationId: string): Promise<ApplicationPolicy> {
    return this.describe(await this.application(applicationId));
  }

  /**
   * Validated by the policy schema; 400 lists every problem. Audited right after the write: PoliciesService
   * keeps its own transaction, so the two are not atomic. Every staff edit, an applied policy proposal's too, is
   * refused to staff who are developers in the application's organization (self-review): whether a patch loosens
   * or tightens is not told apart, any edit sets the terms their own application is held to.
   */
  async update(actor: Actor, applicationId: string, change: unknown): Promise<ApplicationPolicy> {
    const application = await this.application(applicationId);
    if (actor.email) await this.organizations.assertOutsider(application.organizationId, actor.email);
    const before = await this.policies.storedPatch(applicationId);
    try {
      await this.policies.update(application, change);
    } catch (err) {
      if (err instanceof InvalidPolicyError) {
        throw new InvalidRequestError(
          ApplicationReviewErrorCode.InvalidPolicy,
          `Invalid policy: ${err.problems.join('; ')}`,
        );
      }
      throw err;
    }
    const described = await this.describe(application);
    await this.audit.recordAlone({
      actor,
      action: AuditAction.PolicyUpdated,
      entityType: AuditEntityType.Policy,
      entityId: applicationId,
      before: { patch: before },
      after: { patch: described.patch },
    });
    return described;
  }

  private async application(applicationId: string): Promise<PolicyApplicationRow> {
    const [row] = (await this.dataSource.query(
      `SELECT ${POLICY_LIST_SOURCE.columns} ${POLICY_LIST_SOURCE.from} WHERE a.id = $1`,
      [applicationId],
    )) as PolicyApplicationRow[];
    if (!row) {
      throw ApplicationReviewError.notFound(applicationId);
    }
    return row;
  }

  private async describe(row: PolicyApplicationRow): Promise<ApplicationPolicy> {
    const [rules, patch] = await Promise.all([this.policies.resolve(row), this.policies.storedPatch(row.id)]);
    return {
      applicationId: row.id,
      applicationName: row.name,
      applicationStatus: row.status,
      rules,
      patch,
      effective: this.thresholds.of(rules),
    };
  }
}
