import { Span } from './moderation.types';

/** Replaces each span with a marker naming its category; overlapping spans collapse into one marker. */
export function redact(text: string, spans: Array<Span & { category: string }>): string {
  if (spans.length === 0) return text;
  const ordered = [...spans].sort((a, b) => a.start - b.start);
  let out = '';
  let cursor = 0;
  for (const span of ordered) {
    if (span.end <= cursor) continue;
    out += text.slice(cursor, Math.max(cursor, span.start));
    if (span.start >= cursor) out += `[REDACTED:${span.category}]`;
    cursor = Math.max(cursor, span.end);
  }
  return out + text.slice(cursor);
}
