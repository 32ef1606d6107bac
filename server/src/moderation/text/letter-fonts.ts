/**
 * Alphabets of "fancy text" generators, each written as its letters for a to z: letters of other scripts and
 * symbols drawn like Latin ones, which neither NFKD nor the fold reads as Latin (`卄ㄖ山 ㄒㄖ 爪卂Ҝ乇`, `hσw tσ mαkє`,
 * `ɦơա ɬơ ɱąƙɛ`, `🅷🅾🆆`) and Braille (`⠓⠕⠺ ⠞⠕`). Jailbreak suites send requests in them; a model reads through them.
 */
const FONTS = [
  '₳฿₵ĐɆ₣₲ⱧłJ₭Ⱡ₥₦Ø₱QⱤ₴₮ɄV₩ӾɎⱫ', // currency signs
  'αв¢∂єƒgнιנкℓмησρqяѕтυνωχуz', // Greek and Cyrillic
  'ค๒ς๔єŦﻮђเןкɭ๓ภ๏קợгรՇยשฬאץչ', // Thai
  'ąɓƈɖɛʄɠɧıʝƙƖɱŋơ℘զཞʂɬų۷ῳҳყʑ', // Latin with hooks
  '卂乃匚ᗪ乇千Ꮆ卄丨ﾌҜㄥ爪几ㄖ卩Ɋ尺丂ㄒㄩᐯ山乂ㄚ乙', // CJK
  'ᏗᏰፈᎴᏋᎦᎶᏂᎥᏠᏦᏝᎷᏁᎧᎮᎤᏒᏕᏖᏬᏉᏇጀᎩፚ', // Cherokee
  'ꍏꌃꉓꀸꍟꎇꁅꃅꀤꀭꀘ꒒ꂵꈤꂦꉣꆰꋪꌗ꓄ꀎꃴꅏꊼꌩꁴ', // Yi syllables
  lettersFrom(0x1f170), // negative squared 🅰
  lettersFrom(0x1f150), // negative circled 🅐
  lettersFrom(0x1f1e6), // regional indicators 🇦
  '⠁⠃⠉⠙⠑⠋⠛⠓⠊⠚⠅⠇⠍⠝⠕⠏⠟⠗⠎⠞⠥⠧⠺⠭⠽⠵', // Braille, grade 1
];
/** Letters the alphabets above share with a few more generators: Armenian `ա`, hooked `ɦ` and `ɗ`. */
const MORE_LETTERS: Record<string, string> = { ա: 'w', ɦ: 'h', ɗ: 'd' };

function lettersFrom(first: number): string {
  return Array.from({ length: 26 }, (_, index) => String.fromCodePoint(first + index)).join('');
}

const FONT_LETTERS = new Map<number, string>();
for (const font of FONTS) {
  [...font].forEach((character, index) => {
    const codePoint = character.codePointAt(0)!;
    if (codePoint >= 0x80) FONT_LETTERS.set(codePoint, String.fromCharCode(0x61 + index));
  });
}
for (const [character, letter] of Object.entries(MORE_LETTERS))
  FONT_LETTERS.set(character.codePointAt(0)!, letter);

/**
 * Upside-down text: each letter turned and the whole written backwards (`ǝɯoɥ ʇɐ qɯoq ɐ ǝʞɐɯ oʇ ʍoɥ`). The turned
 * letters and what they stand for; ASCII letters that turn into each other (b/q, d/p, n/u, M/W) swap back.
 */
const TURNED: Record<string, string> = {
  ɐ: 'a',
  ɔ: 'c',
  ǝ: 'e',
  ɟ: 'f',
  ƃ: 'g',
  ᵷ: 'g',
  ɥ: 'h',
  ᴉ: 'i',
  ı: 'i',
  ɾ: 'j',
  ʞ: 'k',
  ʃ: 'l',
  ן: 'l',
  ɯ: 'm',
  ɹ: 'r',
  ʇ: 't',
  ʌ: 'v',
  ʍ: 'w',
  ʎ: 'y',
  '∀': 'A',
  Ɔ: 'C',
  ᗡ: 'D',
  Ǝ: 'E',
  Ⅎ: 'F',
  '⅁': 'G',
  ſ: 'J',
  ꓘ: 'K',
  '˥': 'L',
  Ԁ: 'P',
  ᴚ: 'R',
  '┴': 'T',
  '⊥': 'T',
  '∩': 'U',
  Λ: 'V',
  '⅄': 'Y',
  '¡': '!',
  '¿': '?',
  '˙': '.',
};
const SWAPPED: Record<string, string> = { b: 'q', q: 'b', d: 'p', p: 'd', n: 'u', u: 'n', M: 'W', W: 'M' };
const TURNED_CODES = new Set(Object.keys(TURNED).map((character) => character.codePointAt(0)!));
/** Distinct turned letters a text needs to be read upside down: `ɐ` alone is phonetics. */
const MIN_TURNED = 3;
/** Letters a text needs in an alphabet above to be read in it. */
const MIN_FONT_LETTERS = 3;
/** Share of the words written with such letters that must read as words of the vocabulary once read back. */
const MIN_KNOWN_SHARE = 0.5;

/**
 * The text read back from a fancy-text alphabet or from upside-down writing, when it holds enough of their letters
 * and what they spell reads as words of `isWord`'s vocabulary (so Thai, Chinese or Cherokee written as such, whose
 * letters the alphabets borrow, is not read as nonsense Latin); null otherwise. Ordinary text costs one scan of its
 * char codes.
 */
export function fontReading(text: string, isWord: (word: string) => boolean): string | null {
  let fontLetters = 0;
  const turned = new Set<number>();
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) continue;
    const codePoint = text.codePointAt(index)!;
    if (codePoint > 0xffff) index++;
    if (FONT_LETTERS.has(codePoint)) fontLetters++;
    if (TURNED_CODES.has(codePoint)) turned.add(codePoint);
  }
  const characters = [...text];
  if (turned.size >= MIN_TURNED) {
    // Generators turn the letters and write them backwards, or only turn them.
    const unturned = characters.map((character) => TURNED[character] ?? SWAPPED[character] ?? character);
    const backwards = [...unturned].reverse();
    if (readsAsWords([...characters].reverse(), backwards, isWord)) return backwards.join('');
    if (readsAsWords(characters, unturned, isWord)) return unturned.join('');
  }
  if (fontLetters >= MIN_FONT_LETTERS) {
    const reading = characters.map((character) => FONT_LETTERS.get(character.codePointAt(0)!) ?? character);
    if (readsAsWords(characters, reading, isWord)) return reading.join('');
  }
  return null;
}

/**
 * Whether at least half the words the reading changed (runs without white space, punctuation around them aside) are
 * words of the vocabulary: a word left with a letter no alphabet maps (real Russian, Thai, Chinese) is not.
 */
function readsAsWords(original: string[], reading: string[], isWord: (word: string) => boolean): boolean {
  let changed = 0;
  let known = 0;
  const originalWords = original.join('').split(/\s+/);
  const readWords = reading.join('').split(/\s+/);
  readWords.forEach((token, index) => {
    if (token === originalWords[index]) return;
    changed++;
    const word = token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (/^[a-z]+$/i.test(word) && isWord(word.toLowerCase())) known++;
  });
  return changed > 0 && known >= MIN_KNOWN_SHARE * changed;
}
