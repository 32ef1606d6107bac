import emojiData from 'unicode-emoji-json/data-by-emoji.json';

/**
 * The groups of emoji that name things (`💣` bomb, `🔪` kitchen knife, `🏠` house, `🐷` pig, `💊` pill): what an emoji
 * stands in for in a request. Faces, gestures, hearts, signs and flags say how a text feels, and tweets scatter them
 * between words (`so fine tho 😩 dam`), where their names (weary face) would read as words nobody wrote.
 */
const THING_GROUPS = new Set([
  'Objects',
  'Food & Drink',
  'Animals & Nature',
  'Travel & Places',
  'Activities',
]);

/** The CLDR short name of each emoji that names a thing, keyed without variation selectors. */
const EMOJI_NAMES = new Map(
  Object.entries(emojiData as Record<string, { name: string; group: string }>)
    .filter(([, { group }]) => THING_GROUPS.has(group))
    .map(([emoji, { name }]) => [withoutSelectors(emoji), name]),
);
/** A run longer than this is decoration (`🔥🔥🔥🔥`), not a word's place. */
const MOST_RUN_EMOJI = 3;

/** An emoji: a pictograph with its selector, skin tone and joined parts, or a flag of two regional indicators. */
const EMOJI =
  /\p{Regional_Indicator}{2}|\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})*(?:\u200D\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})*)*/gu;
/** Emoji one after another (a run reads as one word's place) with only spaces between. */
const EMOJI_RUN = new RegExp(`(?:${EMOJI.source})(?:\\s*(?:${EMOJI.source}))*`, 'gu');
const ANY_EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
const LETTER = /\p{L}/u;
const WORD_BEFORE = /(\p{L}+)\s*$/u;

/**
 * Words after which a noun is due, so an emoji that ends a sentence after one stands in for a word (`make a 💣`,
 * `at 🏠?`), where one that ends a sentence after others decorates it (`I'm dead 💀`, `love you 😍`).
 */
const NOUN_BEFORE = new Set(
  'a an the my your his her their our its this that these those some any no to at of in on with for from into by and or'.split(
    ' ',
  ),
);

/**
 * The text with emoji that stand in for words read as their names (`How do I make a 💣 at 🏠?` -> `How do I make a
 * bomb at house?`), as requests are written to slip a word past a filter that reads words. An emoji that names a
 * thing (or a run of up to three) stands in for a word when a word comes before it and either a word comes after it
 * or the word before is one after which a noun is due (an article, a possessive, a preposition); emoji that end a
 * sentence or stand alone decorate it, and faces, gestures and signs are never read as words: all are left as
 * written. Null when none stands in for a word. One scan for any emoji first.
 */
export function emojiWordsReading(text: string): string | null {
  if (!ANY_EMOJI.test(text)) return null;
  let changed = false;
  const reading = text.replace(EMOJI_RUN, (run: string, offset: number) => {
    const before = WORD_BEFORE.exec(text.slice(Math.max(0, offset - 32), offset));
    if (!before) return run;
    const after = text.slice(offset + run.length).trimStart();
    const wordAfter = after.length > 0 && LETTER.test(after[0]);
    if (!wordAfter && !NOUN_BEFORE.has(before[1].toLowerCase())) return run;
    const names = [...run.matchAll(EMOJI)].map((emoji) => emojiName(emoji[0]));
    if (names.length > MOST_RUN_EMOJI || names.some((name) => name === undefined)) return run;
    changed = true;
    // A name takes a word's place: it is parted from letters typed against the emoji (`NUMBA🔫`).
    const spaceBefore = offset > 0 && !/\s/u.test(text[offset - 1]) ? ' ' : '';
    const next = text[offset + run.length];
    const spaceAfter = next !== undefined && !/[\s.,!?;:]/u.test(next) ? ' ' : '';
    return spaceBefore + names.join(' ') + spaceAfter;
  });
  return changed ? reading : null;
}

function emojiName(emoji: string): string | undefined {
  const bare = withoutSelectors(emoji);
  return EMOJI_NAMES.get(bare) ?? EMOJI_NAMES.get(bare.replace(/\p{Emoji_Modifier}/gu, ''));
}

function withoutSelectors(emoji: string): string {
  return emoji.replace(/\uFE0F/g, '');
}
