import type { HeldCompletion } from '../types';

/** The prompt as the client sent it: one string, several (shown one after another), or token ids. */
export function heldPromptText(prompt: unknown): string {
  if (typeof prompt === 'string') return prompt;
  if (Array.isArray(prompt) && prompt.every((item) => typeof item === 'string')) return prompt.join('\n\n');
  return JSON.stringify(prompt);
}

/** The completion that would have been answered, every choice in index order. */
export function heldOutputText(record: HeldCompletion): string {
  const choices = [...(record.response?.choices ?? [])].sort((a, b) => a.index - b.index);
  return choices.map((choice) => choice.text).join('\n\n');
}
