import { Inject, Injectable } from '@nestjs/common';
import { Logger } from 'pino';
import { CommonErrorCode, ErrorCatalog, WardenError } from '../common/errors';
import { LOGGER } from '../common/logger.module';
import { unstorableTextError } from '../database/query-errors';
import type { RequestLogMessage } from '../contracts';
import { ChatMessage, PromptInput } from '../inference/model-provider';
import { redactPersonalData } from '../moderation/checks/pii.check';
import { MetricsService } from '../monitoring/metrics.service';
import { RequestLogProducer } from '../request-logs/request-log.producer';
import { RequestLogRecord } from '../request-logs/request-log.record';
import { CallTrace } from './call-trace';
import { CompletionsError } from './completions.errors';

/** Recorded, never answered (no one is left to read it), so not a code of the catalog. */
const CLIENT_CLOSED_REQUEST = 'client_closed_request';

/** The client went away before the answer was complete. */
export class ClientClosedRequest extends Error {
  constructor() {
    super('the client closed the connection before the answer was complete');
  }
}

/** The one mapping from what a /v1 call did to its request-log row, for every /v1 route. */
export function toRequestLogRecord(
  catalog: ErrorCatalog,
  trace: CallTrace,
  failure?: unknown,
): RequestLogRecord {
  const error = failure instanceof WardenError ? failure : undefined;
  const choices = [...trace.choices.entries()]
    .sort(([a], [b]) => a - b)
    .map(([index, choice]) => ({ index, ...choice }));
  const logged = trace.caller?.policy.redactLoggedText ? redactPersonalData : (text: string) => text;
  return {
    requestId: trace.context.requestId,
    clientRequestId: trace.context.clientRequestId,
    createdAt: trace.createdAt.toISOString(),
    endpoint: trace.endpoint,
    apiKeyId: trace.caller?.key.id ?? null,
    applicationId: trace.caller?.application.id ?? null,
    organizationId: trace.caller?.application.organizationId ?? null,
    endUser: trace.endUser,
    model: trace.model,
    prompt: trace.messages
      ? trace.messages.map((message) => loggedMessage(message, logged))
      : trace.prompt === null
        ? null
        : mapPromptText(trace.prompt, logged),
    suffix: trace.suffix === null ? null : logged(trace.suffix),
    forwarded:
      trace.forwarded.length > 0
        ? trace.forwarded.map(({ param, text }) => ({ param, text: logged(text) }))
        : null,
    output:
      choices.length > 0
        ? choices.map(({ index, text, finish_reason }) => ({ index, text: logged(text), finish_reason }))
        : null,
    stream: trace.stream,
    statusCode: statusOf(catalog, trace, failure),
    errorCode:
      error?.code ??
      (failure instanceof ClientClosedRequest
        ? CLIENT_CLOSED_REQUEST
        : failure
          ? CommonErrorCode.InternalError
          : null),
    errorMessage: failure instanceof Error ? failure.message : null,
    finishReasons: choices.length > 0 ? choices.map((choice) => choice.finish_reason ?? 'incomplete') : null,
    promptTokens: trace.usage?.prompt_tokens ?? null,
    completionTokens: trace.usage?.completion_tokens ?? null,
    latencyMs: performance.now() - trace.startedAt,
    timeToFirstTokenMs: trace.firstTokenAt === undefined ? null : trace.firstTokenAt - trace.startedAt,
    verdicts: trace.verdicts.filter(
      (verdict) => verdict.triggered || verdict.score >= 0.01 || verdict.failure !== undefined,
    ),
    clientIp: trace.context.clientIp,
  };
}

/**
 * A chat message as logged: its text, and which tools it called (or which call it answers), so staff can follow a
 * tool-using conversation. Arguments are text the model reads, so they are redacted like the message.
 */
function loggedMessage(message: ChatMessage, logged: (text: string) => string): RequestLogMessage {
  const extra = message.extra ?? {};
  const calls = [
    ...(Array.isArray(extra.tool_calls) ? extra.tool_calls : []).map((call) => functionOf(call, 'function')),
    functionOf(extra, 'function_call'),
  ].filter((call) => call !== null);
  return {
    role: message.role,
    content: logged(message.content),
    ...(calls.length > 0
      ? { toolCalls: calls.map((call) => ({ ...call, arguments: logged(call.arguments) })) }
      : {}),
    ...(typeof extra.tool_call_id === 'string' ? { toolCallId: extra.tool_call_id } : {}),
  };
}

type LoggedToolCall = NonNullable<RequestLogMessage['toolCalls']>[number];

/**
 * `{name, arguments}` under `key`, with the holder's `id` (OpenAI's tool call, and the legacy function call, which
 * has none); null when absent.
 */
function functionOf(holder: unknown, key: string): LoggedToolCall | null {
  if (typeof holder !== 'object' || holder === null) return null;
  const { id, [key]: called } = holder as Record<string, unknown>;
  if (typeof called !== 'object' || called === null) return null;
  const { name, arguments: args } = called as Record<string, unknown>;
  if (typeof name !== 'string') return null;
  return {
    ...(typeof id === 'string' ? { id } : {}),
    name,
    arguments: typeof args === 'string' ? args : '',
  };
}

/** Stage 9 of every /v1 route, and the one place /v1 metrics are counted. Each call is recorded exactly once. */
@Injectable()
export class V1Recorder {
  private readonly recorded = new WeakSet<CallTrace>();

  constructor(
    private readonly requestLogs: RequestLogProducer,
    private readonly metrics: MetricsService,
    private readonly errors: ErrorCatalog,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Throws `logging_unavailable` for a successful call whose record cannot be queued: unlogged output is not served. */
  async record(trace: CallTrace, thrown?: unknown): Promise<void> {
    if (this.recorded.has(trace)) return;
    this.recorded.add(trace);
    // Recorded as the filter answers it: a NUL Postgres refused is the client's 400, not a server failure.
    const failure = unstorableTextError(thrown) ?? thrown;
    const record = toRequestLogRecord(this.errors, trace, failure);
    this.count(trace, record);
    if (failure instanceof WardenError && failure.logDetail) {
      this.logger.warn({ requestId: record.requestId, ...failure.logDetail }, failure.message);
    } else if (failure && !(failure instanceof WardenError) && !(failure instanceof ClientClosedRequest)) {
      this.logger.error({ err: failure, requestId: record.requestId }, `${trace.endpoint} failed`);
    }
    try {
      await this.requestLogs.record(record);
    } catch (err) {
      this.metrics.requestLogFailures.inc();
      this.logger.error({ err }, 'request log could not be queued');
      if (failure === undefined) throw CompletionsError.loggingUnavailable();
    }
  }

  private count(trace: CallTrace, record: RequestLogRecord): void {
    for (const verdict of trace.verdicts) {
      if (verdict.triggered) {
        this.metrics.verdicts.inc({
          direction: verdict.direction,
          category: verdict.category,
          action: verdict.action,
        });
      }
    }
    if (trace.endpoint !== '/v1/completions' && trace.endpoint !== '/v1/chat/completions') return;
    const model = (trace.modelServed && record.model) || 'unknown';
    const stream = String(trace.stream);
    this.metrics.completions.inc({
      model,
      outcome: String(record.statusCode),
      stream,
      endpoint: trace.endpoint,
    });
    if (trace.usage && record.model) {
      this.metrics.completionTokens.inc({ model }, trace.usage.completion_tokens);
    }
    if (record.model && record.errorCode === null) {
      this.metrics.completionLatency.observe({ model, stream }, record.latencyMs / 1000);
    }
  }
}

function statusOf(catalog: ErrorCatalog, trace: CallTrace, failure: unknown): number {
  if (failure === undefined) return trace.heldId ? 202 : 200;
  if (failure instanceof WardenError) return catalog.statusOf(failure);
  return failure instanceof ClientClosedRequest ? 499 : 500;
}

function mapPromptText(prompt: PromptInput, map: (text: string) => string): PromptInput {
  if (typeof prompt === 'string') return map(prompt);
  return prompt.map((item) => (typeof item === 'string' ? map(item) : item)) as PromptInput;
}
