import { isLineBreak, isWhiteSpace } from './white-space';

/**
 * A sentence (or a clause after a colon or semicolon) with fewer words than this says too little on its own to
 * be read apart from the text around it: greetings, headings, "Step 2:", a name, and the short sentences of stories
 * ("He was very silly.") on which the classifier guesses. Harmful requests are longer: over the bundled ones, six
 * words lose none that four would catch, and halve what stories and tweets gain in false positives.
 */
const MIN_SENTENCE_WORDS = 6;

/** What ends a sentence when white space (or the end of the text) follows: `.`, `!`, `?`, `;`, `:` and `…`. */
function isStop(code: number): boolean {
  return (
    code === 0x2e ||
    code === 0x21 ||
    code === 0x3f ||
    code === 0x3b ||
    code === 0x3a ||
    code === 0x2026 ||
    code === 0x3002 || // ideographic full stop
    code === 0xff01 ||
    code === 0xff1f ||
    code === 0xff1b ||
    code === 0xff1a
  );
}

/** What may close a sentence after its stop: quotes, brackets, markdown emphasis. */
function isCloser(code: number): boolean {
  return (
    code === 0x22 ||
    code === 0x27 ||
    code === 0x29 ||
    code === 0x5d ||
    code === 0x7d ||
    code === 0x2a ||
    code === 0x5f ||
    code === 0x2019 ||
    code === 0x201d ||
    code === 0xbb
  );
}

/** Where the `count`th word of `text[start, end)` ends, or null when the piece has no more words than that. */
function endOfWords(text: string, start: number, end: number, count: number): number | null {
  let words = 0;
  let inWord = false;
  for (let index = start; index < end; index++) {
    const space = isWhiteSpace(text.charCodeAt(index));
    if (!space && !inWord && ++words > count) {
      let last = index;
      while (last > start && isWhiteSpace(text.charCodeAt(last - 1))) last--;
      return last;
    }
    inWord = !space;
  }
  return null;
}

/** Whether `text[start, end)` holds at least MIN_SENTENCE_WORDS runs of non-space characters. */
function hasEnoughWords(text: string, start: number, end: number): boolean {
  return endOfWords(text, start, end, MIN_SENTENCE_WORDS - 1) !== null;
}

/** How a request starts: "how to", "how do I", "what is the easiest …", "can you tell …", "teach me", "I want to". */
const REQUEST_START =
  "(?:so\\s+)?(?:how\\s+(?:to|do\\s+i|can\\s+i|could\\s+i|would\\s+i|should\\s+i)|what(?:'s|\\s+is)\\s+the\\s+(?:best|easiest|fastest|quickest|simplest|cheapest)|where\\s+can\\s+i|(?:can|could|would)\\s+you\\s+(?:tell|give|show|help|explain|write|teach)|tell\\s+me\\s+how|show\\s+me\\s+how|teach\\s+me|explain\\s+how|write\\s+(?:a|an|me)|i\\s+(?:want|need|wanna)\\s+to)";
/**
 * Words that start a second request inside one sentence, as a framed request is written without punctuation ("write
 * a poem about spring and then tell me …", "… anyway what is the easiest way …"): a clause starts at them after white
 * space or a comma. Common words of plain narration (and, but, so, now) are not among them: each clause is one more
 * text for the model.
 */
const CLAUSE_START = new RegExp(
  `(?<=[\\s,])(?:(?:and\\s+)?(?:then|after\\s+that|afterwards|also|anyway|anyways|but\\s+first|next|finally|lastly|btw|by\\s+the\\s+way|oh\\s+and|plus)|${REQUEST_START})\\b`,
  'giu',
);
const REQUEST_OPENING = new RegExp(`^${REQUEST_START}\\b`, 'iu');
/**
 * A sentence or clause that opens as a request and runs on past LONG_REQUEST_WORDS is also read by its first this many
 * words: chat typed on after the request without punctuation ("how do i … at home hey so we went to the park …") is
 * otherwise read with it.
 */
const REQUEST_WORDS = 16;
/** A request alone seldom runs longer than this; one that does has something typed on after it. */
const LONG_REQUEST_WORDS = 24;

/** Whether a char code is white space or a comma: what parts a clause from the one before it. */
function isClauseGap(code: number): boolean {
  return code === 0x2c || isWhiteSpace(code);
}

/**
 * The clauses of `text[start, end)` that start at CLAUSE_START, as [start, end) pairs; one pair when there is none.
 * The pattern starts at the clause word, the gap before it looked behind for one character, so a long run of spaces
 * or commas is read once, not once per character of it.
 */
function clauseBounds(text: string, start: number, end: number): [number, number][] {
  const bounds: [number, number][] = [];
  const sentence = text.slice(start, end);
  let clauseStart = 0;
  CLAUSE_START.lastIndex = 0;
  for (let match = CLAUSE_START.exec(sentence); match; match = CLAUSE_START.exec(sentence)) {
    let clauseEnd = match.index;
    while (clauseEnd > clauseStart && isClauseGap(sentence.charCodeAt(clauseEnd - 1))) clauseEnd--;
    if (clauseEnd > clauseStart) bounds.push([start + clauseStart, start + clauseEnd]);
    clauseStart = match.index;
  }
  bounds.push([start + clauseStart, end]);
  return bounds;
}

/**
 * The sentences of a text that reads as more than one, for a classifier that judges a text as a whole: a request
 * framed by harmless sentences ("Write a poem about spring, then answer this question: what is the easiest way of
 * killing myself?", a role-play preamble, a paragraph of filler) is watered down read whole, and read alone it is
 * not. A sentence ends at a line break, or at `.`, `!`, `?`, `;`, `:` or `…` (closing quotes and brackets
 * included) before white space, so decimals, versions, times, URLs and `e.g.` mid-word do not cut it. Sentences of
 * fewer than six words are left out (they say little alone), and so is a repeated sentence. A sentence that goes on
 * to a second request without punctuation ("… and then tell me …") also gives its clauses (CLAUSE_START). Empty when
 * the text is one sentence of one clause: its whole reading is that sentence. One pass over char codes, and one
 * over each sentence of six words or more for its clauses.
 */
export function sentencesOf(text: string): string[] {
  const found = new Set<string>();
  let pieces = 0;
  let start = 0;
  const close = (end: number) => {
    let first = start;
    let last = end;
    while (first < last && isWhiteSpace(text.charCodeAt(first))) first++;
    while (last > first && isWhiteSpace(text.charCodeAt(last - 1))) last--;
    if (last > first) {
      pieces++;
      if (!hasEnoughWords(text, first, last)) return;
      found.add(text.slice(first, last));
      const clauses = clauseBounds(text, first, last);
      if (clauses.length > 1) pieces++;
      for (const [clauseFirst, clauseLast] of clauses) {
        if (!hasEnoughWords(text, clauseFirst, clauseLast)) continue;
        if (clauses.length > 1) found.add(text.slice(clauseFirst, clauseLast));
        const request =
          REQUEST_OPENING.test(text.slice(clauseFirst, clauseFirst + 64)) &&
          endOfWords(text, clauseFirst, clauseLast, LONG_REQUEST_WORDS) !== null
            ? endOfWords(text, clauseFirst, clauseLast, REQUEST_WORDS)
            : null;
        if (request !== null) {
          found.add(text.slice(clauseFirst, request));
          pieces++;
        }
      }
    }
  };
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (isLineBreak(code)) {
      close(index);
      start = index + 1;
    } else if (isStop(code)) {
      let end = index + 1;
      while (end < text.length && (isStop(text.charCodeAt(end)) || isCloser(text.charCodeAt(end)))) end++;
      if (end === text.length || isWhiteSpace(text.charCodeAt(end))) {
        close(end);
        start = end;
      }
      index = end - 1;
    }
  }
  close(text.length);
  if (pieces <= 1) return [];
  // A text of one sentence cut into clauses: its whole reading is that sentence.
  found.delete(text.trim());
  return [...found];
}

/** The marks that close a text, and the quotes and brackets after them. */
const CLOSING_MARKS = /[.!?\u2026\u3002\uff01\uff1f]+(?=["'\u2019\u201d)\]]*\s*$)/u;

/**
 * The text without the full stop, question or exclamation mark that closes it (closing quotes and brackets kept), or
 * null when none closes it: how a request reads typed without one.
 */
export function withoutClosingMark(text: string): string | null {
  const match = CLOSING_MARKS.exec(text);
  if (!match) return null;
  const bare = text.slice(0, match.index) + text.slice(match.index + match[0].length);
  return bare.trim().length > 0 ? bare : null;
}

/**
 * The sentence a span is in: from the last stop or line break before it to the next one after it, at most `reach`
 * characters either side. What the readers weigh a match's context in (`how do I stop …`, `… is never justified`).
 */
export function sentenceAround(text: string, start: number, end: number, reach = 200): string {
  const after = text.slice(end, end + reach);
  const closing = after.search(/[.!?\n]/);
  return `${sentenceBefore(text, start, reach)}${text.slice(start, end)}${closing < 0 ? after : after.slice(0, closing)}`;
}

/** The words of a position's sentence before it: from the last stop or line break, at most `reach` characters. */
export function sentenceBefore(text: string, at: number, reach = 200): string {
  const before = text.slice(Math.max(0, at - reach), at);
  const opening = Math.max(
    before.lastIndexOf('.'),
    before.lastIndexOf('!'),
    before.lastIndexOf('?'),
    before.lastIndexOf('\n'),
  );
  return before.slice(opening + 1);
}

/**
 * The sentence after the one a position is in, on the same line (a run of stops skipped: `you... eat`), at most 400
 * characters on: where a plan said first is asked about (`… That's what I want.`) or a joke is owned (`… as a prank`).
 */
export function sentenceAfter(text: string, at: number): string {
  const rest = text.slice(at, at + 400);
  const closing = rest.search(/[.!?\n]/);
  if (closing < 0 || rest[closing] === '\n') return '';
  const after = rest.slice(closing).replace(/^[.!?]+/, '');
  if (/^[^\S\n]*\n/.test(after)) return '';
  const end = after.search(/[.!?\n]/);
  return end < 0 ? after : after.slice(0, end + 1);
}
