import { EndUserErrorCode } from './end-users.errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isUuid, ListPage, ListQuery } from '../common/list-query';
import { ListSource, runList } from '../database/list-sql';
import { AuditService } from '../audit/audit.service';
import { Actor, AuditAction, AuditEntityType } from '../audit/audit.types';
import { NotFoundError } from '../common/errors';
import { OrganizationsService } from '../organizations/organizations.service';
import { CURRENT_STRIKE_POINTS } from './end-users.repository';
import { EndUsersService } from './end-users.service';
import { END_USER_LIST, EndUserFilterField, EndUserSortField } from './end-users.dto';

export interface EndUserAdminRow {
  id: string;
  applicationId: string;
  applicationName: string;
  /** The application's organization: whose staff may not unblock its end users (self-review). */
  organizationId: string;
  endUser: string;
  requestCount: number;
  flaggedCount: number;
  flaggedRate: number;
  strikePoints: number;
  status: 'active' | 'throttled' | 'blocked';
  blockedByStaff: boolean;
  statusReason: string | null;
  statusChangedAt: Date | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
}

export const END_USER_LIST_SOURCE: ListSource<EndUserSortField, EndUserFilterField> = {
  contract: END_USER_LIST,
  columns: `u.application_id || ':' || u.end_user AS id, u.application_id AS "applicationId", a.name AS "applicationName",
    a.organization_id AS "organizationId", u.end_user AS "endUser", u.request_count::int AS "requestCount",
    u.flagged_count::int AS "flaggedCount",
    CASE WHEN u.request_count > 0 THEN u.flagged_count::float / u.request_count ELSE 0 END AS "flaggedRate",
    round((${CURRENT_STRIKE_POINTS})::numeric, 2)::float AS "strikePoints", u.status, u.blocked_by_staff AS "blockedByStaff", u.status_reason AS "statusReason", u.status_changed_at AS "statusChangedAt",
    u.first_seen_at AS "firstSeenAt", u.last_seen_at AS "lastSeenAt"`,
  from: 'FROM end_users u JOIN applications a ON a.id = u.application_id',
  sortColumns: {
    id: 'u.last_seen_at',
    lastSeenAt: 'u.last_seen_at',
    requestCount: 'u.request_count',
    flaggedCount: 'u.flagged_count',
    strikePoints: CURRENT_STRIKE_POINTS,
    status: 'u.status',
  },
  tiebreaker: "u.application_id || ':' || u.end_user",
  filterSql: {
    applicationId: { column: 'u.application_id' },
    status: { column: 'u.status' },
    endUser: { column: 'u.end_user' },
    q: { search: ['u.end_user', 'a.name'] },
  },
};

@Injectable()
export class EndUsersAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly endUsers: EndUsersService,
    private readonly audit: AuditService,
    private readonly organizations: OrganizationsService,
  ) {}

  list(query: ListQuery): Promise<ListPage<EndUserAdminRow>> {
    return runList<EndUserAdminRow>(this.dataSource, END_USER_LIST_SOURCE, query);
  }

  async get(id: string): Promise<EndUserAdminRow | null> {
    const { applicationId, endUser } = splitId(id);
    const rows = (await this.dataSource.query(
      `SELECT ${END_USER_LIST_SOURCE.columns} ${END_USER_LIST_SOURCE.from} WHERE u.application_id = $1 AND u.end_user = $2`,
      [applicationId, endUser],
    )) as EndUserAdminRow[];
    return rows[0] ?? null;
  }

  /** Gives an end user back the application's service: not by staff who are its developers (self-review). */
  async unblock(actor: Actor, id: string, reason: string): Promise<EndUserAdminRow> {
    return this.decide(actor, id, reason, AuditAction.EndUserUnblocked, async (before) => {
      if (actor.email) await this.organizations.assertOutsider(before.organizationId, actor.email);
      await this.endUsers.unblock(before.applicationId, before.endUser, reason);
    });
  }

  /** Refuses an end user the application's service until staff lift the block, however their points fade. */
  async block(actor: Actor, id: string, reason: string): Promise<EndUserAdminRow> {
    return this.decide(actor, id, reason, AuditAction.EndUserBlocked, (before) =>
      this.endUsers.block(before.applicationId, before.endUser, reason),
    );
  }

  /** A staff decision on one end user, recorded in the audit log with the standing before and after. */
  private async decide(
    actor: Actor,
    id: string,
    reason: string,
    action: AuditAction,
    apply: (before: EndUserAdminRow) => Promise<unknown>,
  ): Promise<EndUserAdminRow> {
    const before = await this.get(id);
    if (!before) throw new NotFoundError(EndUserErrorCode.EndUserNotFound, `No end user ${id}.`, 'id');
    await apply(before);
    const after = (await this.get(id))!;
    const standing = (row: EndUserAdminRow) => ({
      status: row.status,
      blockedByStaff: row.blockedByStaff,
      strikePoints: row.strikePoints,
    });
    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, {
        actor,
        action,
        entityType: AuditEntityType.EndUser,
        entityId: id,
        before: standing(before),
        after: { ...standing(after), reason },
      }),
    );
    return after;
  }
}

function splitId(id: string): { applicationId: string; endUser: string } {
  const separator = id.indexOf(':');
  const applicationId = id.slice(0, separator);
  if (separator !== 36 || !isUuid(applicationId)) {
    throw new NotFoundError(EndUserErrorCode.EndUserNotFound, `No end user ${id}.`, 'id');
  }
  return { applicationId, endUser: id.slice(separator + 1) };
}
