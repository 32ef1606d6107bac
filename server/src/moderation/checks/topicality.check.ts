import { Inject, Injectable } from '@nestjs/common';
import { TopicModelsService } from '../../topicality/topic-models.service';
import { Direction, Verdict } from '../moderation.types';
import { CheckContext, ModerationCheck } from './moderation-check';
import { runRuleCheck } from './rule-check-thread';
import { topicalityVerdicts } from './topicality-verdicts';

/**
 * Topicality: how far a prompt is from the use case the application was approved for, scored by its topic model
 * (topicality/topic-model.ts). Input only: the model was built from what end users ask, and an output answers an
 * already judged prompt in a model's own words, so scoring outputs against prompts would measure style, not topic;
 * harmful output is the harm checks' business. An application without a topic model gets no verdict, so the
 * category changes nothing for applications approved before topics existed.
 */
@Injectable()
export class TopicalityCheck implements ModerationCheck {
  readonly name = 'topicality';
  readonly directions = [Direction.Input] as const;

  constructor(
    @Inject(TopicModelsService) private readonly topicModels: Pick<TopicModelsService, 'modelFor'>,
  ) {}

  async run(texts: string[], context: CheckContext): Promise<Verdict[][]> {
    const model = context.applicationId ? await this.topicModels.modelFor(context.applicationId) : null;
    if (!model) return texts.map(() => []);
    // Long texts are scored in the rule-check thread: tokenizing 8 KB costs milliseconds (bench/topicality.ts).
    return runRuleCheck(
      this.name,
      texts,
      context.blocklist,
      (text) => topicalityVerdicts(model, text),
      model,
    );
  }
}
