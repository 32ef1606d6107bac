import { ModerationAction } from '../moderation/moderation.types';
import { PolicyPatch } from '../policies/policy.schema';
import { RiskTier } from './risk-tier';

const blockInput = { input: { action: ModerationAction.Block } };

/**
 * The policy an application gets on approval, by risk tier, written as its stored patch over the live defaults.
 * Higher tiers get shorter outputs, stricter classifier thresholds and end users named on every request.
 */
export const TIER_POLICIES: Record<RiskTier, PolicyPatch> = {
  [RiskTier.Low]: {
    limits: { maxPromptTokens: 2048, maxTokens: 512, maxTotalTokens: 2560 },
    requireUser: false,
    classifierThresholdScale: 1,
  },
  [RiskTier.Medium]: {
    limits: { maxPromptTokens: 1024, maxTokens: 256, maxTotalTokens: 1280 },
    requireUser: true,
    classifierThresholdScale: 0.9,
  },
  [RiskTier.High]: {
    limits: { maxPromptTokens: 512, maxTokens: 128, maxTotalTokens: 640 },
    requireUser: true,
    classifierThresholdScale: 0.8,
    categories: {
      harassment: blockInput,
      hate: blockInput,
      illicit: blockInput,
      'self-harm': blockInput,
      sexual: blockInput,
      violence: blockInput,
      'prompt-injection': blockInput,
      profanity: { output: { action: ModerationAction.Block } },
    },
  },
};

/** How long an approval holds before the application is due for another review, when the reviewer names no date. */
export const RE_REVIEW_AFTER_DAYS: Record<RiskTier, number> = {
  [RiskTier.Low]: 365,
  [RiskTier.Medium]: 180,
  [RiskTier.High]: 90,
};
