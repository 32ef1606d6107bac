import { z } from 'zod';
import { policyPatchSchemaWith } from '../contracts';
import { CategoryRule, GuardUse, ModerationAction, ModerationCategory } from '../moderation/moderation.types';
import { MAX_PATTERN_MATCH_CHARS, patternMatchBound } from '../moderation/pattern-bound';
import { policyPatternError } from '../moderation/text/policy-pattern';
import { PolicyRules } from './policy.types';

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

/** A partial policy as staff or operators write it (the contract's shape), its patterns checked on RE2. */
export const policyPatchSchema = policyPatchSchemaWith(regexSource);

export type PolicyPatch = z.infer<typeof policyPatchSchema>;

export function applyPolicyPatch(base: PolicyRules, patch: PolicyPatch): PolicyRules {
  const categories = { ...base.categories };
  for (const [name, change] of Object.entries(patch.categories ?? {})) {
    const category = name as ModerationCategory;
    const current = categories[category];
    categories[category] = {
      input: patchRule(current.input, change.input),
      output: patchRule(current.output, change.output),
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
    // Absent keeps a direction's margin, null hands it back to the model.
    classifierSentenceMargin: {
      ...base.classifierSentenceMargin,
      ...definedOnly(patch.classifierSentenceMargin),
    },
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

type RulePatch = NonNullable<PolicyPatch['categories']>[string]['input'];

function patchRule(base: CategoryRule, patch: RulePatch): CategoryRule {
  const { threshold, action } = definedOnly(patch);
  return {
    threshold: threshold === undefined ? base.threshold : threshold,
    // The contract spells actions as the enum's values (moderation.contract.spec keeps the two lists equal).
    action: action === undefined ? base.action : (action as ModerationAction),
  };
}

function patchGuardUse(base: GuardUse, patch: NonNullable<PolicyPatch['guards']>['llmGuard']): GuardUse {
  return {
    ...base,
    ...definedOnly({ input: patch?.input, output: patch?.output }),
    failClosed: { ...base.failClosed, ...definedOnly(patch?.failClosed) },
  };
}

function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}
