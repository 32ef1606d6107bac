/** The speaker, and that they will: `I'll`, `I am going to`, `im gonna`, `imma`, `we will`. */
const WILL = String.raw`(?:i|we)(?:'ll|’ll|\s+will|\s+shall|(?:\s+am|'m|’m|m)?\s+(?:going\s+to|gonna|about\s+to))|imma|i'ma|ima`;

/** A word or two between the will and the deed: `come and`, `find you and`, `fucking`, `personally`. */
const ON_THE_WAY = String.raw`(?:(?:come(?:\s+over)?(?:\s+and)?|find\s+(?:you|him|her|them)\s+and|fucking|personally|literally|seriously|actually|just|really|definitely)\s+){0,2}`;

/** Deeds that are violence whatever follows them. */
const VIOLENT = String.raw`murder|shoot|stab|strangle|behead|butcher|slaughter|rape|knife|gut|torture|kidnap|maim|mutilate|dismember|(?:slit|cut)\s+the\s+throat\s+of|snap\s+the\s+neck\s+of|bash\s+the\s+head\s+of|blow\s+the\s+brains\s+out\s+of|break\s+the\s+legs\s+of`;

/** Deeds that are violence when done to a person, not at a game: `kill you`, not `kill you at chess`. */
const HARMFUL = String.raw`kill|hurt|burn|beat|punch|bury|choke|smash|bash`;

const RELATION = String.raw`(?:whole\s+)?(?:family|kids?|children|wife|husband|son|daughter|mom|mum|mother|dad|father|stepmom|stepdad|brother|sister|friends?|boyfriend|girlfriend|ex|boss|neighbou?r|teacher|coworker|co-worker|roommate|landlord|dealer|principal|classmate|bully|baby|dog|cat)`;

/** Whom: `you`, `him`, `your family`, `my ex`, `the principal`. */
const WHOM = String.raw`(?:you|ya|u|y'all|yall|him|her|them|(?:your|ur|his|her|their|my|the|that)\s+${RELATION})`;

/**
 * A first-person threat of violence against a person: the speaker, that they will, the deed and whom (`I will shoot
 * you tomorrow`, `im gonna stab my stepdad`, `I'll come and bash the head of you`); not `I'll shoot you a text`. The
 * first group holds a deed that is violence whatever follows, the second one that may be a game's (AT_A_GAME).
 */
const THREAT = new RegExp(
  String.raw`(?<![\p{L}'’])(?:${WILL})\s+${ON_THE_WAY}(?:(${VIOLENT})|(${HARMFUL}))\s+${WHOM}(?!\s+(?:a|an)\s+(?:text|message|email|e-mail|line|note|dm|pm|call)\b)(?![\p{L}'’])`,
  'giu',
);

/**
 * What makes `kill you` or `beat you` a game: `at chess`, `in Fortnite`, `on Xbox`, `in the final`. Case matters
 * (`in Fortnite`, not `in your sleep`), so this is a pattern of its own, without the threat's `i` flag.
 */
const AT_A_GAME =
  /^\s+(?:at\b|in\s+(?:\p{Lu}|a\s+(?:game|match|race|round)\b|the\s+(?:game|match|race|round|final|next)\b)|on\s+\p{Lu})/u;

/**
 * Whether a text threatens violence in the first person. The classifier learned threats from a few template frames
 * (`threats.py`), and passed "I will shoot you tomorrow." and "I shall stab the principal"; a threat said outright is
 * a matter of grammar, which this reads. The scorer raises harassment, harassment/threatening and violence to their
 * thresholds for such a text.
 */
export function threatensViolence(text: string): boolean {
  for (const threat of text.matchAll(THREAT)) {
    if (threat[1] !== undefined) return true;
    const after = threat.index + threat[0].length;
    if (!AT_A_GAME.test(text.slice(after, after + 40))) return true;
  }
  return false;
}
