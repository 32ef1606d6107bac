import { Injectable } from '@nestjs/common';
import { ClassifierService } from '../classifier/classifier.service';
import { Direction, ModerationCategory, Verdict } from '../moderation.types';
import { CheckContext, ModerationCheck } from './moderation-check';

/** The ML classifier: one verdict per category it knows, whatever the score; policies decide what counts. */
@Injectable()
export class ClassifierCheck implements ModerationCheck {
  readonly name = 'classifier';
  readonly directions = [Direction.Input, Direction.Output] as const;

  constructor(private readonly classifier: ClassifierService) {}

  get categories(): ModerationCategory[] {
    return this.classifier.labels.filter((label): label is ModerationCategory => label !== null);
  }

  async run(texts: string[], _context: CheckContext): Promise<Verdict[][]> {
    const scores = await this.classifier.scores(texts);
    return scores.map((row) =>
      this.classifier.labels.flatMap((category, index) =>
        category ? [{ check: this.name, category, score: round(row[index]) }] : [],
      ),
    );
  }
}

function round(score: number): number {
  return Math.round(score * 1e6) / 1e6;
}
