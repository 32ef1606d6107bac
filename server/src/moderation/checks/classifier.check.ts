import { Injectable } from '@nestjs/common';
import { ClassifierService } from '../classifier/classifier.service';
import { Direction, ModerationCategory, reportedScore, Verdict } from '../moderation.types';
import { CheckContext, ModerationCheck } from './moderation-check';

/**
 * The ML classifier: one verdict per category it knows, whatever the score; policies decide what counts. And an
 * `unreadable` verdict scoring the share of the text it could not read (words of scripts or languages it has no
 * pieces for; all of a text in another language written in the Latin script, whose words it has pieces for), so a
 * policy can observe, hold or block text the classifier is blind to instead of passing it unjudged.
 */
@Injectable()
export class ClassifierCheck implements ModerationCheck {
  readonly name = 'classifier';
  readonly directions = [Direction.Input, Direction.Output] as const;
  readonly readsAcrossTexts = true;

  /** The model's categories, read once: consulted for every request and direction, they never change. */
  private known?: ModerationCategory[];

  constructor(private readonly classifier: ClassifierService) {}

  /**
   * The model's categories. `unreadable` is left out: it says how much of a text those were judged on, so it never
   * makes the classifier run where the policy acts on none of them.
   */
  get categories(): ModerationCategory[] {
    this.known ??= this.classifier.labels.filter((label): label is ModerationCategory => label !== null);
    return this.known;
  }

  async run(texts: string[], context: CheckContext): Promise<Verdict[][]> {
    const results = await this.classifier.classify(texts, context.direction, context.sentenceMargin);
    const labels = this.classifier.labels;
    return results.map(({ scores, unread }) => {
      const verdicts: Verdict[] = [];
      for (let index = 0; index < labels.length; index++) {
        const category = labels[index];
        if (category) verdicts.push({ check: this.name, category, score: reportedScore(scores[index]) });
      }
      verdicts.push({ check: this.name, category: 'unreadable', score: reportedScore(unread) });
      return verdicts;
    });
  }
}
