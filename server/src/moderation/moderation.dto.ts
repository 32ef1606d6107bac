import { ModerationErrorCode } from './moderation.errors';
import { z } from 'zod';
import { CommonErrorCode, InvalidRequestError } from '../common/errors';
import { mapInSlices } from '../common/map-in-slices';
import { AppliedVerdict, ModerationResult } from './moderation.service';
import {
  ACTION_SEVERITY,
  ModerationAction,
  OPENAI_CATEGORIES,
  OpenAiCategory,
  WARDEN_CATEGORIES,
  WardenCategory,
} from './moderation.types';

export enum ContentFilterLabel {
  Safe = 0,
  Sensitive = 1,
  Unsafe = 2,
}

/**
 * The most inputs one `/v1/moderations` call may carry, and their most characters in all, whatever the policy:
 * every input costs a pass through every check, so both are refused before any check runs (OpenAI's embeddings
 * take at most 2,048 inputs a call too).
 */
export const MAX_MODERATION_INPUTS = 2048;
export const MAX_MODERATION_CHARACTERS = 1_000_000;

const textPart = z.object({ type: z.literal('text'), text: z.string() }).strict();
const imagePart = z.object({ type: z.literal('image_url'), image_url: z.unknown() }).strict();

export const createModerationSchema = z
  .object({
    input: z.union([z.string(), z.array(z.string()).min(1), z.array(z.union([textPart, imagePart])).min(1)]),
    model: z.string().optional(),
  })
  .strict();

export function parseCreateModeration(body: unknown): { texts: string[]; model?: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InvalidRequestError(
      CommonErrorCode.InvalidRequestBody,
      'The request body must be a JSON object.',
    );
  }
  const input = (body as { input?: unknown }).input;
  if (Array.isArray(input) && input.length > MAX_MODERATION_INPUTS) {
    throw new InvalidRequestError(
      ModerationErrorCode.TooManyInputs,
      `'input' holds ${input.length} items; one call may moderate at most ${MAX_MODERATION_INPUTS}.`,
      'input',
    );
  }
  const parsed = createModerationSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (issue.code === 'unrecognized_keys') {
      throw new InvalidRequestError(
        CommonErrorCode.UnknownParameter,
        `Unrecognized request argument supplied: ${issue.keys.join(', ')}`,
        issue.keys[0],
      );
    }
    if (!('input' in body)) {
      throw new InvalidRequestError(
        CommonErrorCode.MissingRequiredParameter,
        "Missing required parameter: 'input'.",
        'input',
      );
    }
    const param = issue.path.join('.') || 'input';
    throw new InvalidRequestError(
      CommonErrorCode.InvalidValue,
      `Invalid value for '${param}': ${issue.message}`,
      param,
    );
  }
  const { input: parsedInput, model } = parsed.data;
  const texts =
    typeof parsedInput === 'string'
      ? [parsedInput]
      : parsedInput.map((item) => {
          if (typeof item === 'string') return item;
          if (item.type === 'text') return item.text;
          throw new InvalidRequestError(
            ModerationErrorCode.UnsupportedInput,
            'Image inputs are not supported by this moderation model.',
            'input',
          );
        });
  const characters = texts.reduce((sum, text) => sum + text.length, 0);
  if (characters > MAX_MODERATION_CHARACTERS) {
    throw new InvalidRequestError(
      ModerationErrorCode.InputTooLarge,
      `'input' holds ${characters} characters in all; one call may moderate at most ${MAX_MODERATION_CHARACTERS}.`,
      'input',
    );
  }
  return { texts, model };
}

export interface ModerationResultResponse {
  flagged: boolean;
  categories: Record<OpenAiCategory, boolean>;
  category_scores: Record<OpenAiCategory, number>;
  category_applied_input_types: Record<OpenAiCategory, ['text']>;
  /** Which check produced each category's score. */
  category_checks: Partial<Record<OpenAiCategory | WardenCategory, string>>;
  /** Warden's own categories (profanity, blocklist, PII, prompt injection), scored like OpenAI's. */
  warden_categories: Record<WardenCategory, boolean>;
  warden_category_scores: Record<WardenCategory, number>;
  /** The 2020 content filter's label: 0 safe, 1 sensitive, 2 unsafe. */
  content_filter_label: ContentFilterLabel;
  action: ModerationAction;
}

export interface ModerationResponse {
  id: string;
  model: string;
  results: ModerationResultResponse[];
}

export async function toModerationResponse(
  id: string,
  model: string,
  results: ModerationResult[],
): Promise<ModerationResponse> {
  return { id, model, results: await mapInSlices(results, toModerationResult) };
}

function toModerationResult(result: ModerationResult): ModerationResultResponse {
  const strongest = new Map<string, AppliedVerdict>();
  for (const verdict of result.verdicts) {
    const current = strongest.get(verdict.category);
    if (!current || verdict.score > current.score) strongest.set(verdict.category, verdict);
  }
  const triggered = (category: string) =>
    result.verdicts.some((verdict) => verdict.category === category && verdict.triggered);
  const score = (category: string) => strongest.get(category)?.score ?? 0;
  const categoryChecks = Object.fromEntries(
    [...strongest.entries()].map(([category, verdict]) => [category, verdict.check]),
  );
  const categories = Object.fromEntries(
    OPENAI_CATEGORIES.map((category) => [category, triggered(category)]),
  ) as Record<OpenAiCategory, boolean>;
  return {
    flagged: result.flagged || Object.values(categories).some(Boolean),
    categories,
    category_scores: Object.fromEntries(
      OPENAI_CATEGORIES.map((category) => [category, score(category)]),
    ) as Record<OpenAiCategory, number>,
    category_applied_input_types: Object.fromEntries(
      OPENAI_CATEGORIES.map((category) => [category, ['text']]),
    ) as Record<OpenAiCategory, ['text']>,
    category_checks: categoryChecks,
    warden_categories: Object.fromEntries(
      WARDEN_CATEGORIES.map((category) => [category, triggered(category)]),
    ) as Record<WardenCategory, boolean>,
    warden_category_scores: Object.fromEntries(
      WARDEN_CATEGORIES.map((category) => [category, score(category)]),
    ) as Record<WardenCategory, number>,
    content_filter_label: contentFilterLabel(result),
    action: result.action,
  };
}

/**
 * The 2020 content filter's three labels. Unsafe: harmful, profane or application-banned content was found (or the
 * policy would withhold the text). Sensitive: something else worth a look triggered (personal data, an injection
 * attempt), or a harm score came within half of its threshold. Safe: nothing of the kind.
 */
export function contentFilterLabel(result: ModerationResult): ContentFilterLabel {
  const unsafe = (category: string) =>
    (OPENAI_CATEGORIES as readonly string[]).includes(category) ||
    category === 'profanity' ||
    category === 'blocklist';
  if (
    ACTION_SEVERITY[result.action] >= ACTION_SEVERITY[ModerationAction.Hold] ||
    result.verdicts.some((verdict) => verdict.triggered && unsafe(verdict.category))
  ) {
    return ContentFilterLabel.Unsafe;
  }
  if (result.verdicts.some((verdict) => verdict.triggered || verdict.score >= verdict.threshold / 2)) {
    return ContentFilterLabel.Sensitive;
  }
  return ContentFilterLabel.Safe;
}
