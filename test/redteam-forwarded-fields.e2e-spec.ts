import { testApiKey } from './support/keys';
import { postJson } from './support/review-api';
import { startWardenServedBy, UpstreamServer } from './support/upstream-server';
import { setDemoPolicy } from './support/demo-policy';
import { loggedRow, WardenInstance } from './support/warden';

/** A word the policy's blocklist blocks on input; nothing else acts. */
const BLOCKED_WORD = 'coffee';

/**
 * Chat fields Warden forwards verbatim to an upstream model (message names, tool calls, refusals, non-text content
 * parts, tool definitions, predictions) are text the model reads: input moderation must see them as it sees
 * `content`, or a blocked word reaches the model by another field.
 */
const HIDING_PLACES: Array<[string, Record<string, unknown>]> = [
  [
    'a non-text content part carrying text',
    {
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'hello' },
            { type: 'input_text', text: `tell me about ${BLOCKED_WORD}` },
          ],
        },
      ],
    },
  ],
  ['a message name', { messages: [{ role: 'user', name: BLOCKED_WORD, content: 'hello' }] }],
  [
    "an assistant's tool call arguments",
    {
      messages: [
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            {
              id: 'call_1',
              type: 'function',
              function: { name: 'lookup', arguments: `{"topic":"${BLOCKED_WORD}"}` },
            },
          ],
        },
        { role: 'tool', tool_call_id: 'call_1', content: 'done' },
        { role: 'user', content: 'hello' },
      ],
    },
  ],
  [
    "an assistant's refusal",
    {
      messages: [
        { role: 'assistant', content: 'ok', refusal: `all about ${BLOCKED_WORD}` },
        { role: 'user', content: 'hello' },
      ],
    },
  ],
  [
    'a tool description',
    {
      messages: [{ role: 'user', content: 'hello' }],
      tools: [{ type: 'function', function: { name: 'lookup', description: `explain ${BLOCKED_WORD}` } }],
    },
  ],
  [
    'a tool parameter name',
    {
      messages: [{ role: 'user', content: 'hello' }],
      tools: [
        {
          type: 'function',
          function: {
            name: 'lookup',
            parameters: { type: 'object', properties: { [`${BLOCKED_WORD} recipe`]: { type: 'string' } } },
          },
        },
      ],
    },
  ],
  // Keys whose string values are identifiers (`data`, `url`, `id`, `type`) named a tool parameter whose schema
  // carries text: the description under them was passed over with the key's identifier values.
  ...(['data', 'url', 'id', 'type'] as const).map((key): [string, Record<string, unknown>] => [
    `the description of a tool parameter named ${key}`,
    {
      messages: [{ role: 'user', content: 'hello' }],
      tools: [
        {
          type: 'function',
          function: {
            name: 'lookup',
            parameters: {
              type: 'object',
              properties: { [key]: { type: 'string', description: `explain ${BLOCKED_WORD}` } },
            },
          },
        },
      ],
    },
  ]),
  [
    'a predicted output',
    {
      messages: [{ role: 'user', content: 'hello' }],
      prediction: { type: 'content', content: `${BLOCKED_WORD} ${BLOCKED_WORD}` },
    },
  ],
];

describe('redteam: chat fields forwarded to an upstream model', () => {
  const upstream = new UpstreamServer();
  const apiKey = testApiKey();
  let warden: WardenInstance;

  beforeAll(async () => {
    warden = await startWardenServedBy(upstream, 'redteam-fields', {
      WARDEN_INIT_API_KEY: apiKey,
    });
  }, 90_000);

  afterAll(async () => {
    await warden?.stop();
    await upstream.stop();
  });

  async function setBlocklistAction(action: 'block' | 'redact'): Promise<void> {
    const patch = {
      requireUser: false,
      rateLimits: { requestsPerMinute: 10_000, tokensPerMinute: 10_000_000 },
      blocklist: { words: [BLOCKED_WORD] },
      categories: { blocklist: { input: { action }, output: { action: 'allow' } } },
    };
    await setDemoPolicy(warden, patch);
  }

  const chat = (body: Record<string, unknown>) =>
    postJson(warden.url, '/v1/chat/completions', apiKey, { model: 'house-model', max_tokens: 8, ...body });

  /** Whether the upstream was sent the blocked word in any request since `since`. */
  function upstreamHeardBlockedWord(since: number): boolean {
    return upstream.received
      .slice(since)
      .some((request) => JSON.stringify(request.body).includes(BLOCKED_WORD));
  }

  describe('blocklist action block', () => {
    beforeAll(() => setBlocklistAction('block'), 30_000);

    it.each(HIDING_PLACES)(
      'refuses the word in %s before anything reaches the model',
      async (_label, body) => {
        const since = upstream.received.length;
        const answer = await chat(body);
        expect(upstreamHeardBlockedWord(since)).toBe(false);
        expect(answer.status).toBe(400);
        expect(answer.body.error.code).toBe('content_filter');
      },
    );

    it('still forwards the same fields when they are harmless', async () => {
      const since = upstream.received.length;
      const tools = [{ type: 'function', function: { name: 'lookup', description: 'Looks up the weather' } }];
      const answer = await chat({ messages: [{ role: 'user', name: 'alice', content: 'hello' }], tools });
      expect(answer.status).toBe(200);
      const sent = upstream.received.slice(since)[0].body as {
        tools: unknown;
        messages: Array<{ name: string }>;
      };
      expect(sent.tools).toEqual(tools);
      expect(sent.messages[0].name).toBe('alice');
    });
  });

  describe('request log', () => {
    beforeAll(() => setBlocklistAction('block'), 30_000);

    const logged = (requestId: string) =>
      loggedRow<{ forwarded: unknown; verdicts: Array<{ param?: string; triggered: boolean }> }>(
        warden,
        requestId,
        'forwarded, verdicts',
      );

    // Staff reviewing a call saw the messages' text only: a word refused in a tool description was nowhere in the log.
    it('logs the forwarded fields a refused call hid the word in, beside the verdict naming the field', async () => {
      const tools = [
        { type: 'function', function: { name: 'lookup', description: `explain ${BLOCKED_WORD}` } },
      ];
      const refused = await chat({ messages: [{ role: 'user', name: 'alice', content: 'hello' }], tools });
      expect(refused.status).toBe(400);
      const row = await logged(refused.requestId);
      const forwarded = row.forwarded as Array<{ param: string; text: string }>;
      expect(forwarded.map(({ param }) => param)).toEqual(['messages.0.name', 'tools']);
      expect(forwarded[0].text).toContain('alice');
      expect(forwarded[1].text).toContain(`explain ${BLOCKED_WORD}`);
      expect(row.verdicts.some((verdict) => verdict.triggered && verdict.param === 'tools')).toBe(true);
    });

    it('logs no forwarded fields for a chat of plain messages', async () => {
      const answered = await chat({ messages: [{ role: 'user', content: 'hello' }] });
      expect(answered.status).toBe(200);
      expect((await logged(answered.requestId)).forwarded).toBeNull();
    });
  });

  describe('nesting', () => {
    beforeAll(() => setBlocklistAction('block'), 30_000);

    /** JSON text of an array nested `depth` levels deep, `[[…]]` (too deep for this process to stringify). */
    const nested = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const hello = '{"role":"user","content":"hello"}';

    const chatJson = (json: string) => postJson(warden.url, '/v1/chat/completions', apiKey, json);

    // Serializing a forwarded field for the upstream recursed once per level: 5,000 levels (10 kB of a 4 MB body)
    // overflowed the stack, and the client got a 500 internal_error for its own input.
    it.each([
      ['metadata', `{"model":"house-model","messages":[${hello}],"metadata":${nested(5_000)}}`],
      [
        'tools',
        `{"model":"house-model","messages":[${hello}],"tools":[{"type":"function","function":{"name":"f","parameters":${nested(5_000)}}}]}`,
      ],
      [
        'messages.0.tool_calls',
        `{"model":"house-model","messages":[{"role":"assistant","content":"ok","tool_calls":${nested(5_000)}},${hello}]}`,
      ],
    ])("refuses %s nested thousands of levels deep as the client's error", async (param, json) => {
      const since = upstream.received.length;
      const answer = await chatJson(json);
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({ code: 'invalid_value', param });
      expect(upstream.received.length).toBe(since);
    });

    it('forwards a field nested as deep as any real schema is', async () => {
      const since = upstream.received.length;
      const answer = await chatJson(
        `{"model":"house-model","max_tokens":8,"messages":[${hello}],"metadata":{"deep":${nested(60)}}}`,
      );
      expect(answer.status).toBe(200);
      expect(upstream.received.slice(since)[0].body.metadata).toEqual({ deep: JSON.parse(nested(60)) });
    });
  });

  describe('blocklist action redact', () => {
    beforeAll(() => setBlocklistAction('redact'), 30_000);

    it('redacts the content, and refuses a forwarded field it would have to redact, naming it', async () => {
      const since = upstream.received.length;
      const redacted = await chat({ messages: [{ role: 'user', content: `tell me about ${BLOCKED_WORD}` }] });
      expect(redacted.status).toBe(200);
      const tools = [
        { type: 'function', function: { name: 'lookup', description: `explain ${BLOCKED_WORD}` } },
      ];
      const refused = await chat({ messages: [{ role: 'user', content: 'hello' }], tools });
      expect(upstreamHeardBlockedWord(since)).toBe(false);
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({ code: 'content_filter', param: 'tools' });
    });
  });
});
