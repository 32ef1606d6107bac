import { listContract } from '../common/list-query';
import type { OrganizationResponse } from '../contracts';
import type { OrganizationRow } from './organizations.repository';

export type { OrganizationResponse };

/** What staff may sort and filter organizations by; the repository maps each name to SQL. */
export const ORGANIZATION_LIST = listContract({
  resource: 'organizations',
  sortable: ['id', 'name', 'createdAt', 'applicationCount'],
  defaultSort: { field: 'createdAt', order: 'DESC' },
  filters: {
    id: { kind: 'values', type: 'uuid' },
    q: { kind: 'text' },
  },
});
export type OrganizationSortField = (typeof ORGANIZATION_LIST.sortable)[number];
export type OrganizationFilterField = keyof typeof ORGANIZATION_LIST.filters;

export function toOrganizationResponse(row: OrganizationRow): OrganizationResponse {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    applicationCount: row.applicationCount,
  };
}
