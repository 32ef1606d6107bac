import { InferenceBackendError, InferenceErrorCode } from '../inference.errors';
import {
  ChatMessage,
  CompletionChoice,
  CompletionLogprobs,
  GenerationRequest,
  GenerationResult,
  ModelDescriptor,
  ModelProvider,
  StreamChoiceDelta,
  StreamEvent,
  Usage,
} from '../model-provider';
import { UpstreamClient } from './upstream.client';

type UpstreamChoice = Partial<Omit<CompletionChoice, 'finish_reason' | 'logprobs'>> & {
  finish_reason?: string | null;
  logprobs?: CompletionLogprobs | ChatLogprobs | null;
  /** A chat answer's message, or a chat stream's delta: their `content` is the choice's text. */
  message?: { content?: string | null } | null;
  delta?: { content?: string | null } | null;
};

interface ChatLogprobs {
  content?: Array<{
    token: string;
    logprob: number;
    top_logprobs?: Array<{ token: string; logprob: number }>;
  }> | null;
}

interface UpstreamCompletion {
  choices?: UpstreamChoice[];
  usage?: Partial<Usage> | null;
}

/** Serves configured aliases from an OpenAI-compatible server (vLLM, llama.cpp, Ollama, OpenAI). */
export class UpstreamProvider implements ModelProvider {
  readonly name = 'upstream';
  private readonly created = Math.floor(Date.now() / 1000);

  constructor(
    private readonly client: UpstreamClient,
    private readonly modelMap: Record<string, string>,
  ) {}

  models(): ModelDescriptor[] {
    return Object.keys(this.modelMap).map((id) => ({ id, ownedBy: 'upstream', created: this.created }));
  }

  async complete(request: GenerationRequest): Promise<GenerationResult> {
    const body = (await this.client.postJson(
      endpointOf(request),
      this.toUpstreamBody(request, false),
      request.signal,
      answerBudgetBytes(request),
    )) as UpstreamCompletion;
    if (!Array.isArray(body.choices)) {
      throw new InferenceBackendError(
        InferenceErrorCode.UpstreamError,
        'The model server answered without choices.',
      );
    }
    return { choices: checkedChoices(body.choices.map(toChoice), request), usage: toUsage(body.usage) };
  }

  async *stream(request: GenerationRequest): AsyncIterable<StreamEvent> {
    let usage: Usage | undefined;
    let deltas = 0;
    for await (const data of this.client.postStream(
      endpointOf(request),
      this.toUpstreamBody(request, true),
      request.signal,
      answerBudgetBytes(request),
    )) {
      let chunk: UpstreamCompletion;
      try {
        chunk = JSON.parse(data) as UpstreamCompletion;
      } catch {
        throw new InferenceBackendError(
          InferenceErrorCode.UpstreamError,
          'The model server sent a malformed stream event.',
        );
      }
      if (chunk.usage) {
        usage = toUsage(chunk.usage);
      }
      if (chunk.choices && chunk.choices.length > 0) {
        const choices = checkedChoices(chunk.choices.map(toDelta), request);
        deltas += choices.filter((choice) => choice.text.length > 0).length;
        yield { kind: 'delta', choices };
      }
    }
    // Servers that ignore stream_options send no usage; each delta then stands for one token.
    yield {
      kind: 'usage',
      usage: usage ?? { prompt_tokens: 0, completion_tokens: deltas, total_tokens: deltas },
    };
  }

  private toUpstreamBody(request: GenerationRequest, stream: boolean): Record<string, unknown> {
    const body: Record<string, unknown> = {
      ...request.passthrough,
      model: this.modelMap[request.model],
      ...(request.messages
        ? { messages: request.messages.map(toUpstreamMessage) }
        : { prompt: request.prompt, echo: request.echo }),
      max_tokens: request.maxTokens,
      temperature: request.temperature,
      top_p: request.topP,
      n: request.n,
      presence_penalty: request.presencePenalty,
      frequency_penalty: request.frequencyPenalty,
      stream,
    };
    if (stream) body.stream_options = { include_usage: true };
    if (request.bestOf !== request.n) body.best_of = request.bestOf;
    if (request.stop.length > 0) body.stop = request.stop;
    if (request.logprobs !== null && request.messages) {
      body.logprobs = true;
      body.top_logprobs = request.logprobs;
    } else if (request.logprobs !== null) {
      body.logprobs = request.logprobs;
    }
    if (request.seed !== null) body.seed = request.seed;
    if (request.logitBias) body.logit_bias = request.logitBias;
    if (request.suffix !== null) body.suffix = request.suffix;
    if (request.user !== null) body.user = request.user;
    return body;
  }
}

/**
 * The most a well-behaved server can send for a request: every choice (prompts × n, best_of generated) at
 * `max_tokens`, each token with room for JSON escaping, its logprobs and a stream event's envelope, plus the prompt
 * again when echoed, plus fixed room for usage and tool-call framing. Generous by design: it only has to stop a
 * server that ignores `max_tokens` from filling the gateway's memory.
 */
export function answerBudgetBytes(request: GenerationRequest): number {
  const perPrompt = Math.max(request.n, request.bestOf);
  const choices = promptCount(request) * perPrompt;
  const perToken = BYTES_PER_TOKEN * (request.logprobs === null ? 1 : 2 + request.logprobs);
  // Each prompt comes back with each of its choices: escaped (up to 6 bytes a character), or with logprobs for each
  // of its tokens (at most one a byte).
  const perEchoedByte = request.logprobs === null ? 6 : perToken;
  const echoed = request.echo
    ? Buffer.byteLength(JSON.stringify(request.prompt)) * perEchoedByte * perPrompt
    : 0;
  return ANSWER_SLACK_BYTES + choices * request.maxTokens * perToken + echoed;
}

/**
 * Choices are what the request asked for: indexes 0 … prompts × n − 1, each answered once in a whole answer. Others
 * (a server that ignores `n`, or sends made-up indexes) would reach moderation, the log and the client as if asked.
 */
function checkedChoices<T extends { index: number }>(choices: T[], request: GenerationRequest): T[] {
  const expected = promptCount(request) * request.n;
  if (choices.length > expected || choices.some((choice) => !isChoiceIndex(choice.index, expected))) {
    throw new InferenceBackendError(
      InferenceErrorCode.UpstreamBadResponse,
      `The model server answered with choices the request did not ask for (it asked for ${expected}).`,
    );
  }
  return choices;
}

function isChoiceIndex(index: number, expected: number): boolean {
  return Number.isInteger(index) && index >= 0 && index < expected;
}

/** JSON-escaped token text (up to 6 bytes a character) or one stream event's envelope around it. */
const BYTES_PER_TOKEN = 512;
const ANSWER_SLACK_BYTES = 1 << 20;

/** A chat is one prompt; a completion's list of texts is one prompt each (a list of token ids is one prompt). */
function promptCount({ messages, prompt }: GenerationRequest): number {
  if (messages || !Array.isArray(prompt) || prompt.length === 0) return 1;
  return prompt.every((item) => typeof item === 'number') ? 1 : prompt.length;
}

function toFinishReason(value: string | null | undefined): CompletionChoice['finish_reason'] {
  return value === 'length' || value === 'content_filter' ? value : 'stop';
}

function toChoice(choice: UpstreamChoice, position: number): CompletionChoice {
  return {
    index: typeof choice.index === 'number' ? choice.index : position,
    text: textOf(choice),
    finish_reason: toFinishReason(choice.finish_reason),
    logprobs: toLogprobs(choice.logprobs),
  };
}

function toDelta(choice: UpstreamChoice, position: number): StreamChoiceDelta {
  return {
    index: typeof choice.index === 'number' ? choice.index : position,
    text: textOf(choice),
    finish_reason: choice.finish_reason ? toFinishReason(choice.finish_reason) : null,
    logprobs: toLogprobs(choice.logprobs),
  };
}

function endpointOf(request: GenerationRequest): string {
  return request.messages ? '/chat/completions' : '/completions';
}

/** What the upstream reads: the moderated text, plus what Warden forwards untouched (name, tool calls, images). */
function toUpstreamMessage(message: ChatMessage): Record<string, unknown> {
  const parts = message.extra?.content_parts;
  const content = Array.isArray(parts)
    ? [{ type: 'text', text: message.content }, ...parts]
    : message.content;
  const { content_parts: _parts, ...extra } = message.extra ?? {};
  return { ...extra, role: message.role, content };
}

/** A completion choice's text, a chat message's content, or a chat delta's content. */
function textOf(choice: UpstreamChoice): string {
  if (typeof choice.text === 'string') return choice.text;
  const content = choice.message?.content ?? choice.delta?.content;
  return typeof content === 'string' ? content : '';
}

/** Chat logprobs come back per token; Warden's choices carry them in the completion layout, mapped back on answer. */
function toLogprobs(logprobs: UpstreamChoice['logprobs']): CompletionLogprobs | null {
  if (!logprobs) return null;
  if (!('content' in logprobs)) return logprobs as CompletionLogprobs;
  const tokens = logprobs.content ?? [];
  let offset = 0;
  return {
    tokens: tokens.map((token) => token.token),
    token_logprobs: tokens.map((token) => token.logprob),
    top_logprobs: tokens.map((token) =>
      token.top_logprobs
        ? Object.fromEntries(token.top_logprobs.map((top) => [top.token, top.logprob]))
        : null,
    ),
    text_offset: tokens.map((token) => {
      const at = offset;
      offset += token.token.length;
      return at;
    }),
  };
}

function toUsage(usage: Partial<Usage> | null | undefined): Usage {
  const prompt = usage?.prompt_tokens ?? 0;
  const completion = usage?.completion_tokens ?? 0;
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: usage?.total_tokens ?? prompt + completion,
  };
}
