import { Inject, Injectable } from '@nestjs/common';
import { WardenConfig } from '../config/config';
import { WARDEN_CONFIG } from '../config/config.module';
import { loadClassifierManifest } from '../moderation/classifier/classifier.manifest';
import { ALL_CATEGORIES, ModerationCategory } from '../moderation/moderation.types';
import { PolicyRules } from '../policies/policy.types';

/** The classifier's default when its manifest names no threshold for a category (as ClassifierService does). */
const UNCALIBRATED_THRESHOLD = 0.5;

export interface EffectiveThreshold {
  /** The score at or above which classifier verdicts trigger the rule's action. */
  threshold: number;
  /** `policy`: set on the policy; `calibrated`: the model's calibrated threshold times the policy's scale. */
  source: 'policy' | 'calibrated';
  calibrated: number;
  scale: number;
}

export type EffectiveThresholds = Record<
  ModerationCategory,
  { input: EffectiveThreshold; output: EffectiveThreshold }
>;

/**
 * The thresholds in force for a policy, as moderation applies them to classifier verdicts: the policy's own
 * threshold, else the classifier's calibrated threshold times `classifierThresholdScale`.
 */
@Injectable()
export class EffectiveThresholdsService {
  private calibrated?: Partial<Record<ModerationCategory, number>>;

  constructor(@Inject(WARDEN_CONFIG) private readonly config: WardenConfig) {}

  of(rules: PolicyRules): EffectiveThresholds {
    this.calibrated ??= this.loadCalibrated();
    const calibratedThresholds = this.calibrated;
    const scale = rules.classifierThresholdScale;
    return Object.fromEntries(
      ALL_CATEGORIES.map((category) => {
        const calibrated = calibratedThresholds[category] ?? UNCALIBRATED_THRESHOLD;
        const effective = (threshold: number | null): EffectiveThreshold =>
          threshold === null
            ? { threshold: round(calibrated * scale), source: 'calibrated', calibrated, scale }
            : { threshold, source: 'policy', calibrated, scale };
        const rule = rules.categories[category];
        return [
          category,
          { input: effective(rule.input.threshold), output: effective(rule.output.threshold) },
        ];
      }),
    ) as EffectiveThresholds;
  }

  private loadCalibrated(): Partial<Record<ModerationCategory, number>> {
    try {
      return loadClassifierManifest(this.config.moderation.classifierDirectory).thresholds;
    } catch {
      // No classifier installed: every category runs on the default.
      return {};
    }
  }
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
