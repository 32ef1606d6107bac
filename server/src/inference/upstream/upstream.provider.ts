import { InferenceBackendError, InferenceErrorCode } from '../inference.errors';
import {
  CompletionChoice,
  GenerationRequest,
  GenerationResult,
  ModelDescriptor,
  ModelProvider,
  StreamChoiceDelta,
  StreamEvent,
  Usage,
} from '../model-provider';
import { UpstreamClient } from './upstream.client';

type UpstreamChoice = Partial<Omit<CompletionChoice, 'finish_reason'>> & { finish_reason?: string | null };

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
      '/completions',
      this.toUpstreamBody(request, false),
      request.signal,
    )) as UpstreamCompletion;
    if (!Array.isArray(body.choices)) {
      throw new InferenceBackendError(
        502,
        InferenceErrorCode.UpstreamError,
        'The model server answered without choices.',
      );
    }
    return { choices: body.choices.map(toChoice), usage: toUsage(body.usage) };
  }

  async *stream(request: GenerationRequest): AsyncIterable<StreamEvent> {
    let usage: Usage | undefined;
    let deltas = 0;
    for await (const data of this.client.postStream(
      '/completions',
      this.toUpstreamBody(request, true),
      request.signal,
    )) {
      let chunk: UpstreamCompletion;
      try {
        chunk = JSON.parse(data) as UpstreamCompletion;
      } catch {
        throw new InferenceBackendError(
          502,
          InferenceErrorCode.UpstreamError,
          'The model server sent a malformed stream event.',
        );
      }
      if (chunk.usage) {
        usage = toUsage(chunk.usage);
      }
      if (chunk.choices && chunk.choices.length > 0) {
        const choices = chunk.choices.map(toDelta);
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
      model: this.modelMap[request.model],
      prompt: request.prompt,
      max_tokens: request.maxTokens,
      temperature: request.temperature,
      top_p: request.topP,
      n: request.n,
      echo: request.echo,
      presence_penalty: request.presencePenalty,
      frequency_penalty: request.frequencyPenalty,
      stream,
    };
    if (stream) body.stream_options = { include_usage: true };
    if (request.bestOf !== request.n) body.best_of = request.bestOf;
    if (request.stop.length > 0) body.stop = request.stop;
    if (request.logprobs !== null) body.logprobs = request.logprobs;
    if (request.seed !== null) body.seed = request.seed;
    if (request.logitBias) body.logit_bias = request.logitBias;
    if (request.suffix !== null) body.suffix = request.suffix;
    if (request.user !== null) body.user = request.user;
    return body;
  }
}

function toFinishReason(value: string | null | undefined): CompletionChoice['finish_reason'] {
  return value === 'length' || value === 'content_filter' ? value : 'stop';
}

function toChoice(choice: UpstreamChoice, position: number): CompletionChoice {
  return {
    index: typeof choice.index === 'number' ? choice.index : position,
    text: typeof choice.text === 'string' ? choice.text : '',
    finish_reason: toFinishReason(choice.finish_reason),
    logprobs: choice.logprobs ?? null,
  };
}

function toDelta(choice: UpstreamChoice, position: number): StreamChoiceDelta {
  return {
    index: typeof choice.index === 'number' ? choice.index : position,
    text: typeof choice.text === 'string' ? choice.text : '',
    finish_reason: choice.finish_reason ? toFinishReason(choice.finish_reason) : null,
    logprobs: choice.logprobs ?? null,
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
