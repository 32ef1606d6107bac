import { Injectable } from '@nestjs/common';
import { ClassifierService } from '../classifier/classifier.service';
import { Direction, ModerationCategory, Verdict } from '../moderation.types';
import { deobfuscatedReading } from '../text/deobfuscated-text';
import { CheckContext, ModerationCheck } from './moderation-check';

/**
 * The ML classifier: one verdict per category it knows, whatever the score; policies decide what counts. A text
 * with words in letter substitutes or spelled out (`k1ll`, `b.o.m.b`) is also read as they spell, and each
 * category scores the higher of the two readings: the model never saw such spellings.
 */
@Injectable()
export class ClassifierCheck implements ModerationCheck {
  readonly name = 'classifier';
  readonly directions = [Direction.Input, Direction.Output] as const;

  /** The model's categories, read once: consulted for every request and direction, they never change. */
  private known?: ModerationCategory[];

  constructor(private readonly classifier: ClassifierService) {}

  get categories(): ModerationCategory[] {
    this.known ??= this.classifier.labels.filter((label): label is ModerationCategory => label !== null);
    return this.known;
  }

  async run(texts: string[], _context: CheckContext): Promise<Verdict[][]> {
    const readings: string[] = [];
    const readingOf = texts.map((text) => {
      const reading = deobfuscatedReading(text);
      if (reading === null) return -1;
      readings.push(reading);
      return texts.length + readings.length - 1;
    });
    const scores = await this.classifier.scores(readings.length > 0 ? [...texts, ...readings] : texts);
    const labels = this.classifier.labels;
    return texts.map((_text, textIndex) => {
      const reading = readingOf[textIndex];
      const row =
        reading < 0
          ? scores[textIndex]
          : scores[textIndex].map((score, index) => Math.max(score, scores[reading][index]));
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
