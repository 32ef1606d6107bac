import { ApiKeyEntity } from '../api-keys/api-key.entity';
import { ApplicationEntity } from '../applications/application.entity';
import { defaultPolicy } from '../policies/policy.defaults';
import { CallTrace, V1RequestContext } from './call-trace';
import { errorCatalog } from '../error-catalog';
import { CompletionsError } from './completions.errors';
import { ClientClosedRequest, toRequestLogRecord } from './v1-recorder';

describe('toRequestLogRecord', () => {
  const context: V1RequestContext = {
    requestId: 'req_0123456789abcdef01234567',
    clientRequestId: 'client-7',
    authorization: 'Bearer secret',
    body: {},
    clientIp: '127.0.0.1',
    signal: new AbortController().signal,
  };

  function trace(redactLoggedText = false): CallTrace {
    const call = new CallTrace('/v1/completions', context);
    call.caller = {
      key: { id: 'key-1' } as ApiKeyEntity,
      application: { id: 'app-1', organizationId: 'org-1' } as ApplicationEntity,
      policy: { ...defaultPolicy('live'), redactLoggedText },
      sandboxKey: false,
      research: null,
    };
    call.model = 'house-model';
    call.prompt = 'write to jane.doe@example.com';
    call.suffix = 'and sign as bob@example.com';
    call.collect([{ index: 0, text: 'Dear jane.doe@example.com', finish_reason: 'stop' }]);
    return call;
  }

  it('keeps the server id and the client id apart, and logs the suffix like the prompt', () => {
    const record = toRequestLogRecord(errorCatalog, trace());
    expect(record).toMatchObject({
      requestId: context.requestId,
      clientRequestId: 'client-7',
      apiKeyId: 'key-1',
      applicationId: 'app-1',
      organizationId: 'org-1',
      prompt: 'write to jane.doe@example.com',
      suffix: 'and sign as bob@example.com',
      statusCode: 200,
      errorCode: null,
      finishReasons: ['stop'],
    });
  });

  it('redacts personal data from prompt, suffix and output where the policy says so', () => {
    const record = toRequestLogRecord(errorCatalog, trace(true));
    expect(JSON.stringify([record.prompt, record.suffix, record.output])).not.toContain('@example.com');
  });

  it('records the status and code of a failure, a held answer and a client that left', () => {
    const held = trace();
    held.heldId = 'held_1';
    expect(toRequestLogRecord(errorCatalog, held).statusCode).toBe(202);
    expect(toRequestLogRecord(errorCatalog, trace(), CompletionsError.loggingUnavailable())).toMatchObject({
      statusCode: 503,
      errorCode: 'logging_unavailable',
    });
    expect(toRequestLogRecord(errorCatalog, trace(), new ClientClosedRequest())).toMatchObject({
      statusCode: 499,
      errorCode: 'client_closed_request',
    });
    expect(toRequestLogRecord(errorCatalog, trace(), new Error('boom'))).toMatchObject({
      statusCode: 500,
      errorCode: 'internal_error',
    });
  });

  it('logs the messages of a chat as the prompt, redacted like any prompt when the policy says so', () => {
    const call = trace(true);
    call.messages = [
      { role: 'system', content: 'Be kind.', extra: null },
      { role: 'user', content: 'mail jane.doe@example.com', extra: { name: 'jane' } },
    ];
    expect(toRequestLogRecord(errorCatalog, call).prompt).toEqual([
      { role: 'system', content: 'Be kind.' },
      { role: 'user', content: expect.not.stringContaining('jane.doe@example.com') },
    ]);
  });

  it("logs which tools an assistant called, with their arguments redacted, and which call a tool's answer is for", () => {
    const call = trace(true);
    call.messages = [
      {
        role: 'assistant',
        content: '',
        extra: {
          tool_calls: [
            {
              id: 'call_1',
              type: 'function',
              function: { name: 'send_mail', arguments: '{"to":"jane.doe@example.com"}' },
            },
            { id: 'call_2', type: 'custom', custom: { name: 'not-a-function' } },
          ],
        },
      },
      { role: 'tool', content: 'sent', extra: { tool_call_id: 'call_1' } },
      { role: 'assistant', content: '', extra: { function_call: { name: 'lookup', arguments: '{}' } } },
    ];
    expect(toRequestLogRecord(errorCatalog, call).prompt).toEqual([
      {
        role: 'assistant',
        content: '',
        toolCalls: [
          { id: 'call_1', name: 'send_mail', arguments: expect.not.stringContaining('jane.doe@example.com') },
        ],
      },
      { role: 'tool', content: 'sent', toolCallId: 'call_1' },
      { role: 'assistant', content: '', toolCalls: [{ name: 'lookup', arguments: '{}' }] },
    ]);
  });
});
