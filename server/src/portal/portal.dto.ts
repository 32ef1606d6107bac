import { z } from 'zod';
import { DeveloperEntity } from '../organizations/developer.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import { MIN_PASSWORD_LENGTH } from '../staff/staff.dto';

export const registerSchema = z.object({
  organizationName: z.string().trim().min(1).max(200),
  email: z
    .email()
    .max(320)
    .transform((value) => value.toLowerCase()),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(1024),
});

export interface DeveloperSummary {
  id: string;
  email: string;
  organizationId: string;
  organizationName: string;
}

export function toDeveloperSummary(
  developer: DeveloperEntity,
  organization: OrganizationEntity,
): DeveloperSummary {
  return {
    id: developer.id,
    email: developer.email,
    organizationId: organization.id,
    organizationName: organization.name,
  };
}
