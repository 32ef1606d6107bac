import { listContract } from '../common/list-query';
import { END_USER_STATUSES, endUserDecisionSchema, type EndUserResponse } from '../contracts';
import type { EndUserAdminRow } from './end-users.admin.service';

export { endUserDecisionSchema, type EndUserResponse };

/** What staff may sort and filter end-users by; the repository maps each name to SQL. */
export const END_USER_LIST = listContract({
  resource: 'end-users',
  sortable: ['id', 'lastSeenAt', 'requestCount', 'flaggedCount', 'strikePoints', 'status'],
  defaultSort: { field: 'lastSeenAt', order: 'DESC' },
  filters: {
    applicationId: { kind: 'values', type: 'uuid' },
    status: { kind: 'values', type: 'text', allowed: END_USER_STATUSES },
    endUser: { kind: 'values', type: 'text' },
    q: { kind: 'text' },
  },
});
export type EndUserSortField = (typeof END_USER_LIST.sortable)[number];
export type EndUserFilterField = keyof typeof END_USER_LIST.filters;

export function toEndUserResponse(row: EndUserAdminRow): EndUserResponse {
  return {
    id: row.id,
    applicationId: row.applicationId,
    applicationName: row.applicationName,
    endUser: row.endUser,
    requestCount: row.requestCount,
    flaggedCount: row.flaggedCount,
    flaggedRate: row.flaggedRate,
    strikePoints: row.strikePoints,
    status: row.status,
    blockedByStaff: row.blockedByStaff,
    statusReason: row.statusReason,
    statusChangedAt: row.statusChangedAt?.toISOString() ?? null,
    firstSeenAt: row.firstSeenAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
  };
}
