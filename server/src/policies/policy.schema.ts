import { z } from 'zod';
import {
  ALL_CATEGORIES,
  GuardUse,
  ModerationAction,
  ModerationCategory,
} from '../moderation/moderation.types';
import { MAX_PATTERN_MATCH_CHARS, patternMatchBound } from '../moderation/pattern-bound';
import { policyPatternError } from '../moderation/text/policy-pattern';
import { PolicyRules } from './policy.types';

const ruleSchema = z
  .object({
    threshold: z.number().min(0).max(1).nullable().optional(),
    action: z.enum(ModerationAction).optional(),
  })
  .strict();

const categorySchema = z.object({ input: ruleSchema.optional(), output: ruleSchema.optional() }).strict();

const directions = z.object({ input: z.boolean().optional(), output: z.boolean().optional() }).strict();
const guardUseSchema = z
  .object({
    input: z.boolean().optional(),
    output: z.boolean().optional(),
    failClosed: directions.optional(),
  })
  .strict();

/**
 * Patterns run on RE2: one it cannot compile (backreferences, lookaround, bad syntax) is refused by name. A stream
 * holds back the longest possible match, so a pattern must also have one.
 */
const regexSource = z.string().superRefine((source, context) => {
  const error = policyPatternError(source);
  if (error) {
    context.addIssue({ code: 'custom', message: `pattern ${JSON.stringify(source)} is refused: ${error}` });
  } else if (patternMatchBound(source) > MAX_PATTERN_MATCH_CHARS) {
    context.addIssue({
      code: 'custom',
      message: `pattern ${JSON.stringify(source)} can match more than ${MAX_PATTERN_MATCH_CHARS} characters; bound every repetition (e.g. {1,20} instead of + or *)`,
    });
  }
});

/** A partial policy as staff or operators write it; anything left out keeps its current value. */
export const policyPatchSchema = z
  .object({
    categories: z
      .record(z.string(), categorySchema)
      .refine(
        (value) => Object.keys(value).every((key) => (ALL_CATEGORIES as readonly string[]).includes(key)),
        {
          message: `categories must be among: ${ALL_CATEGORIES.join(', ')}`,
        },
      )
      .optional(),
    limits: z
      .object({
        maxPromptTokens: z.number().int().min(1).optional(),
        maxTokens: z.number().int().min(1).optional(),
        maxTotalTokens: z.number().int().min(1).optional(),
      })
      .strict()
      .optional(),
    rateLimits: z
      .object({
        requestsPerMinute: z.number().int().min(1).optional(),
        tokensPerMinute: z.number().int().min(1).optional(),
        endUserRequestsPerMinute: z.number().int().min(1).optional(),
        endUserTokensPerMinute: z.number().int().min(1).optional(),
        applicationRequestsPerMinute: z.number().int().min(1).optional(),
        applicationTokensPerMinute: z.number().int().min(1).optional(),
      })
      .strict()
      .optional(),
    strikes: z
      .object({
        throttleAt: z.number().min(0).optional(),
        blockAt: z.number().min(0).optional(),
        throttledRequestsPerMinute: z.number().int().min(1).optional(),
      })
      .strict()
      .optional(),
    blocklist: z
      .object({
        words: z.array(z.string().min(1)).max(10_000).optional(),
        phrases: z.array(z.string().min(1)).max(10_000).optional(),
        patterns: z.array(regexSource).max(500).optional(),
      })
      .strict()
      .optional(),
    requireUser: z.boolean().optional(),
    classifierThresholdScale: z.number().min(0.1).max(2).optional(),
    retentionDays: z.number().int().min(1).max(3650).optional(),
    redactLoggedText: z.boolean().optional(),
    guards: z
      .object({
        llmGuard: guardUseSchema.optional(),
        upstreamModeration: guardUseSchema.optional(),
        combine: z.enum(['max', 'min']).optional(),
      })
      .strict()
      .optional(),
    exemptSystemPrompt: z.boolean().optional(),
    fineTuning: z
      .object({
        maxFlaggedShare: z.number().min(0).max(1).optional(),
        reviewAboveShare: z.number().min(0).max(1).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type PolicyPatch = z.infer<typeof policyPatchSchema>;

export function applyPolicyPatch(base: PolicyRules, patch: PolicyPatch): PolicyRules {
  const categories = { ...base.categories };
  for (const [name, change] of Object.entries(patch.categories ?? {})) {
    const category = name as ModerationCategory;
    const current = categories[category];
    categories[category] = {
      input: { ...current.input, ...definedOnly(change.input) },
      output: { ...current.output, ...definedOnly(change.output) },
    };
  }
  return {
    categories,
    limits: { ...base.limits, ...definedOnly(patch.limits) },
    rateLimits: { ...base.rateLimits, ...definedOnly(patch.rateLimits) },
    strikes: { ...base.strikes, ...definedOnly(patch.strikes) },
    blocklist: { ...base.blocklist, ...definedOnly(patch.blocklist) },
    requireUser: patch.requireUser ?? base.requireUser,
    classifierThresholdScale: patch.classifierThresholdScale ?? base.classifierThresholdScale,
    retentionDays: patch.retentionDays ?? base.retentionDays,
    redactLoggedText: patch.redactLoggedText ?? base.redactLoggedText,
    exemptSystemPrompt: patch.exemptSystemPrompt ?? base.exemptSystemPrompt,
    guards: {
      llmGuard: patchGuardUse(base.guards.llmGuard, patch.guards?.llmGuard),
      upstreamModeration: patchGuardUse(base.guards.upstreamModeration, patch.guards?.upstreamModeration),
      combine: patch.guards?.combine ?? base.guards.combine,
    },
    fineTuning: { ...base.fineTuning, ...definedOnly(patch.fineTuning) },
  };
}

/** Rules that span fields, checked on the policy a patch produces. */
export function policyProblems(rules: PolicyRules): string[] {
  const { maxFlaggedShare, reviewAboveShare } = rules.fineTuning;
  return reviewAboveShare > maxFlaggedShare
    ? [
        `fineTuning.reviewAboveShare: must not exceed fineTuning.maxFlaggedShare (${maxFlaggedShare}); ` +
          'files between the two go to staff review',
      ]
    : [];
}

function patchGuardUse(base: GuardUse, patch: z.infer<typeof guardUseSchema> | undefined): GuardUse {
  return {
    ...base,
    ...definedOnly({ input: patch?.input, output: patch?.output }),
    failClosed: { ...base.failClosed, ...definedOnly(patch?.failClosed) },
  };
}

function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}
