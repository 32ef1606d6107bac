import { z } from 'zod';
import { email } from './shapes';

/** `POST /portal/auth/register`; the server adds the password-strength check against the account's own words. */
export const registerSchema = z.object({
  organizationName: z.string().trim().min(1).max(200),
  email,
  password: z.string().max(1024),
});
export type RegisterInput = z.input<typeof registerSchema>;

/** The same answer whether the address was new or already registered, so registration tells nobody which. */
export const registrationResponseSchema = z.strictObject({ message: z.string().min(1) });
export type RegistrationResponse = z.infer<typeof registrationResponseSchema>;

/** `GET /portal/auth/me`, and the `user` of a developer's sign-in. */
export const developerSummarySchema = z.strictObject({
  id: z.uuid(),
  email: z.string(),
  organizationId: z.uuid(),
  organizationName: z.string(),
});
export type DeveloperSummary = z.infer<typeof developerSummarySchema>;
