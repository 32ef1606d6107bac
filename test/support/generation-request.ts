import { GenerationRequest } from '../../server/src/inference/model-provider';

/** A provider-level request with OpenAI's defaults (one prompt, n 1, 16 tokens), for specs to vary. */
export function generationRequest(overrides: Partial<GenerationRequest>): GenerationRequest {
  return {
    model: 'stories260K',
    prompt: 'Once upon a time',
    maxTokens: 16,
    temperature: 1,
    topP: 1,
    n: 1,
    bestOf: 1,
    stop: [],
    logprobs: null,
    echo: false,
    seed: null,
    presencePenalty: 0,
    frequencyPenalty: 0,
    logitBias: null,
    suffix: null,
    user: null,
    signal: new AbortController().signal,
    ...overrides,
  };
}
