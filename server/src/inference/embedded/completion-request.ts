import { CommonErrorCode } from '../../common/errors';
import { InferenceErrorCode, InferenceRequestError } from '../inference.errors';
import { GenerationRequest, PromptInput } from '../model-provider';
import { ModelSpec } from './model-spec';
import { ModelTokenizer } from './model-tokenizer';

export interface PreparedRequest {
  prompts: number[][];
  logitBias: Array<[number, number]>;
}

/** Checks a request against what this model can do and turns its prompts into token ids (400s name the parameter). */
export function prepareRequest(
  request: GenerationRequest,
  spec: ModelSpec,
  tokenizer: ModelTokenizer,
  maxSequences: number,
): PreparedRequest {
  if (request.suffix !== null) {
    throw new InferenceRequestError(
      InferenceErrorCode.UnsupportedParameter,
      `The model \`${spec.id}\` does not support suffix (insertion): it only continues text. Remove suffix.`,
      'suffix',
    );
  }
  // Counted before any prompt is tokenized: a list of a thousand prompts was encoded, on the event loop, to be refused.
  const sequences = promptCount(request.prompt) * request.bestOf;
  if (sequences > maxSequences) {
    throw new InferenceRequestError(
      CommonErrorCode.InvalidValue,
      `This request asks for ${sequences} sequences (prompts × ${request.bestOf > request.n ? 'best_of' : 'n'}); this deployment queues at most ${maxSequences}.`,
      request.bestOf > request.n ? 'best_of' : 'n',
    );
  }
  const prompts = promptIds(request.prompt, spec, tokenizer);
  for (const ids of prompts) {
    const requested = ids.length + request.maxTokens;
    if (requested > spec.contextLength) {
      throw new InferenceRequestError(
        InferenceErrorCode.ContextLengthExceeded,
        `This model's maximum context length is ${spec.contextLength} tokens, however you requested ${requested} tokens ` +
          `(${ids.length} in your prompt; ${request.maxTokens} for the completion). Please reduce your prompt; or completion length.`,
        ids.length >= spec.contextLength ? 'prompt' : 'max_tokens',
      );
    }
  }
  return { prompts, logitBias: logitBias(request.logitBias, spec) };
}

/** How many prompts a prompt parameter holds (one string or one id list is one). */
function promptCount(prompt: PromptInput): number {
  if (typeof prompt === 'string') return 1;
  return prompt.length > 0 && prompt.every((item) => typeof item === 'number') ? 1 : prompt.length;
}

function promptIds(prompt: PromptInput, spec: ModelSpec, tokenizer: ModelTokenizer): number[][] {
  const encode = (text: string): number[] => {
    const ids = tokenizer.encode(text);
    if (ids.length > 0) {
      return ids;
    }
    // A tokenizer that adds no start token encodes "" to nothing; the model still needs one token to start from.
    const start = spec.bosTokenId ?? spec.eosTokenIds[0];
    if (start === undefined) {
      throw new InferenceRequestError(
        CommonErrorCode.InvalidValue,
        'The prompt is empty and this model has no start-of-text token.',
        'prompt',
      );
    }
    return [start];
  };
  let prompts: number[][];
  if (typeof prompt === 'string') {
    prompts = [encode(prompt)];
  } else if (prompt.every((item): item is string => typeof item === 'string')) {
    prompts = prompt.map(encode);
  } else if (prompt.every((item): item is number => typeof item === 'number')) {
    prompts = [prompt];
  } else {
    prompts = prompt as number[][];
  }
  for (const ids of prompts) {
    const bad = ids.find((id) => !Number.isInteger(id) || id < 0 || id >= spec.vocabSize);
    if (bad !== undefined) {
      throw new InferenceRequestError(
        CommonErrorCode.InvalidValue,
        `Token id ${bad} is outside the vocabulary of \`${spec.id}\` (0–${spec.vocabSize - 1}).`,
        'prompt',
      );
    }
  }
  return prompts;
}

function logitBias(bias: Record<string, number> | null, spec: ModelSpec): Array<[number, number]> {
  return Object.entries(bias ?? {}).map(([key, value]) => {
    const id = Number(key);
    if (!Number.isInteger(id) || id < 0 || id >= spec.vocabSize) {
      throw new InferenceRequestError(
        CommonErrorCode.InvalidValue,
        `logit_bias key ${key} is not a token id of \`${spec.id}\` (0–${spec.vocabSize - 1}).`,
        'logit_bias',
      );
    }
    return [id, value];
  });
}
