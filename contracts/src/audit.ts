import { z } from 'zod';
import { timestamp } from './shapes';

/** `GET /admin/audit-log`: one link of the hash chain. */
export const auditEventResponseSchema = z.strictObject({
  id: z.uuid(),
  seq: z.number().int().min(1),
  at: timestamp,
  actorType: z.string(),
  actorId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  prevHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
});
export type AuditEventResponse = z.infer<typeof auditEventResponseSchema>;

/** `GET /admin/audit-log/verify`. */
export const chainStatusResponseSchema = z.strictObject({
  valid: z.boolean(),
  checked: z.number().int().min(0),
  firstInvalidSeq: z.number().int().nullable(),
});
export type ChainStatusResponse = z.infer<typeof chainStatusResponseSchema>;
