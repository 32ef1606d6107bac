import {
  generationRequest as withDefaults,
  GenerationRequest,
} from '../../server/src/inference/model-provider';

/** A provider-level request for specs to vary: 16 tokens of "Once upon a time" from stories260K, OpenAI's defaults. */
export function generationRequest(overrides: Partial<GenerationRequest>): GenerationRequest {
  return withDefaults({
    model: 'stories260K',
    prompt: 'Once upon a time',
    maxTokens: 16,
    signal: new AbortController().signal,
    ...overrides,
  });
}
