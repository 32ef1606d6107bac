import { z } from 'zod';

/** A held output waits for staff: released to the developer, or discarded. */
export const HeldStatus = { Pending: 'pending', Released: 'released', Discarded: 'discarded' } as const;
export type HeldStatus = (typeof HeldStatus)[keyof typeof HeldStatus];
export const HELD_STATUSES = Object.values(HeldStatus);

export const HeldDecision = { Release: 'release', Discard: 'discard' } as const;
export type HeldDecision = (typeof HeldDecision)[keyof typeof HeldDecision];
export const HELD_DECISIONS = Object.values(HeldDecision);

/** `POST /admin/held-completions/:id/decisions`. */
export const heldDecisionSchema = z.strictObject({
  decision: z.enum(HELD_DECISIONS),
  reason: z.string().trim().min(1, 'a reason is required').max(2000),
});
export type HeldDecisionInput = z.infer<typeof heldDecisionSchema>;

const timestamp = z.iso.datetime({ offset: true });

/** A held output as staff review it (`GET /admin/held-completions`). */
export const heldCompletionResponseSchema = z.strictObject({
  /** `hc_…`, the id the developer's 202 named. */
  id: z.string(),
  requestId: z.string(),
  applicationId: z.uuid(),
  applicationName: z.string(),
  apiKeyId: z.uuid(),
  endUser: z.string().nullable(),
  model: z.string(),
  /** As the client sent it: a string, several strings, or token ids. */
  prompt: z.unknown(),
  /** The completion as it would have been answered. */
  response: z.unknown(),
  verdicts: z.unknown(),
  status: z.enum(HELD_STATUSES),
  decidedBy: z.string().nullable(),
  decisionReason: z.string().nullable(),
  decidedAt: timestamp.nullable(),
  createdAt: timestamp,
});
export type HeldCompletionStaffResponse = z.infer<typeof heldCompletionResponseSchema>;
