import { z } from 'zod';
import { timestamp } from './shapes';

/** `GET /admin/organizations`. */
export const organizationResponseSchema = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  createdAt: timestamp,
  applicationCount: z.number().int().min(0),
});
export type OrganizationResponse = z.infer<typeof organizationResponseSchema>;
