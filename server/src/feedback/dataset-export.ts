import { redactPersonalData } from '../moderation/checks/pii.check';

/**
 * The moderation training format `tools/moderation-classifier` reads (`common.load_openai`: OpenAI's
 * moderation-dev samples, one `{"prompt", <code>: 0|1, ...}` object per line; a code left out is "not judged").
 * Categories outside these eight codes have no place in that format and are left out.
 */
export const MODERATION_CODES: Readonly<Record<string, string>> = {
  sexual: 'S',
  hate: 'H',
  violence: 'V',
  harassment: 'HR',
  'self-harm': 'SH',
  'sexual/minors': 'S3',
  'hate/threatening': 'H2',
  'violence/graphic': 'V2',
};

/** One labeled call, as the export reads it. */
export interface LabeledCall {
  requestId: string;
  prompt: unknown;
  output: unknown;
  /** The category judgments of each staff label on the call (skips hold none). */
  staffCategories: Array<Record<string, boolean>>;
  goodRatings: number;
  badRatings: number;
}

/**
 * One truth per category from several staff labels: the majority, and a tie is no truth (two labelers who
 * disagree do not make a training label).
 */
export function mergeJudgments(labels: Array<Record<string, boolean>>): Record<string, boolean> {
  const votes = new Map<string, number>();
  for (const label of labels) {
    for (const [category, truth] of Object.entries(label)) {
      votes.set(category, (votes.get(category) ?? 0) + (truth ? 1 : -1));
    }
  }
  const merged: Record<string, boolean> = {};
  for (const [category, vote] of votes) {
    if (vote !== 0) merged[category] = vote > 0;
  }
  return merged;
}

interface LoggedMessage {
  role: string;
  content: string;
}

function isMessages(value: unknown): value is LoggedMessage[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((item) => typeof item === 'object' && item !== null && 'role' in item && 'content' in item)
  );
}

const ROLE_LABEL: Record<string, string> = { system: 'System', user: 'User', assistant: 'Assistant' };

/**
 * The prompt as training text. A chat is rendered the way the fine-tuning validator renders a chat example (one
 * `Role: content` line per turn, then `Assistant:`), so both formats train the same prompts. Token-id prompts
 * have no text and give null.
 */
export function promptText(prompt: unknown): string | null {
  if (typeof prompt === 'string') return prompt;
  if (isMessages(prompt)) {
    return `${prompt.map((m) => `${ROLE_LABEL[m.role] ?? m.role}: ${String(m.content)}`).join('\n')}\nAssistant:`;
  }
  if (Array.isArray(prompt) && prompt.length > 0 && prompt.every((item) => typeof item === 'string')) {
    return prompt.join('\n\n');
  }
  return null;
}

function firstOutput(output: unknown): string | null {
  if (!Array.isArray(output) || output.length === 0) return null;
  const first: unknown = output[0];
  return typeof first === 'object' && first !== null && 'text' in first ? String(first.text) : null;
}

/** A moderation training line, or null when the call has no text or no judgment in a coded category. */
export function moderationLine(call: LabeledCall): string | null {
  const text = promptText(call.prompt);
  if (text === null || text.trim() === '') return null;
  const truth = mergeJudgments(call.staffCategories);
  const row: Record<string, string | number> = { prompt: redactPersonalData(text) };
  let judged = 0;
  for (const [category, code] of Object.entries(MODERATION_CODES)) {
    if (category in truth) {
      row[code] = truth[category] ? 1 : 0;
      judged += 1;
    }
  }
  return judged > 0 ? JSON.stringify(row) : null;
}

/** A fine-tuning line for a call rated good (and never bad) that produced text, or null. */
export function fineTuningLine(call: LabeledCall): string | null {
  if (call.goodRatings === 0 || call.badRatings > 0) return null;
  const prompt = promptText(call.prompt);
  const completion = firstOutput(call.output);
  if (prompt === null || prompt.trim() === '' || completion === null || completion.trim() === '') return null;
  const separated = completion.startsWith(' ') || completion.startsWith('\n') ? completion : ` ${completion}`;
  return JSON.stringify({ prompt: redactPersonalData(prompt), completion: redactPersonalData(separated) });
}
