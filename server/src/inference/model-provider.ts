/** The contract every model backend (the embedded ONNX engine, an upstream OpenAI-compatible server) fulfils. */
export type FinishReason = 'stop' | 'length' | 'content_filter';

export type PromptInput = string | string[] | number[] | number[][];

export interface CompletionLogprobs {
  tokens: string[];
  token_logprobs: (number | null)[];
  top_logprobs: (Record<string, number> | null)[];
  text_offset: number[];
}

export type ChatRole = 'system' | 'developer' | 'user' | 'assistant' | 'tool' | 'function';

/**
 * One chat message as Warden moderates and forwards it: `content` is the message's text (text parts joined);
 * `extra` carries what only an upstream model can use (name, tool calls, non-text content parts), verbatim.
 */
export interface ChatMessage {
  role: ChatRole;
  content: string;
  extra: Record<string, unknown> | null;
}

export interface GenerationRequest {
  /** The model id the client asked for (an alias when served upstream). */
  model: string;
  prompt: PromptInput;
  maxTokens: number;
  temperature: number;
  topP: number;
  n: number;
  bestOf: number;
  stop: string[];
  logprobs: number | null;
  echo: boolean;
  seed: number | null;
  presencePenalty: number;
  frequencyPenalty: number;
  logitBias: Record<string, number> | null;
  suffix: string | null;
  user: string | null;
  /** A chat request: upstream models get the messages; embedded models read `prompt`, rendered from them. */
  messages?: ChatMessage[] | null;
  /** Chat fields Warden does not interpret (tools, response_format, ...), forwarded to upstream models as sent. */
  passthrough?: Record<string, unknown> | null;
  signal: AbortSignal;
}

/**
 * A request with OpenAI's defaults for what the caller leaves out (one choice, temperature 1, no stop sequences,
 * penalties, logprobs, bias or seed), for Warden's own generations: bias runs, fine-tuning samples, benchmarks.
 */
export function generationRequest(
  fields: Pick<GenerationRequest, 'model' | 'prompt' | 'maxTokens' | 'signal'> & Partial<GenerationRequest>,
): GenerationRequest {
  return {
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
    ...fields,
  };
}

export interface CompletionChoice {
  index: number;
  text: string;
  finish_reason: FinishReason;
  logprobs: CompletionLogprobs | null;
}

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

export interface GenerationResult {
  choices: CompletionChoice[];
  usage: Usage;
}

export interface StreamChoiceDelta {
  index: number;
  text: string;
  finish_reason: FinishReason | null;
  logprobs: CompletionLogprobs | null;
}

export type StreamEvent = { kind: 'delta'; choices: StreamChoiceDelta[] } | { kind: 'usage'; usage: Usage };

export interface ModelDescriptor {
  id: string;
  ownedBy: string;
  created: number;
  contextLength?: number;
}

export interface ModelProvider {
  readonly name: string;
  models(): ModelDescriptor[];
  complete(request: GenerationRequest): Promise<GenerationResult>;
  /** Yields deltas as text becomes available and, last, the usage of the whole generation. */
  stream(request: GenerationRequest): AsyncIterable<StreamEvent>;
  /** Prompt tokens as the model counts them; absent where the model's tokenizer is not local (upstream). */
  countTokens?(model: string, text: string): number;
  /** The prompt a chat renders to with the model's own chat template; absent where messages go upstream as-is. */
  renderChat?(model: string, messages: ChatMessage[]): string;
  /** Text of a token-id prompt, so it can be moderated; absent where the tokenizer is not local. */
  detokenize?(model: string, ids: number[]): string;
}
