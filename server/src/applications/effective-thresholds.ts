import { Inject, Injectable } from '@nestjs/common';
import { WardenConfig } from '../config/config';
import { WARDEN_CONFIG } from '../config/config.module';
import { loadClassifierManifest, SentenceMargin } from '../moderation/classifier/classifier.manifest';
import { ALL_CATEGORIES, ModerationCategory } from '../moderation/moderation.types';
import { defaultPolicy, SANDBOX_STATUS } from '../policies/policy.defaults';
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

/** The installed classifier's calibrated thresholds and what the default live and sandbox policies make of them. */
export interface ClassifierDefaults {
  classifier: string | null;
  sentenceMargin: SentenceMargin | null;
  liveScale: number;
  sandboxScale: number;
  categories: Array<{
    category: ModerationCategory;
    calibrated: number;
    live: { input: number; output: number };
    sandbox: { input: number; output: number };
  }>;
}

/**
 * The thresholds in force for a policy, as moderation applies them to classifier verdicts: the policy's own
 * threshold, else the classifier's calibrated threshold times `classifierThresholdScale`.
 */
@Injectable()
export class EffectiveThresholdsService {
  private calibrated?: Partial<Record<ModerationCategory, number>>;
  private classifierName?: string;
  private sentenceMargin?: SentenceMargin;

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

  /**
   * Read-only view for staff: per category the model calibrated (config.json `thresholds`), the score that
   * triggers under the default live policy and under the default sandbox policy, per direction (calibrated × each
   * one's scale, or the default's own threshold: live refuses some severe categories on input only from even odds).
   */
  classifierDefaults(): ClassifierDefaults {
    this.calibrated ??= this.loadCalibrated();
    const calibrated = this.calibrated;
    const [live, sandbox] = [defaultPolicy('live'), defaultPolicy(SANDBOX_STATUS)];
    const [liveThresholds, sandboxThresholds] = [this.of(live), this.of(sandbox)];
    const inForce = (thresholds: EffectiveThresholds, category: ModerationCategory) => ({
      input: thresholds[category].input.threshold,
      output: thresholds[category].output.threshold,
    });
    const [liveScale, sandboxScale] = [live.classifierThresholdScale, sandbox.classifierThresholdScale];
    return {
      classifier: this.classifierName ?? null,
      sentenceMargin: this.sentenceMargin ?? null,
      liveScale,
      sandboxScale,
      categories: ALL_CATEGORIES.flatMap((category) => {
        const value = calibrated[category];
        return value === undefined
          ? []
          : [
              {
                category,
                calibrated: value,
                live: inForce(liveThresholds, category),
                sandbox: inForce(sandboxThresholds, category),
              },
            ];
      }),
    };
  }

  private loadCalibrated(): Partial<Record<ModerationCategory, number>> {
    try {
      const manifest = loadClassifierManifest(this.config.moderation.classifierDirectory);
      this.classifierName = manifest.name;
      this.sentenceMargin = manifest.sentenceMargin;
      return manifest.thresholds;
    } catch {
      // No classifier installed: every category runs on the default.
      return {};
    }
  }
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
