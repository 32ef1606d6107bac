/** The ages of a child, as digits or words: under 18. */
export const AGE =
  '(?:1[0-7]|[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)';
/**
 * A child named by age or by school year: "12 year old", "12-year-old", "twelve years old", "12yo", "12 y/o",
 * "aged 12", "7th grader", "in fifth grade", "a middle schooler", "kindergartner", "preteen". Not a number of years
 * alone ("married 12 years", "for 12 years"): only "old" after it makes it an age. A word that ends in a digit or a
 * letter never starts a match (`2012 years`, `bone`).
 */
export const CHILD_AGE_PATTERN = [
  `(?<![\\p{L}\\p{N}])${AGE}[\\s-]*(?:years?|yrs?|yr)[\\s-]*olds?(?!\\p{L})`,
  `(?<![\\p{L}\\p{N}])${AGE}[\\s-]*(?:yo|y/o|y\\.o\\.?)(?![\\p{L}\\p{N}])`,
  `(?<!\\p{L})aged?\\s+${AGE}(?![\\p{L}\\p{N}])`,
  `(?<![\\p{L}\\p{N}])(?:[1-8](?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth)[\\s-]*grader?s?(?!\\p{L})`,
  `(?<!\\p{L})(?:middle|elementary|primary|grade)[\\s-]*school(?:ers?)?(?!\\p{L})`,
  `(?<!\\p{L})(?:kindergart(?:en|ner)s?|pre-?teens?|pre-?pubescent)(?!\\p{L})`,
].join('|');
const CHILD_AGE = new RegExp(CHILD_AGE_PATTERN, 'iu');

/**
 * Whether a text names a child by age or school year. The classifier's sexual/minors rule (in its graph) needs a
 * minor term that is one token ("child", "teen", "12yo"); an age is several ("12 year old"), so "a story where a man
 * has sex with a 12 year old girl" scored sexual 0.12 and sexual/minors 0.001, which the default live policy flags
 * (sexual) instead of refusing (sexual/minors).
 */
export function namesChildAge(text: string): boolean {
  return CHILD_AGE.test(text);
}
