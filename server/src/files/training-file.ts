/** What a fine-tuning file holds, validated line by line. */
export type TrainingFormat = 'completion' | 'chat';

export interface TrainingExample {
  /** 1-based line number in the file, for reports. */
  line: number;
  prompt: string;
  completion: string;
  /**
   * Chat format only: the turns up to the last assistant message, which the trainer renders with the model's own
   * chat template. `prompt`/`completion` then hold a plain transcript, the text screening reads and reports quote.
   */
  messages?: Array<{ role: 'system' | 'user' | 'assistant'; content: string }>;
}

export interface LineProblem {
  line: number;
  field: string | null;
  message: string;
}

export type ValidatedFile =
  { ok: true; format: TrainingFormat; examples: TrainingExample[] } | { ok: false; problems: LineProblem[] };

/** Beyond this many problems the report stops listing them: the file needs fixing anyway. */
const MAX_PROBLEMS = 20;
const CHAT_ROLES = new Set(['system', 'user', 'assistant']);
const ROLE_LABEL: Record<string, string> = { system: 'System', user: 'User', assistant: 'Assistant' };

/**
 * Validates a JSONL training file: every non-blank line one example, all in the same format — completion
 * (`{"prompt", "completion"}`) or chat (`{"messages": [{role, content}...]}` ending in an assistant message).
 * A chat example keeps its turns for the trainer (rendered with the model's chat template, as the chat route renders
 * them) and a transcript for screening: the turns before the last assistant message, one `Role: content` line
 * each, then `Assistant:`; the completion is the last assistant message after a space.
 */
export function validateTrainingFile(content: Buffer): ValidatedFile {
  const problems: LineProblem[] = [];
  const examples: TrainingExample[] = [];
  let format: TrainingFormat | null = null;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return { ok: false, problems: [{ line: 1, field: null, message: 'the file is not UTF-8 text' }] };
  }
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length && problems.length < MAX_PROBLEMS; index++) {
    const raw = lines[index];
    const line = index + 1;
    if (raw.trim() === '') {
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (err) {
      problems.push({ line, field: null, message: `not valid JSON (${(err as Error).message})` });
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push({ line, field: null, message: 'expected a JSON object' });
      continue;
    }
    const record = value as Record<string, unknown>;
    const lineFormat: TrainingFormat = 'messages' in record ? 'chat' : 'completion';
    if (format === null) {
      format = lineFormat;
    } else if (lineFormat !== format) {
      problems.push({
        line,
        field: lineFormat === 'chat' ? 'messages' : 'prompt',
        message: `this line is in ${lineFormat} format but the file started in ${format} format`,
      });
      continue;
    }
    const example =
      lineFormat === 'chat' ? chatExample(record, line, problems) : completionExample(record, line, problems);
    if (example) {
      examples.push(example);
    }
  }
  if (problems.length === 0 && examples.length === 0) {
    problems.push({ line: 1, field: null, message: 'the file has no examples' });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, format: format!, examples };
}

export function describeProblems(problems: LineProblem[]): string {
  return problems
    .map(
      (problem) =>
        `line ${problem.line}${problem.field ? `, field "${problem.field}"` : ''}: ${problem.message}`,
    )
    .join('; ');
}

function completionExample(
  record: Record<string, unknown>,
  line: number,
  problems: LineProblem[],
): TrainingExample | null {
  const before = problems.length;
  for (const field of ['prompt', 'completion'] as const) {
    if (!(field in record)) {
      problems.push({ line, field, message: 'missing' });
    } else if (typeof record[field] !== 'string') {
      problems.push({ line, field, message: 'expected a string' });
    }
  }
  if (problems.length === before && (record.completion as string).length === 0) {
    problems.push({ line, field: 'completion', message: 'must not be empty' });
  }
  return problems.length === before
    ? { line, prompt: record.prompt as string, completion: record.completion as string }
    : null;
}

function chatExample(
  record: Record<string, unknown>,
  line: number,
  problems: LineProblem[],
): TrainingExample | null {
  const messages = record.messages;
  if (!Array.isArray(messages) || messages.length === 0) {
    problems.push({ line, field: 'messages', message: 'expected a non-empty array' });
    return null;
  }
  const before = problems.length;
  // One line can hold millions of bad messages; the report stops at MAX_PROBLEMS like the walk over lines does.
  for (let at = 0; at < messages.length && problems.length < MAX_PROBLEMS; at++) {
    const message: unknown = messages[at];
    const field = `messages[${at}]`;
    if (typeof message !== 'object' || message === null) {
      problems.push({ line, field, message: 'expected an object' });
      continue;
    }
    const { role, content } = message as Record<string, unknown>;
    if (typeof role !== 'string' || !CHAT_ROLES.has(role)) {
      problems.push({ line, field: `${field}.role`, message: 'expected "system", "user" or "assistant"' });
    }
    if (typeof content !== 'string') {
      problems.push({ line, field: `${field}.content`, message: 'expected a string' });
    }
  }
  if (problems.length > before) {
    return null;
  }
  const turns = messages as NonNullable<TrainingExample['messages']>;
  const last = turns.map((turn) => turn.role).lastIndexOf('assistant');
  if (last < 0) {
    problems.push({ line, field: 'messages', message: 'has no assistant message to learn' });
    return null;
  }
  const prompt = turns
    .slice(0, last)
    .map((turn) => `${ROLE_LABEL[turn.role]}: ${turn.content}\n`)
    .join('');
  return {
    line,
    prompt: `${prompt}Assistant:`,
    completion: ` ${turns[last].content}`,
    messages: turns.slice(0, last + 1).map(({ role, content }) => ({ role, content })),
  };
}
