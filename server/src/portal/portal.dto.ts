import {
  registerSchema as registerShape,
  type DeveloperSummary,
  type RegistrationResponse,
} from '../contracts';
import { DeveloperEntity } from '../organizations/developer.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import { strongPassword } from '../staff/password-policy';

export type { DeveloperSummary, RegistrationResponse };

export const registerSchema = registerShape.superRefine(
  strongPassword((value) => [value.email, value.organizationName]),
);

export const REGISTRATION_ACCEPTED: RegistrationResponse = {
  message:
    'If this e-mail address was not registered yet, the account now exists: sign in with it to continue.',
};

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
