import type { RequestLogMessage } from '@warden/contracts';
import type { RequestLog } from '../types';

const ROLE_LABELS: Record<string, string> = {
  system: 'System',
  developer: 'Developer',
  user: 'User',
  assistant: 'Assistant',
  tool: 'Tool',
  function: 'Function',
};

export const roleLabel = (role: string): string => ROLE_LABELS[role] ?? role;

/** `get_forecast({"city":"Lisbon"})`, the arguments cut short: enough to see what the model asked for. */
export function toolCallSummary(call: { name: string; arguments: string }, maxArguments = 120): string {
  const args =
    call.arguments.length > maxArguments ? `${call.arguments.slice(0, maxArguments)}…` : call.arguments;
  return `${call.name}(${args})`;
}

/** The name of the tool a tool message answers, found among the calls made before it. */
export function answeredTool(messages: RequestLogMessage[], index: number): string | undefined {
  const id = messages[index].toolCallId;
  if (!id) return undefined;
  return messages
    .slice(0, index)
    .flatMap((message) => message.toolCalls ?? [])
    .find((call) => call.id === id)?.name;
}

/**
 * One line for a list: a chat is previewed by the last message a person wrote (`user: …`), or failing that its
 * last message with any text; a completion by its prompt as logged.
 */
export function promptPreview(record: RequestLog): string {
  const messages = record.messages;
  if (!messages) return record.prompt ?? '—';
  const shown =
    messages.findLast((message) => message.role === 'user' && message.content.trim()) ??
    messages.findLast((message) => message.content.trim());
  return shown ? `${shown.role}: ${shown.content}` : '(no text)';
}
