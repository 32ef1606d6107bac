import { Injectable } from '@nestjs/common';
import { ClassifierService } from './classifier/classifier.service';
import { ClassifierCheck } from './checks/classifier.check';
import { combineVerdicts } from './checks/combine';
import { LexiconCheck } from './checks/lexicon.check';
import { LlmGuardCheck } from './checks/llm-guard.check';
import { ModerationCheck } from './checks/moderation-check';
import { PiiCheck } from './checks/pii.check';
import { PromptInjectionCheck } from './checks/prompt-injection.check';
import { UpstreamModerationCheck } from './checks/upstream-moderation.check';
import { ACTION_SEVERITY, Direction, ModerationAction, Span, Verdict } from './moderation.types';
import { redact } from './redaction';
import { PolicyRules } from './policies/policy.types';

/** A verdict after the policy has spoken: the threshold it was held to and the action it triggers. */
export interface AppliedVerdict extends Verdict {
  direction: Direction;
  threshold: number;
  triggered: boolean;
  action: ModerationAction;
}

export interface ModerationResult {
  /** The text as it may go on: redacted where the policy says so. */
  text: string;
  verdicts: AppliedVerdict[];
  /** The most severe action any triggered verdict asks for. */
  action: ModerationAction;
  flagged: boolean;
}

const RULE_THRESHOLD = 0.5;

/** Runs every check that applies to a direction and turns verdicts into actions under a policy. */
@Injectable()
export class ModerationService {
  private readonly checks: ModerationCheck[];

  constructor(
    classifierCheck: ClassifierCheck,
    lexiconCheck: LexiconCheck,
    piiCheck: PiiCheck,
    promptInjectionCheck: PromptInjectionCheck,
    llmGuardCheck: LlmGuardCheck,
    upstreamModerationCheck: UpstreamModerationCheck,
    private readonly classifier: ClassifierService,
  ) {
    this.checks = [
      classifierCheck,
      lexiconCheck,
      piiCheck,
      promptInjectionCheck,
      llmGuardCheck,
      upstreamModerationCheck,
    ];
  }

  get classifierName(): string {
    return this.classifier.name;
  }

  async moderate(texts: string[], direction: Direction, policy: PolicyRules): Promise<ModerationResult[]> {
    if (texts.length === 0) return [];
    const applicable = this.checks.filter(
      (check) => check.directions.includes(direction) && (check.enabledFor?.(policy, direction) ?? true),
    );
    const perCheck = await Promise.all(
      applicable.map((check) =>
        check.run(texts, { direction, blocklist: policy.blocklist, guards: policy.guards }),
      ),
    );
    return texts.map((text, index) => {
      const verdicts = perCheck
        .flatMap((results) => results[index])
        .map((verdict) => this.apply(verdict, direction, policy));
      return decide(text, combineVerdicts(verdicts, policy.guards.combine));
    });
  }

  private apply(verdict: Verdict, direction: Direction, policy: PolicyRules): AppliedVerdict {
    const rule = policy.categories[verdict.category][direction];
    const threshold =
      rule.threshold ??
      (verdict.check === 'classifier'
        ? this.classifier.threshold(verdict.category) * policy.classifierThresholdScale
        : RULE_THRESHOLD);
    const triggered = verdict.score >= threshold;
    return {
      ...verdict,
      direction,
      threshold: round(threshold),
      triggered,
      action: triggered ? rule.action : ModerationAction.Allow,
    };
  }
}

/** A redaction needs spans; a verdict that asks for one without them withholds the whole text instead. */
export function decide(text: string, verdicts: AppliedVerdict[]): ModerationResult {
  let action = ModerationAction.Allow;
  const redactions: Span[] = [];
  for (const verdict of verdicts) {
    let wanted = verdict.action;
    if (wanted === ModerationAction.Redact) {
      if (verdict.spans && verdict.spans.length > 0)
        redactions.push(...verdict.spans.map((span) => ({ ...span, category: verdict.category })));
      else wanted = ModerationAction.Block;
    }
    if (ACTION_SEVERITY[wanted] > ACTION_SEVERITY[action]) action = wanted;
  }
  const flagged = verdicts.some(
    (verdict) =>
      verdict.triggered && ACTION_SEVERITY[verdict.action] >= ACTION_SEVERITY[ModerationAction.Flag],
  );
  return { text: redact(text, redactions as Array<Span & { category: string }>), verdicts, action, flagged };
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
