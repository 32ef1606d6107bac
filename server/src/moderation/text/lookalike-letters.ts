/**
 * Letters of other scripts drawn like Latin ones, after the idea of Unicode's confusables.txt (UTS #39): only
 * pairs whose glyphs are the same in common fonts, written out here rather than vendored, so every entry can be
 * read and argued about. Compatibility forms (fullwidth, mathematical, circled, superscript letters) need no table:
 * NFKD already names the Latin letter they are drawn from.
 */

/** Small capitals neither NFKD nor the confusables table folds, in alphabetical order of the letter (no x). */
export const SMALL_CAPITALS =
  '\u1d00\u0299\u1d04\u1d05\u1d07\ua730\u0262\u029c\u026a\u1d0a\u1d0b\u029f\u1d0d\u0274\u1d0f\u1d18\ua7af\u0280\ua731\u1d1b\u1d1c\u1d20\u1d21\u028f\u1d22';
export const SMALL_CAPITAL_LETTERS = 'abcdefghijklmnopqrstuvwyz';

/**
 * Latin letters drawn like plain ones that NFKD leaves as they are: dotless `ı` and `ȷ`, the Latin alpha `ɑ`, the
 * single-storey `ɡ`, the Latin iota `ɩ`, and the letters drawn with a stroke through a plain one (`ø`, `đ`, `ł`, `ħ`,
 * `ŧ`, `ƀ`, `ɨ`, `ʉ`, `ɇ`, `ɍ`, `ƶ`, `ǥ`), which NFKD does not take apart either (`hØw tØ mαkε α βØmβ`).
 */
export const LATIN_LOOKALIKES: Record<string, string> = {
  ı: 'i',
  ȷ: 'j',
  ɑ: 'a',
  ɡ: 'g',
  ɩ: 'i',
  ø: 'o',
  Ø: 'O',
  đ: 'd',
  Đ: 'D',
  ł: 'l',
  Ł: 'L',
  ħ: 'h',
  Ħ: 'H',
  ŧ: 't',
  Ŧ: 'T',
  ƀ: 'b',
  Ƀ: 'B',
  ɨ: 'i',
  Ɨ: 'I',
  ʉ: 'u',
  Ʉ: 'U',
  ɇ: 'e',
  Ɇ: 'E',
  ɍ: 'r',
  Ɍ: 'R',
  ƶ: 'z',
  Ƶ: 'Z',
  ǥ: 'g',
  Ǥ: 'G',
};

/**
 * Cyrillic and Greek letters (after NFKD, so accented forms count too) and the Latin letter each imitates. Case
 * follows the glyph: Cyrillic `В` is drawn as `B`, lower-case `в` as a small capital `ʙ`, read as `b`.
 */
export const SCRIPT_LOOKALIKES: Record<string, string> = {
  // Cyrillic
  а: 'a',
  в: 'b',
  г: 'r',
  е: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  п: 'n',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ѕ: 's',
  і: 'i',
  ј: 'j',
  һ: 'h',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ӏ: 'l',
  ү: 'y',
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  У: 'Y',
  Х: 'X',
  Ѕ: 'S',
  І: 'I',
  Ј: 'J',
  Һ: 'H',
  Ԁ: 'D',
  Ԛ: 'Q',
  Ԝ: 'W',
  Ӏ: 'I',
  Ү: 'Y',
  // Greek
  α: 'a',
  β: 'b',
  γ: 'y',
  ε: 'e',
  η: 'n',
  // Theta is an o with a bar, as `ø` is one with a stroke: evaders use both for `o` (`Hθw dθ I …`).
  θ: 'o',
  Θ: 'O',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ω: 'w',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
};
