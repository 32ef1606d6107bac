import { Injectable } from '@nestjs/common';
import { ClassifierService } from '../classifier/classifier.service';
import { Direction, ModerationCategory, Verdict } from '../moderation.types';
import { CheckContext, ModerationCheck } from './moderation-check';

/** The ML classifier: one verdict per category it knows, whatever the score; policies decide what counts. */
@Injectable()
export class ClassifierCheck implements ModerationCheck {
  readonly name = 'classifier';
  readonly directions = [Direction.Input, Direction.Output] as const;
  readonly readsAcrossTexts = true;

  /** The model's categories, read once: consulted for every request and direction, they never change. */
  private known?: ModerationCategory[];

  constructor(private readonly classifier: ClassifierService) {}

  get categories(): ModerationCategory[] {
    this.known ??= this.classifier.labels.filter((label): label is ModerationCategory => label !== null);
    return this.known;
  }

  async run(texts: string[], context: CheckContext): Promise<Verdict[][]> {
    const scores = await this.classifier.scores(texts, context.direction, context.sentenceMargin);
    const labels = this.classifier.labels;
    return scores.map((row) => {
      const verdicts: Verdict[] = [];
      for (let index = 0; index < labels.length; index++) {
        const category = labels[index];
        if (category) verdicts.push({ check: this.name, category, score: round(row[index]) });
      }
      return verdicts;
    });
  }
}

function round(score: number): number {
  return Math.round(score * 1e6) / 1e6;
}
