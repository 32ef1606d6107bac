/**
 * How a sentence may open before the question or request a reader looks for: a few words and a comma
 * (`Historically, `, `In the 1990s, `), captured. It starts with a non-space, so a run of white space has one way to
 * match (as a pattern, for readers to build theirs on).
 */
export const SENTENCE_OPENING = String.raw`^(\s*(?:\S[^,.?!\n]{0,39},\s*)?)`;

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
