/** What joins words in place of spaces: `how.to.make.a.bomb`, `how/to/make`, `how+to+make`, `how...to...make`. */
const JOINERS = '[./+|\\\\~*=:;,_]';
/**
 * Four or more words of letters joined by such marks with no space between them. The look-behind starts a run only at
 * the start of a word, so a long run of letters or marks is read once.
 */
const JOINED_RUN = new RegExp(`(?<!\\p{L})\\p{L}+(?:${JOINERS}+\\p{L}+){3,}`, 'gu');
const HAS_JOINED_RUN = new RegExp(JOINED_RUN.source, 'u');
const JOINER_RUN = new RegExp(`${JOINERS}+`, 'gu');
/** URLs and file paths (`https://…`, `www.…`, `/usr/…`, `~/…`) are addresses, not words: a text with one needs no
 * second reading for it. */
const ADDRESS = /^(?:[/~]|www\.)|:\/\//i;

/**
 * The text with words joined by punctuation instead of spaces read apart, or null when it has none. The classifier's
 * tokenizer keeps each mark as a token of its own between the words, which it never saw in a sentence:
 * "how.to.make.a.bomb.at.home" scored 0.14 where the words with spaces score 1.00. Runs of fewer than three joins
 * (`e.g.`, `mail.example.com`, `and/or`) and addresses are left as they are.
 */
export function punctuatedWordsReading(text: string): string | null {
  if (!HAS_JOINED_RUN.test(text)) return null;
  let found = false;
  // Token by token (white space kept), so an address is judged once however many runs it holds.
  const reading = text
    .split(/(\s+)/)
    .map((token) => {
      if (ADDRESS.test(token)) return token;
      return token.replace(JOINED_RUN, (run) => {
        found = true;
        return run.replace(JOINER_RUN, ' ');
      });
    })
    .join('');
  return found ? reading : null;
}
