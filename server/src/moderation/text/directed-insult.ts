import { everyMatch } from './every-match';

/** What someone is called to wound them: `worthless`, `fat and ugly`, `a fat cow`, `a waste of space`. */
const INSULT_WORD = String.raw`(?:worthless|pathetic|ugly|fat|stupid|dumb|retarded|disgusting|useless|hideous|repulsive|gross|revolting|brainless|spineless|ugliest|fattest|dumbest|stupidest|loser|idiot|moron|imbecile|cow|pig|slut|whore|bitch|skank|freak|failure|disgrace|embarrassment|joke|nobody|nothing|scum|trash|garbage|waste\s+of\s+(?:space|oxygen|air|skin|time)|piece\s+of\s+(?:shit|garbage|trash|crap))`;

/** What may sharpen the insult before it: `so`, `such a`, `a fat`, `nothing but a`, `the ugliest`. */
const SHARPENED = String.raw`(?:(?:so|such|a|an|just|really|truly|literally|fucking|nothing\s+but|the|one|complete|total|absolute|utter)\s+){0,3}`;

/**
 * Where an insult ends: the sentence or clause does, or another insult or reason follows; after `person`, `thing` or
 * the like (`the dumbest person alive`).
 */
const INSULT_END = String.raw`(?:\s+(?:person|human|man|woman|guy|girl|thing|creature)(?:\s+(?:alive|ever|on\s+earth|in\s+the\s+world|i\s+know|i(?:['’]ve|\s+have)\s+ever\s+(?:seen|met)))?)?(?=\s*(?:$|[.!?,;:)…]|(?:and|lol|lmao|haha|nobody|no\s+one|everyone|everybody|because|cause|who|that)(?![\p{L}\p{N}])))`;

/**
 * Contempt said to someone's face, in three forms: what they are called (`You're so fat and ugly`, `you are a fat
 * cow`, `ur a waste of space`); that they are unloved (`nobody will ever love you.`, `Everyone hates you, just leave.`);
 * that their own regret them (`your parents regret having you`).
 */
const INSULT = new RegExp(
  [
    String.raw`(?<![\p{L}\p{N}'’])(?:you|u)(?:\s+are|['’]re|\s+r|r)\s+${SHARPENED}${INSULT_WORD}(?:(?:\s*,\s*|\s+and\s+|\s+)${SHARPENED}${INSULT_WORD}){0,3}${INSULT_END}`,
    String.raw`(?<![\p{L}\p{N}'’])(?:nobody|no\s+one|no-one)\s+(?:will\s+ever\s+|would\s+ever\s+|ever\s+|will\s+|could\s+ever\s+)?(?:loves?|likes?|wants?|cares?\s+about|misses?)\s+(?:you|u)(?=\s*(?:$|[.!?,;:…]|and(?![\p{L}\p{N}])))`,
    String.raw`(?<![\p{L}\p{N}'’])(?:everyone|everybody|the\s+whole\s+(?:school|class|world|team))\s+(?:hates|despises|laughs\s+at|is\s+laughing\s+at)\s+(?:you|u)(?![\p{L}\p{N}'’])`,
    String.raw`(?<![\p{L}\p{N}'’])(?:your|ur)\s+(?:parents|mom|mum|mother|dad|father|family)\s+(?:regrets?|hates?|(?:is|are)\s+ashamed\s+of)\s+(?:having\s+)?(?:you|u)(?![\p{L}\p{N}'’])`,
  ].join('|'),
  'giu',
);

/** Words before the insult that make it someone else's, or no insult: `if`, `not`, `he said`, `do you think`. */
const NOT_AN_INSULT =
  /(?:\b(?:if|unless|not|never|don['’]?t\s+think|do\s+you\s+(?:think|feel)|who\s+says|feel\s+like|i\s+thought|told\s+me|said|says|called\s+me|calls\s+me)\s+(?:\S+\s+){0,4}$|["“«][^"“”«»]*$)/iu;

/**
 * Whether the text insults the one it speaks to, outright: what they are called, that nobody loves them, that their
 * family regrets them. The classifier passed `You're so fat and ugly, nobody will ever love you.` (harassment 0.859
 * against 0.865), `Everyone hates you, just leave.` and `You're worthless and your parents regret having you.`. Not a
 * conditional (`if you think that, you're an idiot`), a denial (`I never said you're stupid`), a question (`do you
 * think you're ugly?`) or a quotation. The scorer raises harassment to its threshold.
 */
export function insultsTheReader(text: string): boolean {
  for (const insult of everyMatch(INSULT, text)) {
    if (!NOT_AN_INSULT.test(text.slice(Math.max(0, insult.index - 40), insult.index))) return true;
  }
  return false;
}
