import { CompletionLogprobs, FinishReason, PromptInput } from '../inference/model-provider';

/** One call to the public API, as the api hands it to the worker. Plain JSON: it travels through Redis. */
export interface RequestLogRecord {
  requestId: string;
  createdAt: string;
  endpoint: string;
  apiKeyId: string | null;
  applicationId: string | null;
  organizationId: string | null;
  endUser: string | null;
  model: string | null;
  prompt: PromptInput | null;
  output:
    | {
        index: number;
        text: string;
        finish_reason: FinishReason | null;
        logprobs?: CompletionLogprobs | null;
      }[]
    | null;
  stream: boolean;
  statusCode: number;
  errorCode: string | null;
  errorMessage: string | null;
  finishReasons: string[] | null;
  promptTokens: number | null;
  completionTokens: number | null;
  latencyMs: number;
  timeToFirstTokenMs: number | null;
  verdicts: unknown[];
  clientIp: string | null;
  /** Set by the worker: what it had to change before Postgres could store the row (null when nothing). */
  sanitized?: string[] | null;
}

export interface PersistRequestLogsJob {
  records: RequestLogRecord[];
}
