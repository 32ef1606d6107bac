import { CommonErrorCode } from '../common/errors';
import { defaultPolicy } from '../policies/policy.defaults';
import { ModelProvider } from '../inference/model-provider';
import { chatCompletionsDialect } from './chat-completions.dialect';
import { MAX_MESSAGES, parseCreateChatCompletion } from './chat-completions.dto';
import { chatLogprobs } from './chat-completions.format';

const messages = [
  { role: 'system', content: 'Be kind.' },
  {
    role: 'user',
    content: [
      { type: 'text', text: 'Hi ' },
      { type: 'text', text: 'there' },
    ],
  },
];

/** An upstream-like provider: no chat template, so messages are measured as a transcript. */
const upstream: ModelProvider = {
  name: 'test',
  models: () => [{ id: 'm', ownedBy: 'test', created: 0, contextLength: 100 }],
  complete: () => Promise.reject(new Error('not generated here')),
  stream: () => {
    throw new Error('not generated here');
  },
};

describe('chat request parsing', () => {
  it('joins text parts, prefers max_completion_tokens and safety_identifier, and maps logprobs', () => {
    const request = parseCreateChatCompletion({
      model: 'm',
      messages,
      max_tokens: 9,
      max_completion_tokens: 5,
      user: 'old',
      safety_identifier: ' new ',
      logprobs: true,
      top_logprobs: 3,
      response_format: { type: 'text' },
    });
    expect(request.messages!.map((message) => message.content)).toEqual(['Be kind.', 'Hi there']);
    expect(request).toMatchObject({ maxTokens: 5, maxTokensDefaulted: false, endUser: 'new', logprobs: 3 });
    expect(request.passthrough).toBeNull();
  });

  it('keeps fields it does not interpret for an upstream model, and refuses unknown ones', () => {
    const request = parseCreateChatCompletion({ model: 'm', messages, tool_choice: 'auto' });
    expect(request.passthrough).toEqual({ tool_choice: 'auto' });
    expect(() => parseCreateChatCompletion({ model: 'm', messages, colour: 1 })).toThrow(
      expect.objectContaining({ code: CommonErrorCode.UnknownParameter, param: 'colour' }),
    );
  });

  it('refuses a model id longer than any provider issues, which every error and log line would echo', () => {
    expect(() => parseCreateChatCompletion({ model: 'm'.repeat(100_000), messages })).toThrow(
      expect.objectContaining({ code: CommonErrorCode.InvalidValue, param: 'model' }),
    );
    expect(parseCreateChatCompletion({ model: 'ft:m'.repeat(64), messages }).model).toHaveLength(256);
  });

  it('refuses top_logprobs without logprobs, and stream_options without stream', () => {
    expect(() => parseCreateChatCompletion({ model: 'm', messages, top_logprobs: 2 })).toThrow(
      expect.objectContaining({ param: 'top_logprobs' }),
    );
    expect(() =>
      parseCreateChatCompletion({ model: 'm', messages, stream_options: { include_usage: true } }),
    ).toThrow(expect.objectContaining({ param: 'stream_options' }));
  });
});

describe('chat request parsing: the number of messages', () => {
  const hi = { role: 'user', content: 'hi' };

  it(`takes up to ${MAX_MESSAGES} messages`, () => {
    const messages = new Array(MAX_MESSAGES).fill(hi);
    expect(parseCreateChatCompletion({ model: 'm', messages }).messages).toHaveLength(MAX_MESSAGES);
  });

  it('refuses more before reading them, naming messages', () => {
    expect(() =>
      parseCreateChatCompletion({ model: 'm', messages: new Array(100_000).fill({ role: 'user' }) }),
    ).toThrow(expect.objectContaining({ code: CommonErrorCode.InvalidValue, param: 'messages' }));
  });
});

describe('chat moderation input', () => {
  const request = parseCreateChatCompletion({ model: 'm', messages });

  it('moderates every message, or only the end user’s where the policy exempts the system prompt', async () => {
    const policy = defaultPolicy('live');
    expect((await chatCompletionsDialect.measure(request, upstream, policy)).texts).toEqual([
      'Be kind.',
      'Hi there',
    ]);
    const exempt = { ...policy, exemptSystemPrompt: true };
    const input = await chatCompletionsDialect.measure(request, upstream, exempt);
    expect(input.texts).toEqual(['Hi there']);
    const moderated = chatCompletionsDialect.withModeratedTexts(request, input, ['[REDACTED]'], upstream);
    expect(moderated.messages!.map((message) => message.content)).toEqual(['Be kind.', '[REDACTED]']);
  });

  it('lowers an omitted max_tokens to what the model context leaves', async () => {
    const input = await chatCompletionsDialect.measure(request, upstream, defaultPolicy('live'));
    expect(input.plan.maxTokens).toBe(100 - input.plan.promptTokens[0]);
  });
});

describe('chat logprobs', () => {
  it('lists exactly the k most likely alternatives with token bytes', () => {
    const logprobs = chatLogprobs(
      {
        tokens: ['é'],
        token_logprobs: [-0.1],
        top_logprobs: [{ é: -0.1, a: -2, b: -1 }],
        text_offset: [0],
      },
      2,
    );
    expect(logprobs).toEqual({
      content: [
        {
          token: 'é',
          logprob: -0.1,
          bytes: [0xc3, 0xa9],
          top_logprobs: [
            { token: 'é', logprob: -0.1, bytes: [0xc3, 0xa9] },
            { token: 'b', logprob: -1, bytes: [98] },
          ],
        },
      ],
      refusal: null,
    });
  });
});

describe('chat request nesting', () => {
  const nested = (depth: number): unknown => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`);

  it('refuses a forwarded field or message field nested more than 64 levels deep, naming it', () => {
    expect(() => parseCreateChatCompletion({ model: 'm', messages, metadata: nested(65) })).toThrow(
      expect.objectContaining({ code: CommonErrorCode.InvalidValue, param: 'metadata' }),
    );
    const deepCalls = [{ role: 'assistant', content: 'ok', tool_calls: nested(100_000) }];
    expect(() => parseCreateChatCompletion({ model: 'm', messages: deepCalls })).toThrow(
      expect.objectContaining({ code: CommonErrorCode.InvalidValue, param: 'messages.0.tool_calls' }),
    );
  });

  it('accepts 64 levels, and wide values of any size', () => {
    expect(parseCreateChatCompletion({ model: 'm', messages, metadata: nested(64) }).passthrough).toEqual({
      metadata: nested(64),
    });
    const wide = Array.from({ length: 200_000 }, () => [1]);
    expect(parseCreateChatCompletion({ model: 'm', messages, tools: wide }).passthrough).toEqual({
      tools: wide,
    });
  });
});
