import { Injectable } from '@nestjs/common';
import { TrainingExample } from '../files/training-file';
import { ModerationService } from '../moderation/moderation.service';
import { Direction } from '../moderation/moderation.types';
import { PolicyRules } from '../policies/policy.types';
import { FlaggedLine, ScreeningReport } from './fine-tuning.types';

/** Texts per moderation call: the classifier batches them, the rule checks are linear anyway. */
const CHUNK = 64;
/** Report excerpts are capped so one huge example does not bloat the job row. */
const EXCERPT = 300;

export type ScreeningVerdict = 'passed' | 'review' | 'flagged';

/**
 * Runs every training (and validation) example through the moderation checks under the application's policy,
 * as one prompt + completion text, and reports the flagged lines. The policy's `fineTuning` part decides: above
 * its flagged-share limit the file fails, in the band above `reviewAboveShare` it waits for staff.
 */
@Injectable()
export class TrainingDataScreening {
  constructor(private readonly moderation: ModerationService) {}

  async screen(
    files: { file: FlaggedLine['file']; examples: TrainingExample[] }[],
    policy: PolicyRules,
  ): Promise<{ verdict: ScreeningVerdict; report: ScreeningReport }> {
    const lines: FlaggedLine[] = [];
    let examples = 0;
    for (const { file, examples: fileExamples } of files) {
      examples += fileExamples.length;
      for (let start = 0; start < fileExamples.length; start += CHUNK) {
        const chunk = fileExamples.slice(start, start + CHUNK);
        const results = await this.moderation.moderate(
          chunk.map((example) => example.prompt + example.completion),
          Direction.Input,
          policy,
        );
        results.forEach((result, index) => {
          if (!result.flagged) {
            return;
          }
          const example = chunk[index];
          lines.push({
            file,
            line: example.line,
            categories: [
              ...new Set(
                result.verdicts.filter((verdict) => verdict.triggered).map((verdict) => verdict.category),
              ),
            ],
            text: (example.prompt + example.completion).slice(0, EXCERPT),
          });
        });
      }
    }
    const share = examples > 0 ? lines.length / examples : 0;
    const { maxFlaggedShare: limit, reviewAboveShare } = policy.fineTuning;
    const verdict: ScreeningVerdict =
      share > limit ? 'flagged' : lines.length > 0 && share > reviewAboveShare ? 'review' : 'passed';
    return { verdict, report: { examples, flagged: lines.length, share, limit, reviewAboveShare, lines } };
  }
}

export function describeFlagged(report: ScreeningReport): string {
  const listed = report.lines
    .slice(0, 20)
    .map((line) => `${line.file} line ${line.line} (${line.categories.join(', ')})`);
  const more = report.lines.length > listed.length ? ` and ${report.lines.length - listed.length} more` : '';
  return (
    `${report.flagged} of ${report.examples} examples (${(report.share * 100).toFixed(1)} %) were flagged by the ` +
    `moderation checks, above the ${(report.limit * 100).toFixed(1)} % limit: ${listed.join('; ')}${more}.`
  );
}
