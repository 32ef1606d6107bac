import type { RequestLogForwardedField, RequestLogMessage } from '../contracts';
import { CompletionLogprobs, FinishReason, PromptInput } from '../inference/model-provider';

/** One call to the public API, as the api hands it to the worker. Plain JSON: it travels through Redis. */
export interface RequestLogRecord {
  /** Minted by the server for every call. */
  requestId: string;
  /** The client's own request id, for correlation only; absent from records queued before it existed. */
  clientRequestId?: string | null;
  createdAt: string;
  endpoint: string;
  apiKeyId: string | null;
  applicationId: string | null;
  organizationId: string | null;
  endUser: string | null;
  model: string | null;
  /** The prompt, or for a chat its messages. */
  prompt: PromptInput | RequestLogMessage[] | null;
  /** `suffix` is sent to the model too, so it is logged like the prompt. */
  suffix?: string | null;
  /** A chat's other fields that reach the model; absent from records written before they were logged. */
  forwarded?: RequestLogForwardedField[] | null;
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
