import { listContract } from '../common/list-query';
import {
  REQUEST_LOG_ENDPOINTS,
  requestLogForwardedFieldSchema,
  requestLogMessageSchema,
  type AppliedVerdictResponse,
  type RequestLogForwardedField,
  type RequestLogMessage,
  type RequestLogResponse,
} from '../contracts';
import type { RequestLogRow } from './request-log-search.repository';

export type { RequestLogResponse };

/** What staff may sort and filter request-logs by; the repository maps each name to SQL. */
export const REQUEST_LOG_LIST = listContract({
  resource: 'request-logs',
  sortable: ['id', 'createdAt', 'statusCode', 'latencyMs', 'model', 'endUser'],
  defaultSort: { field: 'createdAt', order: 'DESC' },
  filters: {
    id: { kind: 'values', type: 'text' },
    applicationId: { kind: 'values', type: 'uuid' },
    apiKeyId: { kind: 'values', type: 'uuid' },
    statusCode: { kind: 'values', type: 'int' },
    endUser: { kind: 'values', type: 'text' },
    model: { kind: 'values', type: 'text' },
    errorCode: { kind: 'values', type: 'text' },
    endpoint: {
      kind: 'values',
      type: 'text',
      allowed: REQUEST_LOG_ENDPOINTS,
    },
    q: { kind: 'text' },
    category: { kind: 'values', type: 'text' },
    action: { kind: 'values', type: 'text', allowed: ['observe', 'flag', 'redact', 'hold', 'block'] },
    flagged: { kind: 'values', type: 'text', allowed: ['true', 'false'] },
    createdAfter: { kind: 'values', type: 'text' },
    createdBefore: { kind: 'values', type: 'text' },
  },
});
export type RequestLogSortField = (typeof REQUEST_LOG_LIST.sortable)[number];
export type RequestLogFilterField = keyof typeof REQUEST_LOG_LIST.filters;

function promptText(prompt: unknown): string | null {
  if (prompt === null || prompt === undefined) {
    return null;
  }
  if (typeof prompt === 'string') {
    return prompt;
  }
  if (Array.isArray(prompt) && prompt.every((item) => typeof item === 'string')) {
    return prompt.join('\n\n');
  }
  return JSON.stringify(prompt);
}

const loggedChat = requestLogMessageSchema.array();

/** A chat's logged messages; null for a prompt (a string, strings or token ids). */
function messagesOf(prompt: unknown): RequestLogMessage[] | null {
  if (!Array.isArray(prompt) || prompt.length === 0) return null;
  const parsed = loggedChat.safeParse(prompt);
  return parsed.success ? parsed.data : null;
}

const loggedForwarded = requestLogForwardedFieldSchema.array();

/** A chat's logged fields besides its messages; null for a call that sent none, or a row from before they were logged. */
function forwardedOf(forwarded: unknown): RequestLogForwardedField[] | null {
  const parsed = loggedForwarded.safeParse(forwarded);
  return parsed.success && parsed.data.length > 0 ? parsed.data : null;
}

function outputText(output: unknown): string | null {
  if (!Array.isArray(output)) {
    return null;
  }
  return output
    .map((choice: unknown) =>
      typeof choice === 'object' && choice !== null && 'text' in choice ? String(choice.text) : '',
    )
    .join('\n\n');
}

export function toRequestLogResponse(row: RequestLogRow): RequestLogResponse {
  return {
    id: row.requestId,
    createdAt: row.createdAt.toISOString(),
    endpoint: row.endpoint,
    stream: row.stream,
    finishReasons: row.finishReasons,
    timeToFirstTokenMs: row.timeToFirstTokenMs,
    clientIp: row.clientIp,
    applicationId: row.applicationId,
    apiKeyId: row.apiKeyId,
    endUser: row.endUser,
    model: row.model,
    statusCode: row.statusCode,
    errorCode: row.errorCode,
    promptTokens: row.promptTokens,
    completionTokens: row.completionTokens,
    latencyMs: row.latencyMs,
    prompt: promptText(row.prompt),
    messages: messagesOf(row.prompt),
    suffix: row.suffix,
    forwarded: forwardedOf(row.forwarded),
    output: outputText(row.output),
    // Written from the moderation result's applied verdicts (request-log.record.ts).
    verdicts: row.verdicts as AppliedVerdictResponse[] | null,
  };
}
