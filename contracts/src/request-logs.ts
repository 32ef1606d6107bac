import { z } from 'zod';
import { appliedVerdictSchema } from './moderation';
import { timestamp } from './shapes';

/** The `/v1` routes whose calls the request log searches by endpoint. */
export const REQUEST_LOG_ENDPOINTS = ['/v1/completions', '/v1/chat/completions', '/v1/moderations'] as const;
export type RequestLogEndpoint = (typeof REQUEST_LOG_ENDPOINTS)[number];

/** One message of a logged chat, as the client sent it (its text redacted when the policy redacts logs). */
export const requestLogMessageSchema = z.strictObject({
  role: z.string(),
  /** The message's text parts joined; empty for an assistant message that only calls tools. */
  content: z.string(),
  /** The tools an assistant message called, with their arguments as sent; absent when it called none. */
  toolCalls: z
    .array(z.strictObject({ id: z.string().optional(), name: z.string(), arguments: z.string() }))
    .optional(),
  /** For a tool's answer: the call it answers. */
  toolCallId: z.string().optional(),
});
export type RequestLogMessage = z.infer<typeof requestLogMessageSchema>;

/**
 * A field of a chat request other than its messages' text that reaches the model (a message's `name`, tool
 * definitions, content parts that are not text, `response_format`, …), moderated and logged as one text.
 */
export const requestLogForwardedFieldSchema = z.strictObject({
  /** Where it was in the request, e.g. `messages.2.name` or `tools`; input verdicts on it name the same. */
  param: z.string(),
  text: z.string(),
});
export type RequestLogForwardedField = z.infer<typeof requestLogForwardedFieldSchema>;

/** `GET /admin/request-logs`: one call, its id the request id. */
export const requestLogResponseSchema = z.strictObject({
  id: z.string().min(1),
  createdAt: timestamp,
  endpoint: z.string().startsWith('/v1/'),
  stream: z.boolean(),
  finishReasons: z.array(z.string()).nullable(),
  timeToFirstTokenMs: z.number().int().nullable(),
  clientIp: z.string().nullable(),
  applicationId: z.uuid().nullable(),
  apiKeyId: z.uuid().nullable(),
  endUser: z.string().nullable(),
  model: z.string().nullable(),
  statusCode: z.number().int().min(100).max(599),
  errorCode: z.string().nullable(),
  promptTokens: z.number().int().nullable(),
  completionTokens: z.number().int().nullable(),
  latencyMs: z.number().int().min(0),
  /**
   * The prompt as text; several prompts are separated by a blank line, token-id prompts and a chat's messages
   * shown as JSON.
   */
  prompt: z.string().nullable(),
  /** A chat's messages in order; null for calls that sent a prompt. */
  messages: z.array(requestLogMessageSchema).nullable(),
  /** A completion's `suffix`, which the model reads after the prompt. */
  suffix: z.string().nullable(),
  /** A chat's other fields that reach the model, in the order they were moderated; null when it sent none. */
  forwarded: z.array(requestLogForwardedFieldSchema).nullable(),
  /** The generated text of every choice, in index order, separated by a blank line. */
  output: z.string().nullable(),
  verdicts: z.array(appliedVerdictSchema).nullable(),
});
export type RequestLogResponse = z.infer<typeof requestLogResponseSchema>;
