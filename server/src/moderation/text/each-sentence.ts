/** A sentence with its closing marks, or a line. */
const SENTENCE = /[^.?!\n]+[.?!]*/g;

/**
 * `text` with each sentence (or line) replaced by what `read` makes of it, or kept where `read` gives null; null when
 * no sentence changed. For readers that rewrite a question or request one sentence at a time.
 */
export function readEachSentence(text: string, read: (sentence: string) => string | null): string | null {
  let changed = false;
  const reading = text.replace(SENTENCE, (sentence) => {
    const rewritten = read(sentence);
    if (rewritten === null) return sentence;
    changed = true;
    return rewritten;
  });
  return changed ? reading : null;
}
