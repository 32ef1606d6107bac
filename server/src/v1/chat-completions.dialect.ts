import { ChatMessage, ModelProvider } from '../inference/model-provider';
import { ModerationError, ModerationErrorCode } from '../moderation/moderation.errors';
import { InferenceErrorCode, InferenceRequestError } from '../inference/inference.errors';
import { assertWithinByteLimit, estimateTokens } from '../limits/length-limits';
import { PolicyRules } from '../policies/policy.types';
import { parseCreateChatCompletion } from './chat-completions.dto';
import { presentChatChunks, presentChatCompletion } from './chat-completions.format';
import { CompletionDialect } from './completion-dialect';
import { assertFitsContextBySize, ModelInput } from './completion-input';
import { NormalizedCompletionRequest } from './completions.dto';

/** The engine reports at most this many alternatives per token (OpenAI's legacy `logprobs` range). */
const EMBEDDED_MAX_TOP_LOGPROBS = 5;
const DEVELOPER_ROLES: ReadonlySet<ChatMessage['role']> = new Set(['system', 'developer']);

/**
 * `/v1/chat/completions` on the one completions pipeline. Each message's text is moderated on its own (the
 * policy may exempt the developer's system prompt), and the messages once more read together; embedded models read
 * the messages rendered with their chat template, upstream models get the messages themselves.
 */
export const chatCompletionsDialect: CompletionDialect = {
  endpoint: '/v1/chat/completions',
  parse: parseCreateChatCompletion,

  async measure(
    request: NormalizedCompletionRequest,
    provider: ModelProvider,
    policy: PolicyRules,
  ): Promise<ModelInput> {
    const messages = request.messages ?? [];
    const messageIndexes = messages
      .map((message, index) => ({ message, index }))
      .filter(({ message }) => !(policy.exemptSystemPrompt && DEVELOPER_ROLES.has(message.role)))
      .map(({ index }) => index);
    const forwarded = forwardedTexts(request, messageIndexes);
    assertWithinByteLimit(
      [...messages.map((message) => message.content), ...forwarded.map(({ text }) => text)],
      policy.limits,
      'messages',
    );
    if (provider.renderChat) assertEmbeddedCanServe(request, messages);
    const prompt = promptOf(request.model, messages, provider);
    if (provider.countTokens) {
      assertFitsContextBySize(request.model, provider, Buffer.byteLength(prompt, 'utf8'), 'messages');
    }
    const promptTokens = provider.countTokens?.(request.model, prompt) ?? estimateTokens(prompt);
    return {
      texts: [
        ...messageIndexes.map((index) => messages[index].content),
        ...forwarded.map(({ text }) => text),
      ],
      messageIndexes,
      forwardedParams: forwarded.map(({ param }) => param),
      readTogether: [{ indexes: messageIndexes.map((_, textIndex) => textIndex), param: 'messages' }],
      plan: {
        promptTokens: [promptTokens],
        maxTokens: request.maxTokensDefaulted
          ? Math.max(1, Math.min(request.maxTokens, contextRoom(request.model, provider, promptTokens)))
          : request.maxTokens,
        sequences: request.n,
        maxTokensDefaulted: request.maxTokensDefaulted,
      },
    };
  },

  withModeratedTexts(request, input, moderated, provider): NormalizedCompletionRequest {
    const contentCount = input.messageIndexes?.length ?? 0;
    const redactedField = moderated.findIndex(
      (text, index) => index >= contentCount && text !== input.texts[index],
    );
    if (redactedField >= 0) {
      const param = input.forwardedParams![redactedField - contentCount];
      throw new ModerationError(
        ModerationErrorCode.ContentFilter,
        `The prompt was blocked by this application's content policy: ${param} would need redacting, and Warden forwards it only as sent.`,
        param,
      );
    }
    const messages = [...(request.messages ?? [])];
    (input.messageIndexes ?? []).forEach((messageIndex, textIndex) => {
      messages[messageIndex] = { ...messages[messageIndex], content: moderated[textIndex] };
    });
    return { ...request, messages, prompt: promptOf(request.model, messages, provider) };
  },

  present: (response, request) => presentChatCompletion(response, request.logprobs ?? 0),
  presentChunks: presentChatChunks,
};

/**
 * What the model reads: the chat rendered with the model's template, or, for an upstream model (which renders
 * the messages itself), a transcript used only to estimate the prompt's size and to show held outputs to staff.
 */
function promptOf(model: string, messages: ChatMessage[], provider: ModelProvider): string {
  if (provider.renderChat) return provider.renderChat(model, messages);
  return messages.map((message) => `${message.role}: ${message.content}`).join('\n');
}

/**
 * Keys whose string values are identifiers, enums or binary data rather than text a model reads as language. Only a
 * string is passed over: an object or array under such a key (a tool parameter named `data`, `url`, `id` or `type`,
 * whose schema carries a description) is read like any other.
 */
const NON_TEXT_KEYS: ReadonlySet<string> = new Set([
  'type',
  'id',
  'tool_call_id',
  'url',
  'data',
  'file_data',
  'file_id',
]);

/**
 * Fields forwarded verbatim to an upstream model (names, tool calls, refusals, non-text content parts, tool
 * definitions, predictions) are read by the model too: each is moderated as one text of its keys and strings.
 */
function forwardedTexts(
  request: NormalizedCompletionRequest,
  messageIndexes: number[],
): Array<{ param: string; text: string }> {
  const messages = request.messages ?? [];
  const fields = [
    ...messageIndexes.flatMap((index) =>
      Object.entries(messages[index].extra ?? {}).map(([field, value]) => ({
        param: `messages.${index}.${field === 'content_parts' ? 'content' : field}`,
        value,
      })),
    ),
    ...Object.entries(request.passthrough ?? {}).map(([param, value]) => ({ param, value })),
  ];
  return fields
    .map(({ param, value }) => ({ param, text: readableStrings(value).join('\n') }))
    .filter(({ text }) => text.length > 0);
}

/** Every object key and string value in a JSON value, iteratively (a client's nesting depth must not overflow the stack). */
function readableStrings(root: unknown): string[] {
  const strings: string[] = [];
  const pending: unknown[] = [root];
  for (let next = 0; next < pending.length; next++) {
    const value = pending[next];
    if (typeof value === 'string') strings.push(value);
    else if (Array.isArray(value)) for (const item of value) pending.push(item);
    else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        strings.push(key);
        if (typeof child !== 'string' || !NON_TEXT_KEYS.has(key)) pending.push(child);
      }
    }
  }
  return strings;
}

/** Without max_tokens a chat may use what the model's context leaves after the prompt. */
function contextRoom(model: string, provider: ModelProvider, promptTokens: number): number {
  const contextLength = provider.models().find((descriptor) => descriptor.id === model)?.contextLength;
  return contextLength === undefined ? Number.MAX_SAFE_INTEGER : contextLength - promptTokens;
}

/** An embedded model continues text: tools, audio, images, schemas and the like are refused by name. */
function assertEmbeddedCanServe(request: NormalizedCompletionRequest, messages: ChatMessage[]): void {
  const unsupported = (param: string, what: string) =>
    new InferenceRequestError(
      InferenceErrorCode.UnsupportedParameter,
      `The model \`${request.model}\` runs on Warden's embedded engine, which does not support ${what}. Remove ${param}.`,
      param,
    );
  const field = Object.keys(request.passthrough ?? {})[0];
  if (field === 'response_format') throw unsupported(field, 'response formats other than text');
  if (field) throw unsupported(field, `\`${field}\``);
  messages.forEach((message, index) => {
    if (message.role === 'tool' || message.role === 'function') {
      throw unsupported(`messages.${index}.role`, `${message.role} messages`);
    }
    const extra = Object.keys(message.extra ?? {})[0];
    if (extra === 'content_parts')
      throw unsupported(`messages.${index}.content`, 'content parts other than text');
    if (extra) throw unsupported(`messages.${index}.${extra}`, `\`${extra}\` on messages`);
  });
  if (request.logprobs !== null && request.logprobs > EMBEDDED_MAX_TOP_LOGPROBS) {
    throw unsupported('top_logprobs', `more than ${EMBEDDED_MAX_TOP_LOGPROBS} top_logprobs`);
  }
}
