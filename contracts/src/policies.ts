import { z } from 'zod';
import { APPLICATION_STATUSES } from './applications';
import { MODERATION_ACTIONS, MODERATION_CATEGORIES } from './moderation';

/** What an application's calls are held to; stored per application as a patch over its status's defaults. */
const rule = z.strictObject({
  /** Score at or above which the action applies; null means the classifier's calibrated threshold. */
  threshold: z.number().min(0).max(1).nullable(),
  action: z.enum(MODERATION_ACTIONS),
});
const guardUse = z.strictObject({
  input: z.boolean(),
  output: z.boolean(),
  failClosed: z.strictObject({ input: z.boolean(), output: z.boolean() }),
});

export const policyRulesSchema = z.strictObject({
  categories: z.record(z.enum(MODERATION_CATEGORIES), z.strictObject({ input: rule, output: rule })),
  limits: z.strictObject({
    maxPromptTokens: z.number().int(),
    maxTokens: z.number().int(),
    maxTotalTokens: z.number().int(),
  }),
  rateLimits: z.strictObject({
    requestsPerMinute: z.number().int(),
    tokensPerMinute: z.number().int(),
    endUserRequestsPerMinute: z.number().int(),
    endUserTokensPerMinute: z.number().int(),
    applicationRequestsPerMinute: z.number().int(),
    applicationTokensPerMinute: z.number().int(),
  }),
  strikes: z.strictObject({
    throttleAt: z.number(),
    blockAt: z.number(),
    throttledRequestsPerMinute: z.number().int(),
    halfLifeHours: z.number().nullable(),
  }),
  blocklist: z.strictObject({
    words: z.array(z.string()),
    phrases: z.array(z.string()),
    patterns: z.array(z.string()),
  }),
  requireUser: z.boolean(),
  retentionDays: z.number().int(),
  redactLoggedText: z.boolean(),
  exemptSystemPrompt: z.boolean(),
  classifierThresholdScale: z.number(),
  classifierSentenceMargin: z.strictObject({ input: z.number().nullable(), output: z.number().nullable() }),
  guards: z.strictObject({
    llmGuard: guardUse,
    upstreamModeration: guardUse,
    combine: z.enum(['max', 'min']),
  }),
  fineTuning: z.strictObject({ maxFlaggedShare: z.number(), reviewAboveShare: z.number() }),
});
export type PolicyRulesResponse = z.infer<typeof policyRulesSchema>;

const patchRule = z.strictObject({
  threshold: z.number().min(0).max(1).nullable().optional(),
  action: z.enum(MODERATION_ACTIONS).optional(),
});
const patchDirections = z.strictObject({ input: z.boolean().optional(), output: z.boolean().optional() });
const patchGuardUse = z.strictObject({
  input: z.boolean().optional(),
  output: z.boolean().optional(),
  failClosed: patchDirections.optional(),
});

/**
 * A partial policy as staff or operators write it; anything left out keeps its current value. Blocklist patterns
 * are checked by `pattern`: the server passes its RE2 and match-length check, the console takes any string.
 */
export function policyPatchSchemaWith(pattern: z.ZodType<string>) {
  return z.strictObject({
    categories: z
      .record(z.string(), z.strictObject({ input: patchRule.optional(), output: patchRule.optional() }))
      .refine(
        (value) =>
          Object.keys(value).every((key) => (MODERATION_CATEGORIES as readonly string[]).includes(key)),
        { message: `categories must be among: ${MODERATION_CATEGORIES.join(', ')}` },
      )
      .optional(),
    limits: z
      .strictObject({
        maxPromptTokens: z.number().int().min(1).optional(),
        maxTokens: z.number().int().min(1).optional(),
        maxTotalTokens: z.number().int().min(1).optional(),
      })
      .optional(),
    rateLimits: z
      .strictObject({
        requestsPerMinute: z.number().int().min(1).optional(),
        tokensPerMinute: z.number().int().min(1).optional(),
        endUserRequestsPerMinute: z.number().int().min(1).optional(),
        endUserTokensPerMinute: z.number().int().min(1).optional(),
        applicationRequestsPerMinute: z.number().int().min(1).optional(),
        applicationTokensPerMinute: z.number().int().min(1).optional(),
      })
      .optional(),
    strikes: z
      .strictObject({
        throttleAt: z.number().min(0).optional(),
        blockAt: z.number().min(0).optional(),
        throttledRequestsPerMinute: z.number().int().min(1).optional(),
        /** Strike points halve every this many hours; `null`: they never fade. At most ten years. */
        halfLifeHours: z.number().positive().max(87_600).nullable().optional(),
      })
      .optional(),
    blocklist: z
      .strictObject({
        words: z.array(z.string().min(1)).max(10_000).optional(),
        phrases: z.array(z.string().min(1)).max(10_000).optional(),
        patterns: z.array(pattern).max(500).optional(),
      })
      .optional(),
    requireUser: z.boolean().optional(),
    classifierThresholdScale: z.number().min(0.1).max(2).optional(),
    classifierSentenceMargin: z
      .strictObject({
        input: z.number().min(0).max(10).nullable().optional(),
        output: z.number().min(0).max(10).nullable().optional(),
      })
      .optional(),
    retentionDays: z.number().int().min(1).max(3650).optional(),
    redactLoggedText: z.boolean().optional(),
    guards: z
      .strictObject({
        llmGuard: patchGuardUse.optional(),
        upstreamModeration: patchGuardUse.optional(),
        combine: z.enum(['max', 'min']).optional(),
      })
      .optional(),
    exemptSystemPrompt: z.boolean().optional(),
    fineTuning: z
      .strictObject({
        maxFlaggedShare: z.number().min(0).max(1).optional(),
        reviewAboveShare: z.number().min(0).max(1).optional(),
      })
      .optional(),
  });
}
/** The patch's shape; the server validates with `policyPatchSchemaWith(its pattern check)`. */
export const policyPatchSchema = policyPatchSchemaWith(z.string());
export type PolicyPatch = z.infer<typeof policyPatchSchema>;

const effectiveThreshold = z.strictObject({
  /** The score at or above which classifier verdicts trigger the rule's action. */
  threshold: z.number(),
  /** `policy`: set on the policy; `calibrated`: the model's calibrated threshold times the policy's scale. */
  source: z.enum(['policy', 'calibrated']),
  calibrated: z.number(),
  scale: z.number(),
});
export type EffectiveThreshold = z.infer<typeof effectiveThreshold>;

/** `GET /admin/policies`: the rules in force, the stored patch, and the classifier threshold in force. */
export const policyResponseSchema = z.strictObject({
  /** The application's id. */
  id: z.uuid(),
  applicationName: z.string(),
  applicationStatus: z.enum(APPLICATION_STATUSES),
  rules: policyRulesSchema,
  patch: policyPatchSchema,
  effective: z.record(
    z.enum(MODERATION_CATEGORIES),
    z.strictObject({ input: effectiveThreshold, output: effectiveThreshold }),
  ),
});
export type PolicyResponse = z.infer<typeof policyResponseSchema>;

/** `GET /admin/policies/classifier-thresholds`: what the model calibrated and the default policies apply. */
export const classifierThresholdsResponseSchema = z.strictObject({
  classifier: z.string().nullable(),
  /** The logits a sentence read on its own must score over its threshold, per direction (config `sentence_margin`). */
  sentenceMargin: z.strictObject({ input: z.number(), output: z.number() }).nullable(),
  liveScale: z.number(),
  sandboxScale: z.number(),
  categories: z.array(
    z.strictObject({
      category: z.enum(MODERATION_CATEGORIES),
      calibrated: z.number(),
      /** The score that triggers under each default policy, per direction (a default may set its own threshold). */
      live: z.strictObject({ input: z.number(), output: z.number() }),
      sandbox: z.strictObject({ input: z.number(), output: z.number() }),
    }),
  ),
});
export type ClassifierThresholdsResponse = z.infer<typeof classifierThresholdsResponseSchema>;
