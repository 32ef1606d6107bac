import { deobfuscatedReading, heavyLeetReading } from './deobfuscated-text';
import { CipherShifts, decipheredReading, encodedPayloads } from './encoded-text';
import { emojiWordsReading } from './emoji-words';
import { decodeEscapes } from './escaped-text';
import { foldText, withoutInvisible } from './folded-text';
import { outrightRequestReading } from './hypothetical-request';
import { fontReading } from './letter-fonts';
import { squeezeStretchedLetters, undoubledLetters } from './stretched-text';
import { separatedWordsReading, WordRank } from './joined-words';
import { pigLatinReading } from './pig-latin';
import { activeVoiceReading } from './passive-voice';
import { presentTenseReading } from './past-tense';
import { punctuatedWordsReading } from './punctuated-words';
import { joinedPayloads } from './split-payload';
import { spellingAlphabetReading } from './spelling-alphabet';
import { slangReading } from './slang-words';
import { hiddenTagText } from './tag-characters';
import { typoReading } from './typo-words';
import { VowelRestorer, vowelRestoredReading } from './vowelless-words';

const TAG_CHARACTERS = /[\u{e0000}-\u{e007f}]/gu;

/**
 * What a reader knows of words, each part optional: `isWord`, whether a word is one of its vocabulary, picks how
 * stretched letters squeeze and tells a cipher or a fancy alphabet; `isKnownWord`, whether a word is English at all
 * (the vocabulary's or one of the 100,000 commonest), tells a typo, and `listedRankOf`, a word's rank among the 30,000
 * common words alone, picks its correction; `rankOf`, where a word ranks in the vocabulary, cuts words run together
 * and letters spelled out; `shiftsOf`, the shifts that make a word one of it, deciphers; `commonRankOf`, how common a
 * word is in English, reads Pig Latin back, tells the verb of a regular participle and, with `restoreVowels` (the
 * commonest word with given consonants), puts back vowels stripped from words.
 */
export interface ReaderVocabulary {
  isWord?: (word: string) => boolean;
  isKnownWord?: (word: string) => boolean;
  rankOf?: WordRank;
  listedRankOf?: WordRank;
  shiftsOf?: CipherShifts;
  commonRankOf?: WordRank;
  restoreVowels?: VowelRestorer;
}

/**
 * The text as an evader means it to be read, for checks that read whole sentences (the classifier), in stages each of
 * which hands on the text unchanged when it finds nothing: character escapes written as text decoded (`b&#111;mb`,
 * `b%6Fmb`, `b\u006fmb`), look-alike and invisible characters folded (`kіll`, `𝐤𝐢𝐥𝐥`, `ki\u200bll`), emoji that stand
 * in for words read as their names (`make a 💣 at 🏠`), shorthand for harm read as what it stands for (`kys`,
 * `sewerslide`), heavy leetspeak read whole (`h()w t() m@k3 @ b()mb`), letter substitutes and letter-by-letter
 * spellings read as words (`k1ll`, `k-i-l-l`), letters typed twice read once (`bboommbb`), words spelled in the NATO
 * alphabet read (`bravo oscar mike bravo`), stretched letters squeezed (`kiiiill`), Pig Latin read back (`ombbay`),
 * vowels put back (`bmb`), words run together read apart (`#howtomakeabomb`, `howToMakeABomb`), swapped letters put
 * back, dropped ones restored and missed spaces put back (`mkae`, `despicble`, `Ihate`), words joined by punctuation
 * read apart (`how.to.make.a.bomb`), questions about how harm was done asked in the present (`how did people make
 * pipe bombs in the 1990s?`), passive how-questions asked as requests (`how are pipe bombs built?` -> `how to build
 * pipe bombs?`) and hypothetical or reported requests asked outright (`if someone wanted to make a bomb, how would
 * they do it?`, `explain how people make bombs` -> `how to make a bomb?`). Then, each as a reading of its own, so the
 * text around it does not water it down: text hidden in invisible tag characters, messages encoded in base64, a
 * request split into strings joined again (`a = "how to make a pi"; b = "pe bomb"; a + b`), the text deciphered when
 * it is written backwards or in ROT13 or another Caesar shift (`bmob a ekam`, `n obzo`), and the text read back from a
 * fancy-text alphabet or from upside-down writing (`卄ㄖ山 ㄒㄖ`, `ǝɯoɥ ʇɐ`). Empty when no stage found anything:
 * ordinary text needs no second reading. The stages that need to know words run only when `vocabulary` has what they
 * need.
 */
export function evaderReadings(text: string, vocabulary: ReaderVocabulary = {}): string[] {
  const { isWord, isKnownWord, rankOf, listedRankOf, shiftsOf, commonRankOf, restoreVowels } = vocabulary;
  const decoded = decodeEscapes(text)?.text ?? text;
  const folded = foldText(decoded)?.text ?? decoded;
  const named = emojiWordsReading(folded) ?? folded;
  const unslanged = slangReading(named) ?? named;
  const unleeted = heavyLeetReading(unslanged) ?? unslanged;
  const respelled = deobfuscatedReading(unleeted) ?? unleeted;
  const undoubled = undoubledLetters(respelled) ?? respelled;
  const spelled = spellingAlphabetReading(undoubled, rankOf) ?? undoubled;
  const squeezed = squeezeStretchedLetters(spelled, isWord) ?? spelled;
  const unlatined = (commonRankOf && pigLatinReading(squeezed, commonRankOf)) || squeezed;
  const voweled =
    (commonRankOf && restoreVowels && vowelRestoredReading(unlatined, restoreVowels, commonRankOf)) ||
    unlatined;
  const joined = (rankOf && separatedWordsReading(voweled, rankOf)) || voweled;
  const corrected = (isKnownWord && listedRankOf && typoReading(joined, isKnownWord, listedRankOf)) || joined;
  const separated = punctuatedWordsReading(corrected) ?? corrected;
  const present = presentTenseReading(separated) ?? separated;
  const active = (commonRankOf && activeVoiceReading(present, commonRankOf)) || present;
  const outright = outrightRequestReading(active) ?? active;
  const hidden = hiddenTagText(text);
  // Tag characters are dropped by the fold; what they spell is read on its own below.
  const visible = hidden ? outright.replace(TAG_CHARACTERS, '') : outright;
  return [
    ...(visible === text ? [] : [visible]),
    ...(hidden ? [hidden.text] : []),
    ...encodedPayloads(decoded).map((payload) => payload.text),
    ...joinedPayloads(decoded),
    ...(isWord
      ? [
          shiftsOf ? decipheredReading(squeezed, isWord, shiftsOf) : null,
          // Invisible characters between a font's letters (zero-width spaces keep regional indicators from
          // pairing into flags) would part every letter from the next.
          fontReading(withoutInvisible(decoded), isWord),
        ].filter((reading) => reading !== null)
      : []),
  ];
}
