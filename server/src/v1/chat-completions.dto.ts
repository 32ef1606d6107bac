import { z } from 'zod';
import { endUserIdOf } from '../end-users/end-user-id';
import { CommonErrorCode, InvalidRequestError } from '../common/errors';
import { ChatMessage } from '../inference/model-provider';
import {
  endUserId,
  MAX_PROMPTS,
  modelId,
  NormalizedCompletionRequest,
  nullable,
  validateBody,
} from './completions.dto';

/**
 * Fields of OpenAI's `CreateChatCompletionRequest` Warden does not interpret: forwarded as sent to upstream models,
 * a 400 `unsupported_parameter` on embedded ones (which cannot call tools, hear audio or follow a schema).
 */
export const PASSTHROUGH_FIELDS = [
  'tools',
  'tool_choice',
  'parallel_tool_calls',
  'functions',
  'function_call',
  'audio',
  'modalities',
  'prediction',
  'web_search_options',
  'reasoning_effort',
  'verbosity',
  'store',
  'metadata',
  'service_tier',
  'prompt_cache_key',
  'prompt_cache_retention',
  'response_format',
] as const;

const contentPart = z.object({ type: z.string().min(1), text: z.string().optional() }).passthrough();

const messageSchema = z
  .object({
    role: z.enum(['system', 'developer', 'user', 'assistant', 'tool', 'function']),
    content: z
      .union([z.string(), z.array(contentPart)])
      .nullable()
      .optional(),
    name: z.string().optional(),
    tool_calls: z.array(z.unknown()).optional(),
    tool_call_id: z.string().optional(),
    function_call: z.unknown().optional(),
    refusal: z.string().nullable().optional(),
    audio: z.unknown().optional(),
  })
  .strict();

export const createChatCompletionSchema = z
  .object({
    model: modelId,
    messages: z.array(messageSchema).min(1),
    frequency_penalty: nullable(z.number().min(-2).max(2)),
    logit_bias: nullable(
      z.record(z.string().regex(/^\d+$/, 'logit_bias keys are token ids'), z.number().min(-100).max(100)),
    ),
    logprobs: nullable(z.boolean()),
    top_logprobs: nullable(z.number().int().min(0).max(20)),
    max_tokens: nullable(z.number().int().min(1)),
    max_completion_tokens: nullable(z.number().int().min(1)),
    n: nullable(z.number().int().min(1).max(128)),
    presence_penalty: nullable(z.number().min(-2).max(2)),
    seed: nullable(z.number().int()),
    stop: nullable(z.union([z.string(), z.array(z.string()).min(1).max(4)])),
    stream: nullable(z.boolean()),
    stream_options: nullable(z.object({ include_usage: z.boolean().optional() }).strict()),
    temperature: nullable(z.number().min(0).max(2)),
    top_p: nullable(z.number().min(0).max(1)),
    user: endUserId.optional(),
    safety_identifier: nullable(endUserId),
    ...Object.fromEntries(PASSTHROUGH_FIELDS.map((field) => [field, z.unknown().optional()])),
  })
  .strict();

/**
 * Without max_tokens a chat may run to the end of the model's context; Warden then lowers this to what the policy
 * and the model's context leave (see ChatDialect.measure).
 */
const UNBOUNDED_MAX_TOKENS = Number.MAX_SAFE_INTEGER;

/**
 * The most messages one chat may carry, as `/v1/completions` caps its prompts: each message is validated, rendered
 * and moderated as a text of its own. Only the body limit bounded them: 100,000 messages of "hi" (3 MB) held the
 * event loop 0.6 s (schema, template, garbage) before the prompt was refused as too long.
 */
export const MAX_MESSAGES = MAX_PROMPTS;

/** Validates a chat request and brings it to the shape every /v1 stage reads; `prompt` is set on measuring. */
export function parseCreateChatCompletion(body: unknown): NormalizedCompletionRequest {
  const messages = (body as { messages?: unknown } | null)?.messages;
  // Counted before the schema reads every message.
  if (Array.isArray(messages) && messages.length > MAX_MESSAGES) {
    throw new InvalidRequestError(
      CommonErrorCode.InvalidValue,
      `'messages' holds ${messages.length} messages; one call may send at most ${MAX_MESSAGES}.`,
      'messages',
    );
  }
  const value = validateBody(createChatCompletionSchema, body);
  const stream = value.stream ?? false;
  if (!stream && value.stream_options) {
    throw new InvalidRequestError(
      CommonErrorCode.InvalidValue,
      'stream_options is only allowed when stream is true.',
      'stream_options',
    );
  }
  if (value.top_logprobs !== undefined && value.top_logprobs !== null && !value.logprobs) {
    throw new InvalidRequestError(
      CommonErrorCode.InvalidValue,
      'top_logprobs requires logprobs to be true.',
      'top_logprobs',
    );
  }
  value.messages.forEach((message, index) => {
    for (const [field, fieldValue] of Object.entries(message)) {
      assertNestingWithin(fieldValue, `messages.${index}.${field}`);
    }
  });
  for (const field of PASSTHROUGH_FIELDS)
    assertNestingWithin((value as Record<string, unknown>)[field], field);
  const maxTokens = value.max_completion_tokens ?? value.max_tokens ?? null;
  const n = value.n ?? 1;
  return {
    model: value.model,
    prompt: '',
    messages: value.messages.map(toChatMessage),
    passthrough: passthroughOf(value as Record<string, unknown>),
    maxTokens: maxTokens ?? UNBOUNDED_MAX_TOKENS,
    maxTokensDefaulted: maxTokens === null,
    temperature: value.temperature ?? 1,
    topP: value.top_p ?? 1,
    n,
    bestOf: n,
    stop: value.stop === null || value.stop === undefined ? [] : [value.stop].flat(),
    logprobs: value.logprobs ? (value.top_logprobs ?? 0) : null,
    echo: false,
    seed: value.seed ?? null,
    presencePenalty: value.presence_penalty ?? 0,
    frequencyPenalty: value.frequency_penalty ?? 0,
    logitBias: value.logit_bias ?? null,
    suffix: null,
    user: value.user ?? null,
    endUser: endUserIdOf(value.safety_identifier ?? value.user),
    stream,
    includeUsage: value.stream_options?.include_usage ?? false,
  };
}

/**
 * The deepest a forwarded value may nest (objects and arrays). Far beyond any tool schema or response format a
 * model is given (OpenAI's structured outputs allow 10 levels), far below what overflows the stack when the body is
 * serialized for the upstream (some thousands of levels: 5,000 are 10 kB of a 4 MB body), which was a 500 for
 * the client's own input.
 */
export const MAX_FORWARDED_NESTING = 64;

/** Refuses a value nested deeper than `MAX_FORWARDED_NESTING`, measured without recursion. */
function assertNestingWithin(root: unknown, param: string): void {
  let level: unknown[] = [root];
  for (let depth = 1; ; depth++) {
    const next: unknown[] = [];
    let containers = 0;
    for (const value of level) {
      if (value === null || typeof value !== 'object') continue;
      containers++;
      for (const child of Object.values(value)) next.push(child);
    }
    if (containers === 0) return;
    if (depth > MAX_FORWARDED_NESTING) {
      throw new InvalidRequestError(
        CommonErrorCode.InvalidValue,
        `Invalid value for '${param}': nested more than ${MAX_FORWARDED_NESTING} levels deep.`,
        param,
      );
    }
    level = next;
  }
}

/** `response_format: {type: "text"}` is what every model does anyway; any other format is the model's to honour. */
function passthroughOf(value: Record<string, unknown>): Record<string, unknown> | null {
  const entries = PASSTHROUGH_FIELDS.filter((field) => value[field] !== undefined && value[field] !== null)
    .filter((field) => field !== 'response_format' || (value[field] as { type?: unknown }).type !== 'text')
    .map((field) => [field, value[field]]);
  return entries.length > 0 ? Object.fromEntries(entries) : null;
}

type MessageBody = z.infer<typeof messageSchema>;

/** Text parts become the text Warden moderates; everything else rides along in `extra` for upstream models. */
function toChatMessage(message: MessageBody, index: number): ChatMessage {
  const { role, content, ...rest } = message;
  const extra: Record<string, unknown> = Object.fromEntries(
    Object.entries(rest).filter(([, value]) => value !== undefined && value !== null),
  );
  if (typeof content === 'string' || content === null || content === undefined) {
    return { role, content: content ?? '', extra: Object.keys(extra).length > 0 ? extra : null };
  }
  const texts: string[] = [];
  const others: unknown[] = [];
  content.forEach((part, partIndex) => {
    if (part.type !== 'text') {
      others.push(part);
      return;
    }
    if (typeof part.text !== 'string') {
      throw new InvalidRequestError(
        CommonErrorCode.InvalidValue,
        "A text content part needs a string 'text'.",
        `messages.${index}.content.${partIndex}.text`,
      );
    }
    texts.push(part.text);
  });
  if (others.length > 0) extra.content_parts = others;
  return { role, content: texts.join(''), extra: Object.keys(extra).length > 0 ? extra : null };
}
