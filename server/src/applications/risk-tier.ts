import { AudienceSize, OpenEndedness, Questionnaire, RiskTier, UseCaseCategory } from '../contracts';

export { RiskTier };

export interface RiskAssessment {
  tier: RiskTier;
  score: number;
  reasons: string[];
}

/** Domains where a wrong or manipulative answer can hurt someone directly. */
export const SENSITIVE_CATEGORIES: readonly UseCaseCategory[] = [
  UseCaseCategory.Health,
  UseCaseCategory.Legal,
  UseCaseCategory.Finance,
  UseCaseCategory.Politics,
];

export const LONG_OUTPUT_TOKENS = 512;
export const HIGH_VOLUME_PER_DAY = 100_000;
export const MEDIUM_SCORE = 3;
export const HIGH_SCORE = 7;

/**
 * The risk tier of an application, from its questionnaire. Each rule adds points and names itself:
 *
 * | rule                                                        | points |
 * | ----------------------------------------------------------- | ------ |
 * | free-form generation (mixed: 1)                             | 2      |
 * | end users are not authenticated                             | 2      |
 * | no human reviews outputs before end users see them          | 1      |
 * | large or public audience (medium: 1)                        | 2      |
 * | sensitive domain (health, legal, finance, politics)         | 2      |
 * | outputs longer than 512 tokens                              | 1      |
 * | more than 100,000 requests a day                            | 1      |
 *
 * High at 7 points or more, and always for free-form generation to unauthenticated end users at large scale
 * (the combination the launch review singled out); medium at 3 or more; low otherwise.
 */
export function assessRisk(questionnaire: Questionnaire): RiskAssessment {
  const reasons: string[] = [];
  let score = 0;
  const add = (points: number, reason: string) => {
    score += points;
    reasons.push(`${reason} (+${points})`);
  };

  if (questionnaire.openEndedness === OpenEndedness.FreeForm) {
    add(2, 'Free-form generation: outputs are open-ended');
  } else if (questionnaire.openEndedness === OpenEndedness.Mixed) {
    add(1, 'Partly open-ended outputs');
  }
  if (!questionnaire.endUserAuthentication) {
    add(2, 'End users are not authenticated');
  }
  if (!questionnaire.humanInTheLoop) {
    add(1, 'No human reviews outputs before end users see them');
  }
  if (questionnaire.audienceSize === AudienceSize.Large) {
    add(2, 'Large or public audience (100,000 end users or more)');
  } else if (questionnaire.audienceSize === AudienceSize.Medium) {
    add(1, 'Medium audience (1,000 to 100,000 end users)');
  }
  if (SENSITIVE_CATEGORIES.includes(questionnaire.useCaseCategory)) {
    add(2, `Sensitive domain: ${questionnaire.useCaseCategory}`);
  }
  if (questionnaire.outputLength > LONG_OUTPUT_TOKENS) {
    add(1, `Long outputs (more than ${LONG_OUTPUT_TOKENS} tokens)`);
  }
  if (questionnaire.expectedVolume > HIGH_VOLUME_PER_DAY) {
    add(1, `High volume (more than ${HIGH_VOLUME_PER_DAY.toLocaleString('en-US')} requests a day)`);
  }

  const openToThePublic =
    questionnaire.openEndedness === OpenEndedness.FreeForm &&
    !questionnaire.endUserAuthentication &&
    questionnaire.audienceSize === AudienceSize.Large;
  if (openToThePublic) {
    reasons.push('Free-form generation for unauthenticated end users at large scale is always high risk');
  }
  if (reasons.length === 0) {
    reasons.push(
      'No risk factors: constrained output, authenticated end users, human review, small audience',
    );
  }
  const tier =
    openToThePublic || score >= HIGH_SCORE
      ? RiskTier.High
      : score >= MEDIUM_SCORE
        ? RiskTier.Medium
        : RiskTier.Low;
  return { tier, score, reasons };
}
