import { ModelTokenizer } from '../../inference/embedded/model-tokenizer';
import { TokenizedExample } from './trainer';

/** A training example after format validation: what the model sees and what it must learn to write next. */
export interface TextExample {
  prompt: string;
  completion: string;
}

/**
 * Token ids as the engine will see them: the prompt exactly as a completion request encodes it (start token
 * included), the completion as the tokens that continue that prompt, then the end-of-text token so the model
 * learns to stop.
 */
export function tokenizeExample(
  tokenizer: ModelTokenizer,
  example: TextExample,
  eosTokenId: number | null,
): TokenizedExample {
  const prompt = tokenizer.encode(example.prompt);
  const whole = tokenizer.encode(example.prompt + example.completion);
  const sharesPrefix = prompt.every((id, index) => whole[index] === id);
  // BPE may merge across the boundary; then the completion is encoded alone, minus the start token it gets.
  const completion = sharesPrefix
    ? whole.slice(prompt.length)
    : tokenizer.encode(example.completion).slice(tokenizer.encode('').length);
  return { prompt, completion: eosTokenId === null ? completion : [...completion, eosTokenId] };
}
