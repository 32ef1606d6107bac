import { z } from 'zod';
import { DeveloperEntity } from '../organizations/developer.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import { strongPassword } from '../staff/password-policy';

export const registerSchema = z
  .object({
    organizationName: z.string().trim().min(1).max(200),
    email: z
      .email()
      .max(320)
      .transform((value) => value.toLowerCase()),
    password: z.string().max(1024),
  })
  .superRefine(strongPassword((value) => [value.email, value.organizationName]));

/** The same answer whether the address was new or already registered, so registration tells nobody which. */
export interface RegistrationResponse {
  message: string;
}

export const REGISTRATION_ACCEPTED: RegistrationResponse = {
  message:
    'If this e-mail address was not registered yet, the account now exists: sign in with it to continue.',
};

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
