import { parseListQuery } from '../common/list-query';
import { REQUEST_LOG_ENDPOINTS, requestLogResponseSchema } from '../contracts';
import { REQUEST_LOG_LIST, toRequestLogResponse } from './request-log-search.dto';
import type { RequestLogRow } from './request-log-search.repository';

const row = (): RequestLogRow => ({
  requestId: 'req_01HZX',
  createdAt: new Date('2026-11-02T10:00:00Z'),
  endpoint: '/v1/chat/completions',
  stream: false,
  finishReasons: ['stop'],
  timeToFirstTokenMs: null,
  clientIp: '203.0.113.7',
  applicationId: '9e0d0c55-3f0e-4c61-b1d7-7a3c0e9f0a01',
  apiKeyId: '9e0d0c55-3f0e-4c61-b1d7-7a3c0e9f0a02',
  endUser: 'user-1',
  model: 'warden-small',
  statusCode: 200,
  errorCode: null,
  promptTokens: 12,
  completionTokens: 30,
  latencyMs: 84,
  prompt: ['first prompt', 'second prompt'],
  suffix: null,
  forwarded: null,
  output: [{ index: 0, text: 'an answer' }],
  verdicts: [
    {
      check: 'pii',
      category: 'pii/email',
      score: 1,
      spans: [{ start: 3, end: 20 }],
      direction: 'input',
      threshold: 0.5,
      triggered: true,
      action: 'redact',
    },
  ],
});

describe('request-log contract', () => {
  it('accepts a logged call as the server answers it', () => {
    const parsed = requestLogResponseSchema.parse(toRequestLogResponse(row()));
    expect(parsed).toMatchObject({
      id: 'req_01HZX',
      prompt: 'first prompt\n\nsecond prompt',
      output: 'an answer',
    });
    expect(parsed.verdicts?.[0].action).toBe('redact');
    expect(parsed.messages).toBeNull();
  });

  it("gives a chat's messages, tool calls included, beside the prompt; a record of another shape gives none", () => {
    const chat = [
      { role: 'user', content: 'Weather in Lisbon?' },
      {
        role: 'assistant',
        content: '',
        toolCalls: [{ id: 'call_1', name: 'get_forecast', arguments: '{"city":"Lisbon"}' }],
      },
      { role: 'tool', content: 'rain', toolCallId: 'call_1' },
    ];
    const parsed = requestLogResponseSchema.parse(toRequestLogResponse({ ...row(), prompt: chat }));
    expect(parsed.messages).toEqual(chat);
    expect(parsed.prompt).toBe(JSON.stringify(chat));
    expect(toRequestLogResponse({ ...row(), prompt: [[1, 2, 3]] }).messages).toBeNull();
    expect(toRequestLogResponse({ ...row(), prompt: [{ role: 'user' }] }).messages).toBeNull();
    expect(toRequestLogResponse({ ...row(), prompt: null }).messages).toBeNull();
  });

  it("gives a completion's suffix and a chat's forwarded fields; a row from before they were logged gives none", () => {
    const forwarded = [
      { param: 'messages.0.name', text: 'Ada' },
      { param: 'tools', text: 'function get_forecast Forecast for a city' },
    ];
    const parsed = requestLogResponseSchema.parse(
      toRequestLogResponse({ ...row(), suffix: 'The end.', forwarded }),
    );
    expect(parsed).toMatchObject({ suffix: 'The end.', forwarded });
    expect(toRequestLogResponse({ ...row(), forwarded: [] }).forwarded).toBeNull();
    expect(toRequestLogResponse({ ...row(), forwarded: [{ param: 'tools' }] }).forwarded).toBeNull();
  });

  it('refuses the raw row, a verdict with an action no policy has, and a verdict without its direction', () => {
    expect(requestLogResponseSchema.safeParse(row()).success).toBe(false);
    const mapped = toRequestLogResponse(row());
    const [verdict] = mapped.verdicts!;
    expect(
      requestLogResponseSchema.safeParse({ ...mapped, verdicts: [{ ...verdict, action: 'ban' }] }).success,
    ).toBe(false);
    const { direction: _direction, ...undirected } = verdict;
    expect(requestLogResponseSchema.safeParse({ ...mapped, verdicts: [undirected] }).success).toBe(false);
  });

  it('lets staff filter by every endpoint the contract lists', () => {
    for (const endpoint of REQUEST_LOG_ENDPOINTS) {
      expect(() => parseListQuery({ filter: JSON.stringify({ endpoint }) }, REQUEST_LOG_LIST)).not.toThrow();
    }
    expect(() =>
      parseListQuery({ filter: JSON.stringify({ endpoint: '/v1/embeddings' }) }, REQUEST_LOG_LIST),
    ).toThrow();
  });
});
