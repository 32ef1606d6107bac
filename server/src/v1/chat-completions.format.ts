import { CompletionLogprobs, FinishReason, Usage } from '../inference/model-provider';
import { CompletionChunks } from './completion-generation';
import { CompletionResponse, NormalizedCompletionRequest } from './completions.dto';

interface ChatTokenLogprob {
  token: string;
  logprob: number;
  bytes: number[];
}

export interface ChatLogprobs {
  content: Array<ChatTokenLogprob & { top_logprobs: ChatTokenLogprob[] }>;
  refusal: null;
}

type WardenStatus = CompletionResponse['warden'];

export interface ChatCompletionResponse {
  id: string;
  object: 'chat.completion';
  created: number;
  model: string;
  choices: Array<{
    index: number;
    message: { role: 'assistant'; content: string; refusal: null };
    logprobs: ChatLogprobs | null;
    finish_reason: FinishReason;
  }>;
  usage?: Usage;
  warden?: WardenStatus;
}

export interface ChatCompletionChunk {
  id: string;
  object: 'chat.completion.chunk';
  created: number;
  model: string;
  choices: Array<{
    index: number;
    delta: { role?: 'assistant'; content?: string };
    logprobs: ChatLogprobs | null;
    finish_reason: FinishReason | null;
  }>;
  usage?: Usage;
  warden?: WardenStatus;
}

/**
 * A whole answer in OpenAI's `chat.completion` shape; generation's text becomes the assistant's message, with at
 * most `topLogprobs` alternatives per token.
 */
export function presentChatCompletion(
  response: CompletionResponse,
  topLogprobs: number,
): ChatCompletionResponse {
  return {
    ...header(response),
    object: 'chat.completion',
    choices: response.choices.map((choice) => ({
      index: choice.index,
      message: { role: 'assistant', content: choice.text, refusal: null },
      logprobs: chatLogprobs(choice.logprobs, topLogprobs),
      finish_reason: choice.finish_reason ?? 'stop',
    })),
  };
}

/**
 * A stream in OpenAI's `chat.completion.chunk` shape: each choice's first delta names the assistant role, and
 * errors pass as they are. Returning early returns the source too, so its recording stage still runs.
 */
export async function* presentChatChunks(
  chunks: CompletionChunks,
  request: NormalizedCompletionRequest,
): AsyncGenerator<ChatCompletionChunk | { error: unknown }> {
  const started = new Set<number>();
  try {
    for await (const chunk of chunks) {
      if ('error' in chunk) {
        yield chunk;
        continue;
      }
      yield {
        ...header(chunk),
        object: 'chat.completion.chunk',
        choices: chunk.choices.map((choice) => {
          const first = !started.has(choice.index);
          started.add(choice.index);
          return {
            index: choice.index,
            delta: first
              ? { role: 'assistant', content: choice.text }
              : choice.text
                ? { content: choice.text }
                : {},
            logprobs: chatLogprobs(choice.logprobs, request.logprobs ?? 0),
            finish_reason: choice.finish_reason,
          };
        }),
      };
    }
  } finally {
    await chunks.return(undefined);
  }
}

function header(response: CompletionResponse) {
  return {
    id: response.id.replace(/^cmpl-/, 'chatcmpl-'),
    created: response.created,
    model: response.model,
    ...(response.usage ? { usage: response.usage } : {}),
    ...(response.warden ? { warden: response.warden } : {}),
  };
}

/**
 * Per-token logprobs in the chat layout, with each token's UTF-8 bytes. The completion layout may list the sampled
 * token besides the k most likely; chat's `top_logprobs` is exactly the k most likely.
 */
export function chatLogprobs(logprobs: CompletionLogprobs | null, top: number): ChatLogprobs | null {
  if (!logprobs) return null;
  const entry = (token: string, logprob: number | null): ChatTokenLogprob => ({
    token,
    logprob: logprob ?? 0,
    bytes: [...Buffer.from(token, 'utf8')],
  });
  return {
    content: logprobs.tokens.map((token, index) => ({
      ...entry(token, logprobs.token_logprobs[index]),
      top_logprobs: Object.entries(logprobs.top_logprobs[index] ?? {})
        .sort(([, a], [, b]) => b - a)
        .slice(0, top)
        .map(([alternative, logprob]) => entry(alternative, logprob)),
    })),
    refusal: null,
  };
}
