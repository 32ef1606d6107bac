import { Inject, Injectable } from '@nestjs/common';
import { GuardEndpoint, WardenConfig } from '../../config/config';
import { WARDEN_CONFIG } from '../../config/config.module';
import { Direction, ModerationPolicy, OPENAI_CATEGORIES, Verdict } from '../moderation.types';
import {
  GuardCallError,
  GuardFailureCode,
  isRecord,
  postJson,
  unavailableVerdict,
  usesDirection,
} from './guard-client';
import { CheckContext, ModerationCheck } from './moderation-check';

/**
 * An OpenAI-compatible `/v1/moderations` endpoint as a check: OpenAI's own, or another Warden. All texts of a call
 * go in one request; every OpenAI category in `category_scores` becomes a verdict with that score, held to the
 * policy's threshold for the category (0.5 unless the policy names one). A failed call gives each text one
 * `guard-unavailable` verdict that fails open or closed as the policy says for that direction.
 */
@Injectable()
export class UpstreamModerationCheck implements ModerationCheck {
  readonly name = 'upstream-moderation';
  readonly directions = [Direction.Input, Direction.Output] as const;
  readonly readsAcrossTexts = true;
  private readonly endpoint?: GuardEndpoint & { model?: string };

  constructor(@Inject(WARDEN_CONFIG) config: WardenConfig) {
    this.endpoint = config.moderation.upstreamModeration;
  }

  enabledFor(policy: ModerationPolicy, direction: Direction): boolean {
    return this.endpoint !== undefined && usesDirection(policy.guards.upstreamModeration, direction);
  }

  async run(texts: string[], context: CheckContext): Promise<Verdict[][]> {
    const endpoint = this.endpoint;
    const use = context.guards?.upstreamModeration;
    if (!endpoint || !use) return texts.map(() => []);
    try {
      const reply = await postJson(endpoint, '/moderations', {
        input: texts,
        ...(endpoint.model ? { model: endpoint.model } : {}),
      });
      const results =
        isRecord(reply) && Array.isArray(reply.results) ? (reply.results as unknown[]) : undefined;
      if (!results || results.length !== texts.length) {
        throw new GuardCallError(
          GuardFailureCode.Malformed,
          `expected ${texts.length} moderation results, got ${results?.length ?? 'none'}`,
        );
      }
      return results.map((result) => this.verdicts(result));
    } catch (err) {
      return texts.map(() => [unavailableVerdict(this.name, use, context.direction, err)]);
    }
  }

  private verdicts(result: unknown): Verdict[] {
    const scores = isRecord(result) ? result.category_scores : undefined;
    if (!isRecord(scores)) {
      throw new GuardCallError(GuardFailureCode.Malformed, 'a moderation result has no category_scores');
    }
    return OPENAI_CATEGORIES.flatMap((category) => {
      const score = scores[category];
      return typeof score === 'number' && Number.isFinite(score)
        ? [{ check: this.name, category, score: Math.min(1, Math.max(0, score)) }]
        : [];
    });
  }
}
