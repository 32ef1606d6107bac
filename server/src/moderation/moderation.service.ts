import { Inject, Injectable } from '@nestjs/common';
import { Logger } from 'pino';
import { LOGGER } from '../common/logger.module';
import { mapInSlices } from '../common/map-in-slices';
import { ClassifierService } from './classifier/classifier.service';
import { ClassifierCheck } from './checks/classifier.check';
import { combineVerdicts } from './checks/combine';
import { LexiconCheck } from './checks/lexicon.check';
import { LlmGuardCheck } from './checks/llm-guard.check';
import { ModerationCheck } from './checks/moderation-check';
import { PiiCheck } from './checks/pii.check';
import { PromptInjectionCheck } from './checks/prompt-injection.check';
import { TopicalityCheck } from './checks/topicality.check';
import { UpstreamModerationCheck } from './checks/upstream-moderation.check';
import { ModerationError } from './moderation.errors';
import {
  ACTION_SEVERITY,
  Direction,
  ModerationAction,
  ModerationPolicy,
  Span,
  Verdict,
} from './moderation.types';
import { redact } from './redaction';

/** A verdict after the policy has spoken: the threshold it was held to and the action it triggers. */
export interface AppliedVerdict extends Verdict {
  direction: Direction;
  threshold: number;
  triggered: boolean;
  action: ModerationAction;
  /** Input only: the request parameter whose text was judged (`prompt`, `messages.2.content`), which spans index. */
  param?: string;
}

export interface ModerationResult {
  /** The text as it may go on: redacted where the policy says so. */
  text: string;
  verdicts: AppliedVerdict[];
  /** The most severe action any triggered verdict asks for. */
  action: ModerationAction;
  flagged: boolean;
}

/** Input moderation of every text a client sends to a model, decided as one. */
export interface InputScreening {
  /** The texts as they may reach the model (redacted where the policy says so), in the order given. */
  texts: string[];
  action: ModerationAction;
  verdicts: AppliedVerdict[];
  /** The first text the policy blocks, by its index among the texts given; null when none is blocked. */
  blocked: number | null;
  /** When no text is blocked on its own but texts read together are: the parameter naming them. */
  blockedTogether: string | null;
}

/**
 * Texts a model reads as one (a chat's messages; a prompt and the suffix it is completed towards), by their indexes
 * among the texts screened, and the request parameter that names them.
 */
export interface ReadTogether {
  indexes: number[];
  param: string;
}

/** Who the texts belong to (checks that judge per application need it) and how much to score. */
export interface ModerationScope {
  applicationId?: string;
  /** Run every check even where the policy allows all its categories (`/v1/moderations` reports every score). */
  scoreEveryCategory?: boolean;
}

/** The threshold of rule checks (and topicality) where a policy leaves it null. */
export const RULE_THRESHOLD = 0.5;

/**
 * Runs every check that applies to a direction and turns verdicts into actions under a policy. A check that
 * throws does not take the others down: it is reported as a `check-failure` verdict naming it, which the
 * policy acts on (block by default: fail closed).
 */
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
    topicalityCheck: TopicalityCheck,
    private readonly classifier: ClassifierService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.checks = [
      classifierCheck,
      lexiconCheck,
      piiCheck,
      promptInjectionCheck,
      llmGuardCheck,
      upstreamModerationCheck,
      topicalityCheck,
    ];
  }

  get classifierName(): string {
    return this.classifier.name;
  }

  /**
   * Runs the checks whose verdicts can change the outcome under `policy`: a check whose every category the policy
   * allows in this direction is skipped (its verdicts would all be `allow`). `scoreEveryCategory` runs them anyway,
   * for `/v1/moderations`, whose answer reports every category's score whatever the policy does with it.
   */
  moderate(
    texts: string[],
    direction: Direction,
    policy: ModerationPolicy,
    scope: ModerationScope = {},
  ): Promise<ModerationResult[]> {
    return this.moderateWith(this.checks, texts, direction, policy, scope);
  }

  private async moderateWith(
    checks: ModerationCheck[],
    texts: string[],
    direction: Direction,
    policy: ModerationPolicy,
    scope: ModerationScope,
  ): Promise<ModerationResult[]> {
    if (texts.length === 0) return [];
    const applicable = checks.filter(
      (check) =>
        check.directions.includes(direction) &&
        (check.enabledFor?.(policy, direction) ?? true) &&
        (scope.scoreEveryCategory === true || actsOn(check, policy, direction)),
    );
    const perCheck = await Promise.all(
      applicable.map((check) => this.runIsolated(check, texts, direction, policy, scope)),
    );
    return mapInSlices(texts, (text, index) => {
      const verdicts = perCheck
        .flatMap((results) => results[index])
        .map((verdict) => this.apply(verdict, direction, policy));
      return decide(text, combineVerdicts(verdicts, policy.guards.combine));
    });
  }

  /**
   * Moderates every text bound for a model as one decision. `paramOf` names the request parameter each text came
   * from, recorded on its verdicts so staff see which message a span points into.
   */
  async screenInput(
    texts: string[],
    policy: ModerationPolicy,
    scope: ModerationScope = {},
    paramOf?: (textIndex: number) => string,
    readTogether: ReadTogether[] = [],
  ): Promise<InputScreening> {
    const groups = readTogether.filter((group) => group.indexes.length > 1);
    const [results, ...joined] = await Promise.all([
      this.moderate(texts, Direction.Input, policy, scope),
      ...groups.map((group) =>
        this.moderateTogether(
          group.indexes.map((index) => texts[index]),
          policy,
          scope,
        ),
      ),
    ]);
    if (paramOf) {
      results.forEach((result, textIndex) => {
        const param = paramOf(textIndex);
        // The verdicts were built for this call alone (apply), so naming their text in place is safe.
        for (const verdict of result.verdicts) verdict.param = param;
      });
    }
    const added = joined.map((together, k) =>
      beyondEachText(
        together,
        groups[k].indexes.flatMap((index) => results[index].verdicts),
        groups[k].param,
      ),
    );
    const blocked = indexOrNull(results.findIndex((result) => result.action === ModerationAction.Block));
    const blockedGroup = added.findIndex((result) => result.action === ModerationAction.Block);
    return {
      texts: results.map((result) => result.text),
      action: strongestAction([...results, ...added]),
      verdicts: [...results, ...added].flatMap((result) => result.verdicts),
      blocked,
      blockedTogether: blocked === null && blockedGroup >= 0 ? groups[blockedGroup].param : null,
    };
  }

  /**
   * Texts joined, read by the checks that judge wording across texts: a request split over chat messages ("Best
   * method to" / "hang myself?") passes every per-message check, yet the model reads it whole. A redaction cannot be
   * made across texts, so one asked for here withholds the text (see decide).
   */
  private async moderateTogether(
    texts: string[],
    policy: ModerationPolicy,
    scope: ModerationScope,
  ): Promise<ModerationResult> {
    const checks = this.checks.filter((check) => check.readsAcrossTexts === true);
    const [result] = await this.moderateWith(checks, [texts.join('\n')], Direction.Input, policy, scope);
    return result;
  }

  private async runIsolated(
    check: ModerationCheck,
    texts: string[],
    direction: Direction,
    policy: ModerationPolicy,
    scope: ModerationScope,
  ): Promise<Verdict[][]> {
    try {
      return await check.run(texts, {
        direction,
        blocklist: policy.blocklist,
        sentenceMargin: policy.classifierSentenceMargin[direction],
        guards: policy.guards,
        applicationId: scope.applicationId,
      });
    } catch (err) {
      this.logger.error({ err, check: check.name, direction }, 'moderation check failed');
      const error = err instanceof Error ? err.message : String(err);
      return texts.map(() => [{ check: check.name, category: 'check-failure', score: 1, error }]);
    }
  }

  private apply(verdict: Verdict, direction: Direction, policy: ModerationPolicy): AppliedVerdict {
    const rule = policy.categories[verdict.category][direction];
    const threshold =
      rule.threshold ??
      (verdict.check === 'classifier' && verdict.category !== 'check-failure'
        ? this.classifier.threshold(verdict.category) * policy.classifierThresholdScale
        : RULE_THRESHOLD);
    const triggered = verdict.score >= threshold;
    const applied = {
      direction,
      threshold: round(threshold),
      triggered,
      action: triggered ? rule.action : ModerationAction.Allow,
    };
    // Not `{ ...verdict, direction, … }`: on Node 20 a spread followed by more properties builds a new hidden class
    // per object (≈ 1–6 µs each, against ≈ 0.1–0.3 µs for this), and every verdict of every request comes through here.
    return Object.assign({}, verdict, applied);
  }
}

/** Whether any category the check can report triggers something other than `allow` in this direction. */
function actsOn(check: ModerationCheck, policy: ModerationPolicy, direction: Direction): boolean {
  return (
    check.categories === undefined ||
    check.categories.some(
      (category) => policy.categories[category][direction].action !== ModerationAction.Allow,
    )
  );
}

/**
 * A redaction needs spans; a verdict that asks for one without them (a classifier's, which judges the whole
 * text) withholds the whole text instead, and is recorded as the block it became.
 */
export function decide(text: string, verdicts: AppliedVerdict[]): ModerationResult {
  let action = ModerationAction.Allow;
  const redactions: Array<Span & { category: string }> = [];
  const decided = verdicts.map((verdict) => {
    if (verdict.action !== ModerationAction.Redact) return verdict;
    if (verdict.spans && verdict.spans.length > 0) {
      redactions.push(...verdict.spans.map((span) => ({ ...span, category: verdict.category })));
      return verdict;
    }
    return { ...verdict, action: ModerationAction.Block };
  });
  for (const verdict of decided) {
    if (ACTION_SEVERITY[verdict.action] > ACTION_SEVERITY[action]) action = verdict.action;
  }
  const flagged = decided.some(
    (verdict) =>
      verdict.triggered && ACTION_SEVERITY[verdict.action] >= ACTION_SEVERITY[ModerationAction.Flag],
  );
  return { text: redact(text, redactions), verdicts: decided, action, flagged };
}

/**
 * What reading texts together adds to their own verdicts: only triggered verdicts asking for more
 * than the texts' own verdicts of that category did (anything else repeats them), spans dropped (they point into
 * no text the client sent), named `param`.
 */
function beyondEachText(
  together: ModerationResult,
  perText: AppliedVerdict[],
  param: string,
): ModerationResult {
  const strongest = new Map<string, number>();
  for (const verdict of perText) {
    if (!verdict.triggered) continue;
    strongest.set(
      verdict.category,
      Math.max(strongest.get(verdict.category) ?? 0, ACTION_SEVERITY[verdict.action]),
    );
  }
  const added = together.verdicts
    .filter(
      (verdict) =>
        verdict.triggered && ACTION_SEVERITY[verdict.action] > (strongest.get(verdict.category) ?? 0),
    )
    .map(({ spans: _spans, ...verdict }) => ({ ...verdict, param }));
  return decide(together.text, added);
}

/**
 * Refuses input the policy blocks, naming the categories (or failed checks) that blocked it and, through
 * `paramOf`, the request parameter the first blocked text came from (or the parameter naming texts that are
 * blocked only when read together).
 */
export function assertInputAllowed(
  screening: InputScreening,
  paramOf: (textIndex: number) => string = () => 'prompt',
): void {
  if (screening.action === ModerationAction.Block) {
    throw ModerationError.inputBlocked(
      screening.verdicts.filter((verdict) => verdict.triggered && verdict.action === ModerationAction.Block),
      screening.blockedTogether ?? paramOf(screening.blocked ?? 0),
    );
  }
}

function indexOrNull(index: number): number | null {
  return index < 0 ? null : index;
}

export function strongestAction(results: Array<{ action: ModerationAction }>): ModerationAction {
  return results.reduce<ModerationAction>(
    (worst, result) => (ACTION_SEVERITY[result.action] > ACTION_SEVERITY[worst] ? result.action : worst),
    ModerationAction.Allow,
  );
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
