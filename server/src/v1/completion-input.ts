import { mapInSlices } from '../common/map-in-slices';
import { InferenceErrorCode, InferenceRequestError } from '../inference/inference.errors';
import { ModelProvider, PromptInput } from '../inference/model-provider';
import {
  assertWithinByteLimit,
  assertWithinLengthLimits,
  estimateTokens,
  MAX_BYTES_PER_TOKEN,
  TokenPlan,
} from '../limits/length-limits';
import { LengthLimits } from '../limits/limits.types';
import { ModerationError } from '../moderation/moderation.errors';
import { ReadTogether } from '../moderation/moderation.service';
import { NormalizedCompletionRequest } from './completions.dto';

/** Every text a completion request sends to the model (prompts, then the suffix) and what it costs in tokens. */
export interface ModelInput {
  /** One text per prompt, then the suffix when there is one: what input moderation sees. */
  texts: string[];
  plan: TokenPlan;
  /** Legacy completions: the parameter each text came from (`prompt`, `prompt.2` in a list, `suffix`). */
  params?: string[];
  /** Chat: the message each moderated text came from (messages a policy exempts have none). */
  messageIndexes?: number[];
  /** Chat: after the messages' contents, the parameter of each forwarded field moderated as one more text. */
  forwardedParams?: string[];
  /** Texts the model reads as one (a chat's messages, each prompt with the suffix), also moderated joined. */
  readTogether?: ReadTogether[];
}

/** A chat field forwarded to the model, as the one text input moderation read it as. */
export interface ForwardedField {
  param: string;
  text: string;
}

/** The forwarded fields of a chat's input, in the order they were moderated (after the messages' contents). */
export function forwardedFields(input: ModelInput): ForwardedField[] {
  const first = input.messageIndexes?.length ?? 0;
  return (input.forwardedParams ?? []).map((param, index) => ({ param, text: input.texts[first + index] }));
}

/**
 * Reads the texts a request sends to the model and counts their tokens with the model's tokenizer. Texts whose
 * size alone exceeds the policy are refused first, so tokenizing is bounded by the policy, not by the body limit.
 */
export async function measureInput(
  request: NormalizedCompletionRequest,
  provider: ModelProvider,
  limits: LengthLimits,
): Promise<ModelInput> {
  const prompts = promptList(request.prompt);
  assertWithinByteLimit(
    prompts.filter((prompt): prompt is string => typeof prompt === 'string'),
    limits,
    'prompt',
  );
  if (request.suffix !== null) assertWithinByteLimit([request.suffix], limits, 'suffix');
  const idPrompts = prompts.filter((prompt): prompt is number[] => typeof prompt !== 'string');
  if (idPrompts.length > 0) {
    // Token ids are counted by their number before they are turned back into text.
    assertWithinLengthLimits(
      {
        ...planOf(
          request,
          idPrompts.map((ids) => ids.length),
        ),
        maxTokens: 0,
      },
      limits,
    );
    if (!provider.detokenize) throw ModerationError.unmoderatablePrompt();
  }
  if (provider.countTokens) {
    const suffixBytes = request.suffix === null ? 0 : Buffer.byteLength(request.suffix, 'utf8');
    prompts.forEach((prompt, index) => {
      if (typeof prompt !== 'string') return;
      assertFitsContextBySize(
        request.model,
        provider,
        Buffer.byteLength(prompt, 'utf8') + suffixBytes,
        promptParam(request, prompts.length, index),
      );
    });
  }
  const count = (text: string) => provider.countTokens?.(request.model, text) ?? estimateTokens(text);
  const suffixTokens = request.suffix === null ? 0 : count(request.suffix);
  const texts = prompts.map((prompt) =>
    typeof prompt === 'string' ? prompt : provider.detokenize!(request.model, prompt),
  );
  // Tokenizing runs on the event loop: a list of many prompts is counted a slice at a time.
  const promptTokens = await mapInSlices(
    prompts,
    (prompt, index) => (typeof prompt === 'string' ? count(texts[index]) : prompt.length) + suffixTokens,
    (prompt) => prompt.length,
  );
  const params = texts.map((_, index) => promptParam(request, texts.length, index));
  return {
    texts: request.suffix === null ? texts : [...texts, request.suffix],
    params: request.suffix === null ? params : [...params, 'suffix'],
    // The model reads each prompt towards the suffix: a request split between them is read whole too.
    readTogether:
      request.suffix === null
        ? []
        : texts.map((_, index) => ({ indexes: [index, texts.length], param: params[index] })),
    plan: planOf(request, promptTokens),
  };
}

/** The parameter a prompt came from: `prompt`, or `prompt.2` in a list of several. */
function promptParam(request: NormalizedCompletionRequest, promptCount: number, index: number): string {
  return Array.isArray(request.prompt) && promptCount > 1 ? `prompt.${index}` : 'prompt';
}

/**
 * Refuses a prompt whose UTF-8 size alone proves it longer than the model's context, before its tokenizer reads it:
 * tokenizing runs on the event loop (about 3.5 µs a character for stories260K's), and a policy may allow far longer
 * prompts than a model reads (a 400,000-character prompt held the loop 1.4 s to be told it did not fit 512 tokens).
 */
export function assertFitsContextBySize(
  model: string,
  provider: ModelProvider,
  bytes: number,
  param: string,
): void {
  const contextLength = provider.models().find((descriptor) => descriptor.id === model)?.contextLength;
  if (contextLength === undefined || bytes <= contextLength * MAX_BYTES_PER_TOKEN) return;
  throw new InferenceRequestError(
    InferenceErrorCode.ContextLengthExceeded,
    `This model's maximum context length is ${contextLength} tokens, however your prompt is ${bytes} bytes long, ` +
      `more than ${contextLength} tokens ever hold (at most ${MAX_BYTES_PER_TOKEN} bytes each). Please reduce your prompt.`,
    param,
  );
}

/**
 * The request with the texts input moderation let through. Where moderation changed any prompt (a redaction),
 * every prompt is sent as its moderated text, token-id prompts included, so nothing bypasses the redaction.
 */
export function withModeratedTexts(
  request: NormalizedCompletionRequest,
  input: ModelInput,
  moderated: string[],
): NormalizedCompletionRequest {
  const promptCount = request.suffix === null ? moderated.length : moderated.length - 1;
  const suffix = request.suffix === null ? null : moderated[promptCount];
  const promptTexts = moderated.slice(0, promptCount);
  const changed = promptTexts.some((text, index) => text !== input.texts[index]);
  if (!changed) return suffix === request.suffix ? request : { ...request, suffix };
  const prompt: PromptInput = typeof request.prompt === 'string' ? promptTexts[0] : promptTexts;
  return { ...request, prompt, suffix };
}

export function promptList(prompt: PromptInput): Array<string | number[]> {
  if (typeof prompt === 'string') return [prompt];
  if (prompt.length > 0 && typeof prompt[0] === 'number') return [prompt as number[]];
  return prompt as Array<string | number[]>;
}

function planOf(request: NormalizedCompletionRequest, promptTokens: number[]): TokenPlan {
  return {
    promptTokens,
    maxTokens: request.maxTokens,
    sequences: request.bestOf,
    maxTokensDefaulted: request.maxTokensDefaulted,
  };
}

/** The request parameter a moderated text came from, as a refusal names it: a prompt, the suffix, a chat message. */
export function inputParam(input: ModelInput, textIndex: number): string {
  const param = input.params?.[textIndex];
  if (param !== undefined) return param;
  const message = input.messageIndexes?.[textIndex];
  if (message !== undefined) return `messages.${message}.content`;
  return input.forwardedParams?.[textIndex - (input.messageIndexes?.length ?? 0)] ?? 'prompt';
}
