import { z } from 'zod';
import { timestamp } from './shapes';
import { DIRECTIONS, MODERATION_ACTIONS } from './moderation-vocabulary';

export * from './moderation-vocabulary';

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

/** One check's finding on one direction of a call after the policy spoke, as the request log stores it. */
export const appliedVerdictSchema = z.strictObject({
  check: z.string(),
  category: z.string(),
  score: z.number().min(0).max(1),
  /** A character range in the text judged: `param`'s on input, the first choice's on output. */
  spans: z.array(z.strictObject({ start: z.number().int(), end: z.number().int() })).optional(),
  error: z.string().optional(),
  hazards: z.array(z.string()).optional(),
  failure: z.strictObject({ mode: z.enum(['open', 'closed']), reason: z.string() }).optional(),
  direction: z.enum(DIRECTIONS),
  threshold: z.number(),
  triggered: z.boolean(),
  action: z.enum(MODERATION_ACTIONS),
  /** Input verdicts: the request parameter whose text was judged (`prompt`, `messages.2.content`); spans index it. */
  param: z.string().optional(),
});
export type AppliedVerdictResponse = z.infer<typeof appliedVerdictSchema>;

/**
 * The completion a held call would have answered, stored whole in OpenAI's completion shape (which carries more
 * fields than staff read, so unknown fields pass); a held chat keeps this shape and is presented as a chat on release.
 */
export const heldOutputSchema = z.object({
  id: z.string(),
  model: z.string(),
  choices: z.array(
    z.object({ index: z.number().int().min(0), text: z.string(), finish_reason: z.string().nullable() }),
  ),
  usage: z
    .object({
      prompt_tokens: z.number().int(),
      completion_tokens: z.number().int(),
      total_tokens: z.number().int(),
    })
    .optional(),
});
export type HeldOutput = z.infer<typeof heldOutputSchema>;

/** A held output as staff review it (`GET /admin/held-completions`). */
export const heldCompletionResponseSchema = z.strictObject({
  /** `held_…`, the id the developer's 202 named. */
  id: z.string().startsWith('held_'),
  requestId: z.string(),
  applicationId: z.uuid(),
  applicationName: z.string(),
  apiKeyId: z.uuid(),
  endUser: z.string().nullable(),
  model: z.string(),
  /** As the client sent it: a string, several strings, or token ids (a chat's is `{messages}`). */
  prompt: z.unknown(),
  response: heldOutputSchema.nullable(),
  verdicts: z.array(appliedVerdictSchema).nullable(),
  status: z.enum(HELD_STATUSES),
  decidedBy: z.string().nullable(),
  decisionReason: z.string().nullable(),
  decidedAt: timestamp.nullable(),
  createdAt: timestamp,
});
export type HeldCompletionStaffResponse = z.infer<typeof heldCompletionResponseSchema>;

/**
 * `GET /v1/held_completions/:id`: what the developer polls, in OpenAI's style (snake_case, Unix seconds); the
 * completion appears only once staff release it.
 */
export const heldCompletionBodySchema = z.strictObject({
  id: z.string().startsWith('held_'),
  object: z.literal('held_completion'),
  status: z.enum(HELD_STATUSES),
  request_id: z.string(),
  created: z.number().int().min(0),
  decided_at: z.number().int().min(0).nullable(),
  reason: z.string().nullable(),
  completion: z.unknown(),
});
export type HeldCompletionBody = z.infer<typeof heldCompletionBodySchema>;
