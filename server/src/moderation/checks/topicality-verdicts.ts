import { scoreTopicality, TopicModel } from '../../topicality/topic-model';
import { Verdict } from '../moderation.types';

/**
 * The topicality check's verdict on one text, apart from the check so the rule-check thread can load it without
 * the check's dependencies (the model store, Redis).
 */
export function topicalityVerdicts(model: TopicModel, text: string): Verdict[] {
  const judged = scoreTopicality(model, text);
  return judged ? [{ check: 'topicality', category: 'off-topic', score: judged.score }] : [];
}
