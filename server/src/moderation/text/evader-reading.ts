import { deobfuscatedReading } from './deobfuscated-text';
import { decodeEscapes } from './escaped-text';
import { foldText } from './folded-text';
import { squeezeStretchedLetters } from './stretched-text';
import { hiddenTagText } from './tag-characters';

const TAG_CHARACTERS = /[\u{e0000}-\u{e007f}]/gu;

/**
 * The text as an evader means it to be read, for checks that read whole sentences (the classifier), in stages
 * each of which hands on the text unchanged when it finds nothing: character escapes written as text decoded
 * (`b&#111;mb`, `b%6Fmb`, `b\u006fmb`), look-alike and invisible characters folded (`kіll`, `𝐤𝐢𝐥𝐥`, `ki\u200bll`),
 * letter substitutes and letter-by-letter spellings read as words (`k1ll`, `k-i-l-l`), stretched letters squeezed
 * (`kiiiill`). Null when no stage changed anything: ordinary text needs no second reading. Text hidden in
 * invisible tag characters is appended, decoded. `isWord`, the reader's vocabulary, if it has one, picks how
 * stretched letters squeeze.
 */
export function evaderReading(text: string, isWord?: (word: string) => boolean): string | null {
  const decoded = decodeEscapes(text)?.text ?? text;
  const folded = foldText(decoded)?.text ?? decoded;
  const respelled = deobfuscatedReading(folded) ?? folded;
  const squeezed = squeezeStretchedLetters(respelled, isWord) ?? respelled;
  // ASCII hidden in tag characters is dropped by the fold, but a model may read it: it is read too, after the rest.
  const hidden = hiddenTagText(text);
  const reading = hidden ? `${squeezed.replace(TAG_CHARACTERS, '')}\n${hidden.text}` : squeezed;
  return reading === text ? null : reading;
}
