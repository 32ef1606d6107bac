import { MODERATION_CATEGORIES } from '../common/enums';
import type { ItemVerdict, QueueItem } from './types';

/** A category's judgment on screen: undefined is "not judged". */
export type Truth = boolean | undefined;

const ACTING = new Set(['flag', 'redact', 'hold', 'block']);
/** OpenAI's thirteen lead the console's category list. */
const OPENAI_CATEGORY_NAMES = MODERATION_CATEGORIES.slice(0, 13);

/** The categories a labeler judges: the verdict's own first, then OpenAI's others. Keys 1–9 reach the first nine. */
export function categoriesOf(item: QueueItem): string[] {
  const fromVerdicts = [...new Set(item.verdicts.map((verdict) => verdict.category))];
  return [...fromVerdicts, ...OPENAI_CATEGORY_NAMES.filter((category) => !fromVerdicts.includes(category))];
}

/** Whether the verdict said the text is in a category (any check triggered it). */
export function verdictSays(verdicts: ItemVerdict[], category: string): boolean {
  return verdicts.some((verdict) => verdict.category === category && verdict.triggered);
}

/** A number key cycles its category: not judged → in it → not in it → not judged. */
export function cycle(truth: Truth): Truth {
  if (truth === undefined) return true;
  return truth ? false : undefined;
}

/** `a`: agree with the verdict on every category it judged. */
export function agree(item: QueueItem): Record<string, Truth> {
  return Object.fromEntries(
    [...new Set(item.verdicts.map((v) => v.category))].map((category) => [
      category,
      verdictSays(item.verdicts, category),
    ]),
  );
}

/** `d`: disagree with the verdict on every category it judged. */
export function disagree(item: QueueItem): Record<string, Truth> {
  return Object.fromEntries(
    [...new Set(item.verdicts.map((v) => v.category))].map((category) => [
      category,
      !verdictSays(item.verdicts, category),
    ]),
  );
}

/** Only judged categories are sent. */
export function judged(truths: Record<string, Truth>): Record<string, boolean> {
  return Object.fromEntries(
    Object.entries(truths).filter((entry): entry is [string, boolean] => entry[1] !== undefined),
  );
}

/** A false positive: the labeler denies a category a verdict acted on (that verdict cost the end user strikes). */
export function isFalsePositive(item: QueueItem, truths: Record<string, boolean>): boolean {
  return item.verdicts.some(
    (verdict) => verdict.triggered && ACTING.has(verdict.action ?? '') && truths[verdict.category] === false,
  );
}
