import { listContract } from '../common/list-query';

/** What staff may sort and filter end-users by; the repository maps each name to SQL. */
export const END_USER_LIST = listContract({
  resource: 'end-users',
  sortable: ['id', 'lastSeenAt', 'requestCount', 'flaggedCount', 'strikePoints', 'status'],
  defaultSort: { field: 'lastSeenAt', order: 'DESC' },
  filters: {
    applicationId: { kind: 'values', type: 'uuid' },
    status: { kind: 'values', type: 'text', allowed: ['active', 'throttled', 'blocked'] },
    endUser: { kind: 'values', type: 'text' },
    q: { kind: 'text' },
  },
});
export type EndUserSortField = (typeof END_USER_LIST.sortable)[number];
export type EndUserFilterField = keyof typeof END_USER_LIST.filters;
