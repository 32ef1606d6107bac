import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import { ProfanityMatcher } from './profanity-matcher';

const options = { ...englishDataset.build(), ...englishRecommendedTransformers };

/** Deterministic texts dense in near-misses: letters of many terms, leetspeak digits, spacing and repeats. */
function nearMisses(count: number): string[] {
  const alphabet = 'fuckshitabnrgdoe 0134@$';
  let seed = 1;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, () => {
    const length = 10 + Math.floor(next() * 50);
    let text = '';
    for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
    return text;
  });
}

const TEXTS = [
  'Write a short, friendly note thanking a colleague for helping move the planning meeting to Thursday.',
  'what the f u u u c k is this, sh1t',
  'you are a f4ggot',
  'I am a gay man and proud of my husband',
  'fuuuuuck, this SHIT is b1tch3s and @ssholes',
  'ｆｕｃｋ with fullwidth letters and a cunt',
  'an assassin in a classic bass cocktail bar in Scunthorpe reading Dickens over shiitake',
  'n1gg3r and n i g g e r',
  'the word "dick" inside "dickens" and "dick" alone',
  '',
  '🙂 emoji then fuck 🙂 and a surrogate pair at the end 🙂',
];

describe('ProfanityMatcher', () => {
  const library = new RegExpMatcher(options);
  const screened = new ProfanityMatcher(options);

  it('screens texts in one pass (the library keeps its compiled terms where version 0.4 does)', () => {
    expect(screened.screened).toBe(true);
  });

  it("finds exactly the library's matches, sorted or not, on hand-picked and near-miss texts", () => {
    const texts = [...TEXTS, ...nearMisses(3000)];
    let matched = 0;
    for (const text of texts) {
      const expected = library.getAllMatches(text, true);
      expect(screened.getAllMatches(text, true)).toEqual(expected);
      expect(screened.getAllMatches(text)).toEqual(library.getAllMatches(text));
      if (expected.length > 0) matched++;
    }
    // The corpus must exercise both paths: texts the screen passes on and texts it clears.
    expect(matched).toBeGreaterThan(50);
    expect(matched).toBeLessThan(texts.length - 50);
  });
});
