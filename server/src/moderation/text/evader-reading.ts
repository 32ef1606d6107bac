import { deobfuscatedReading } from './deobfuscated-text';
import { foldText } from './folded-text';
import { squeezeStretchedLetters } from './stretched-text';

/**
 * The text as an evader means it to be read, for checks that read whole sentences (the classifier), in stages
 * each of which hands on the text unchanged when it finds nothing: look-alike and invisible characters folded
 * (`kіll`, `𝐤𝐢𝐥𝐥`, `ki\u200bll`), letter substitutes and letter-by-letter spellings read as words (`k1ll`,
 * `k-i-l-l`), stretched letters squeezed (`kiiiill`). Null when no stage changed anything: ordinary text needs no
 * second reading. `isWord`, the reader's vocabulary, if it has one, picks how stretched letters squeeze.
 */
export function evaderReading(text: string, isWord?: (word: string) => boolean): string | null {
  const folded = foldText(text)?.text ?? text;
  const respelled = deobfuscatedReading(folded) ?? folded;
  const squeezed = squeezeStretchedLetters(respelled, isWord) ?? respelled;
  return squeezed === text ? null : squeezed;
}
