import { OrganizationRow } from './organizations.repository';

export interface OrganizationResponse {
  id: string;
  name: string;
  createdAt: string;
  applicationCount: number;
}

export function toOrganizationResponse(row: OrganizationRow): OrganizationResponse {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    applicationCount: row.applicationCount,
  };
}
