import { z } from 'zod';
import { endUserIdOf } from '../end-users/end-user-id';
import { MAX_MODERATION_INPUTS } from '../moderation/moderation.dto';
import { CommonErrorCode, InvalidRequestError } from '../common/errors';
import {
  CompletionChoice,
  CompletionLogprobs,
  FinishReason,
  GenerationRequest,
  ModelDescriptor,
  StreamChoiceDelta,
  Usage,
} from '../inference/model-provider';

/** OpenAI's `CreateCompletionRequest`: every documented field, with its documented ranges and defaults. */
const tokenArray = z.array(z.number().int().min(0)).min(1);

/**
 * OpenAI documents no length for `user`; Warden bounds it (and `safety_identifier`, its successor) so an end-user
 * id always fits the request-log index and the per-end-user counters: 256 characters, a 400 above that.
 */
export const MAX_END_USER_LENGTH = 256;
export const endUserId = z.string().max(MAX_END_USER_LENGTH, `at most ${MAX_END_USER_LENGTH} characters`);
/** Longer than any model id a provider issues (fine-tuned ids included); it is echoed in errors and logged. */
export const MAX_MODEL_ID_LENGTH = 256;
export const modelId = z
  .string()
  .min(1)
  .max(MAX_MODEL_ID_LENGTH, `at most ${MAX_MODEL_ID_LENGTH} characters`);
export const nullable = <T extends z.ZodTypeAny>(schema: T) => schema.nullable().optional();

export const createCompletionSchema = z
  .object({
    model: modelId,
    prompt: z
      .union([z.string(), z.array(z.string()).min(1), tokenArray, z.array(tokenArray).min(1)])
      .nullable()
      .optional(),
    best_of: nullable(z.number().int().min(0).max(20)),
    echo: nullable(z.boolean()),
    frequency_penalty: nullable(z.number().min(-2).max(2)),
    logit_bias: nullable(
      z.record(z.string().regex(/^\d+$/, 'logit_bias keys are token ids'), z.number().min(-100).max(100)),
    ),
    logprobs: nullable(z.number().int().min(0).max(5)),
    max_tokens: nullable(z.number().int().min(0)),
    n: nullable(z.number().int().min(1).max(128)),
    presence_penalty: nullable(z.number().min(-2).max(2)),
    seed: nullable(z.number().int()),
    stop: nullable(z.union([z.string(), z.array(z.string()).min(1).max(4)])),
    stream: nullable(z.boolean()),
    stream_options: nullable(z.object({ include_usage: z.boolean().optional() }).strict()),
    suffix: nullable(z.string()),
    temperature: nullable(z.number().min(0).max(2)),
    top_p: nullable(z.number().min(0).max(1)),
    user: endUserId.optional(),
    safety_identifier: nullable(endUserId),
  })
  .strict();

export type CreateCompletionBody = z.infer<typeof createCompletionSchema>;

/** A validated request with OpenAI's defaults filled in: what a model provider generates from, plus delivery. */
export interface NormalizedCompletionRequest extends Omit<GenerationRequest, 'signal'> {
  stream: boolean;
  includeUsage: boolean;
  /** max_tokens was left out: its default may be lowered to fit the policy. */
  maxTokensDefaulted: boolean;
  /** The end user the request names (`safety_identifier`, else `user`) as stores keep it: see `endUserIdOf`. */
  endUser: string | null;
}

/** Validates a parsed JSON body against a /v1 request schema; every failure is a 400 naming the parameter. */
export function validateBody<T extends z.ZodTypeAny>(schema: T, body: unknown): z.infer<T> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InvalidRequestError(
      CommonErrorCode.InvalidRequestBody,
      'The request body must be a JSON object.',
    );
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (issue.code === 'unrecognized_keys') {
    throw new InvalidRequestError(
      CommonErrorCode.UnknownParameter,
      `Unrecognized request argument supplied: ${issue.keys.join(', ')}`,
      issue.keys[0],
    );
  }
  const param = issue.path.length > 0 ? issue.path.join('.') : null;
  const topLevel = issue.path[0];
  if (typeof topLevel === 'string' && !(topLevel in body)) {
    throw new InvalidRequestError(
      CommonErrorCode.MissingRequiredParameter,
      `Missing required parameter: '${topLevel}'.`,
      topLevel,
    );
  }
  throw new InvalidRequestError(
    CommonErrorCode.InvalidValue,
    `Invalid value for '${param}': ${issue.message}`,
    param,
  );
}

/**
 * The most prompts one `/v1/completions` call may list (strings or token-id arrays), as `/v1/moderations` caps its
 * inputs: each prompt is moderated as a text of its own, and an empty one costs no token of the budget. Only the
 * body limit bounded the list: 100,000 empty prompts (300 kB, `max_tokens: 0`) kept the api's checks busy for
 * 24 s and then failed with a 500.
 */
export const MAX_PROMPTS = MAX_MODERATION_INPUTS;

/** Validates a parsed JSON body; every failure is a 400 naming the offending parameter. */
export function parseCreateCompletion(body: unknown): NormalizedCompletionRequest {
  const prompts = (body as { prompt?: unknown } | null)?.prompt;
  // Counted before the schema reads every item; a single prompt of token ids is one prompt, however long.
  if (Array.isArray(prompts) && prompts.length > MAX_PROMPTS && typeof prompts[0] !== 'number') {
    throw new InvalidRequestError(
      CommonErrorCode.InvalidValue,
      `'prompt' lists ${prompts.length} prompts; one call may send at most ${MAX_PROMPTS}.`,
      'prompt',
    );
  }
  const value = validateBody(createCompletionSchema, body);
  const n = value.n ?? 1;
  const bestOf = value.best_of ?? n;
  if (bestOf < n) {
    throw new InvalidRequestError(
      CommonErrorCode.InvalidValue,
      `best_of (${bestOf}) must be greater than or equal to n (${n}).`,
      'best_of',
    );
  }
  const stream = value.stream ?? false;
  if (stream && bestOf > n) {
    throw new InvalidRequestError(
      CommonErrorCode.InvalidValue,
      'best_of cannot be used with stream.',
      'best_of',
    );
  }
  if (!stream && value.stream_options) {
    throw new InvalidRequestError(
      CommonErrorCode.InvalidValue,
      'stream_options is only allowed when stream is true.',
      'stream_options',
    );
  }
  return {
    model: value.model,
    prompt: value.prompt ?? '<|endoftext|>',
    maxTokens: value.max_tokens ?? 16,
    maxTokensDefaulted: value.max_tokens === undefined || value.max_tokens === null,
    temperature: value.temperature ?? 1,
    topP: value.top_p ?? 1,
    n,
    bestOf,
    stop: value.stop === null || value.stop === undefined ? [] : [value.stop].flat(),
    logprobs: value.logprobs ?? null,
    echo: value.echo ?? false,
    seed: value.seed ?? null,
    presencePenalty: value.presence_penalty ?? 0,
    frequencyPenalty: value.frequency_penalty ?? 0,
    logitBias: value.logit_bias ?? null,
    suffix: value.suffix ?? null,
    user: value.user ?? null,
    endUser: endUserIdOf(value.safety_identifier ?? value.user),
    stream,
    includeUsage: value.stream_options?.include_usage ?? false,
  };
}

export interface CompletionResponse {
  id: string;
  object: 'text_completion';
  created: number;
  model: string;
  system_fingerprint?: string;
  choices: Array<{
    index: number;
    text: string;
    finish_reason: FinishReason | null;
    logprobs: CompletionLogprobs | null;
  }>;
  usage?: Usage;
  /**
   * Warden's own status where the policy held the output for staff review, or where a locked-down research grant
   * withheld it (the text is then a notice naming the request id).
   */
  warden?:
    | { status: 'held'; held_completion_id: string; message: string }
    | { status: 'withheld'; request_id: string; message: string };
}

export interface ModelResponse {
  id: string;
  object: 'model';
  created: number;
  owned_by: string;
}

export interface ModelListResponse {
  object: 'list';
  data: ModelResponse[];
}

export function completionId(requestId: string): string {
  return `cmpl-${requestId.replace(/^req_/, '')}`;
}

export function toCompletionResponse(
  id: string,
  created: number,
  model: string,
  choices: CompletionChoice[],
  usage: Usage,
): CompletionResponse {
  return { id, object: 'text_completion', created, model, choices: choices.map(toResponseChoice), usage };
}

export function toCompletionChunk(
  id: string,
  created: number,
  model: string,
  choices: StreamChoiceDelta[],
): CompletionResponse {
  return { id, object: 'text_completion', created, model, choices: choices.map(toResponseChoice) };
}

export function toUsageChunk(id: string, created: number, model: string, usage: Usage): CompletionResponse {
  return { id, object: 'text_completion', created, model, choices: [], usage };
}

export function toModelResponse(model: ModelDescriptor): ModelResponse {
  return { id: model.id, object: 'model', created: model.created, owned_by: model.ownedBy };
}

export function toModelListResponse(models: ModelDescriptor[]): ModelListResponse {
  return { object: 'list', data: models.map(toModelResponse) };
}

function toResponseChoice(choice: CompletionChoice | StreamChoiceDelta) {
  return {
    text: choice.text,
    index: choice.index,
    logprobs: choice.logprobs,
    finish_reason: choice.finish_reason,
  };
}
