import { ModelProvider } from '../inference/model-provider';
import { PolicyRules } from '../policies/policy.types';
import { CompletionChunks, CompletionStreamItem } from './completion-generation';
import { measureInput, ModelInput, withModeratedTexts } from './completion-input';
import { CompletionResponse, NormalizedCompletionRequest, parseCreateCompletion } from './completions.dto';

/**
 * What differs between `/v1/completions` and `/v1/chat/completions`: how a body is read, which texts input
 * moderation sees and what they cost, and the shape of the answer. Everything else is one pipeline: every stage
 * (caller, end user, rate limit, length limits, moderation, generation, output guard, record) runs on the
 * normalized request, and generation speaks the completion layout that `present` maps to the route's own.
 */
export interface CompletionDialect {
  readonly endpoint: '/v1/completions' | '/v1/chat/completions';
  parse(body: unknown): NormalizedCompletionRequest;
  /** Checks the request against what the model can do and measures the texts input moderation must see. */
  measure(
    request: NormalizedCompletionRequest,
    provider: ModelProvider,
    policy: PolicyRules,
  ): Promise<ModelInput>;
  /** The request as generated: every moderated text in its place (a redaction replaces what the model reads). */
  withModeratedTexts(
    request: NormalizedCompletionRequest,
    input: ModelInput,
    moderated: string[],
    provider: ModelProvider,
  ): NormalizedCompletionRequest;
  present(response: CompletionResponse, request: NormalizedCompletionRequest): object;
  presentChunks(chunks: CompletionChunks, request: NormalizedCompletionRequest): AsyncGenerator<object>;
}

/** OpenAI's legacy completions: prompts (and a suffix) in, the completion layout out unchanged. */
export const completionsDialect: CompletionDialect = {
  endpoint: '/v1/completions',
  parse: parseCreateCompletion,
  measure: (request, provider, policy) => measureInput(request, provider, policy.limits),
  withModeratedTexts: (request, input, moderated) => withModeratedTexts(request, input, moderated),
  present: (response) => response,
  presentChunks: (chunks: CompletionChunks): AsyncGenerator<CompletionStreamItem> => chunks,
};
