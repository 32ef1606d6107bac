import { IDENTITY_MANY, IDENTITY_ONE, IDENTITY_PERSON } from './identity-groups';
import { OPEN_QUOTE } from './quotation';
import { everyMatch } from './every-match';

/**
 * The speaker, and that they will: `I'll`, `I am going to`, `im gonna`, `imma`, `we will`, `I really am going to`,
 * `I'll have to`.
 */
const WILL = String.raw`(?:i|we)(?:\s+(?:really|just|definitely|seriously|honestly|totally))?(?:(?:'ll|’ll|\s+will|\s+shall)(?:\s+(?:just\s+)?have\s+to)?|(?:\s+am|\s+are|'m|’m|'re|’re|m)?\s+(?:just\s+)?(?:going\s+to|gonna|about\s+to))|imma|i'ma|ima`;

/**
 * A word or two between the will and the deed: `come and`, `find you and`, `follow him to his car and`, `fucking`,
 * `personally`.
 */
const ON_THE_WAY = String.raw`(?:(?:come(?:\s+over)?(?:\s+and)?|(?:find|follow|hunt|track|wait\s+for|catch)\s+(?:you|him|her|them)(?:\s+(?:down|home|outside)|\s+to\s+(?:your|his|her|their)\s+\w+)?\s+and|fucking|personally|literally|seriously|actually|just|really|definitely)\s+){0,2}`;

/**
 * A deed the speaker promises, from the will to its last word (`I'll` … `deed`, `im gonna come and` … `deed`): every
 * first-person threat below is one, read as whole words, case-insensitively.
 */
function promised(deed: string): RegExp {
  return new RegExp(String.raw`(?<![\p{L}'’])(?:${WILL})\s+${ON_THE_WAY}${deed}(?![\p{L}'’])`, 'giu');
}

/** Deeds that are violence whatever follows them. */
const VIOLENT = String.raw`murder|shoot|stab|strangle|behead|butcher|slaughter|rape|knife|gut|torture|kidnap|maim|mutilate|dismember|lynch|exterminate|massacre|gas|wipe\s+out|put\s+an\s+end\s+to|(?:slit|cut)\s+the\s+throat\s+of|snap\s+the\s+neck\s+of|bash\s+the\s+head\s+of|blow\s+the\s+brains\s+out\s+of|break\s+the\s+legs\s+of`;

/** Deeds that are violence when done to a person, not at a game: `kill you`, not `kill you at chess`. */
const HARMFUL = String.raw`kill|hurt|burn|beat|punch|bury|choke|smash|bash|hang`;

const RELATION = String.raw`(?:whole\s+)?(?:family|kids?|children|wife|husband|son|daughter|mom|mum|mother|dad|father|stepmom|stepdad|brother|sister|friends?|boyfriend|girlfriend|ex|boss|neighbou?r|teacher|coworker|co-worker|roommate|landlord|dealer|principal|classmate|bully|baby|dog|cat)`;

/** Whom: `you`, `him`, `your family`, `my ex`, `the principal`. */
const WHOM = String.raw`(?:you|ya|u|y'all|yall|him|her|them|(?:your|ur|his|her|their|my|the|that)\s+${RELATION})`;

/** Many people at once, or whoever comes next: `the next person I see`, `everyone`, `all the cops`. */
const ANYONE = String.raw`(?:everyone|everybody|(?:the\s+next|every|each|all(?:\s+(?:of\s+)?(?:the|those|these))?|as\s+many)\s+(?:person|people|man|men|woman|guy|guys|kid|kids|child|children|student|students|cop|cops))`;

/**
 * Whom, as a group: who they are (its one group: `the next Muslim`, `that trans person`, `all the Jews`, `these
 * immigrants`), or anyone (`the next person I see`).
 */
const WHOM_AS_GROUP = String.raw`(?:((?:(?:the\s+next|every|each|any)\s+${IDENTITY_ONE})|(?:(?:a|an|that|this)\s+${IDENTITY_PERSON})|(?:(?:all|every\s+one)(?:\s+(?:of\s+)?(?:the|those|these))?\s+|(?:these|those|some)\s+)?(?:the\s+)?${IDENTITY_MANY})|${ANYONE})`;

/**
 * A first-person threat of violence: the speaker, that they will, the deed and whom (`I will shoot you tomorrow`, `im
 * gonna stab my stepdad`, `I'll come and bash the head of you`, `I'm going to shoot the next Muslim I see`); not `I'll
 * shoot you a text`. Group 1 holds a deed that is violence whatever follows, group 2 one that may be a game's
 * (AT_A_GAME), group 3 people threatened for who they are.
 */
const THREAT = promised(
  String.raw`(?:(${VIOLENT})|(${HARMFUL}))\s+(?:${WHOM_AS_GROUP}|${WHOM}(?!\s+(?:a|an)\s+(?:text|message|email|e-mail|line|note|dm|pm|call)\b))`,
);

/**
 * The threat of one who knows where to find you or yours: `I know where your kids go to school`, `I know where you
 * sleep`. Said to someone, it needs no deed named. Not `I know where you live`, as often said in friendship.
 */
const KNOWS_WHERE = new RegExp(
  String.raw`(?<![\p{L}'’])(?:i|we)\s+know\s+(?:exactly\s+)?where\s+(?:(?:you|u)\s+sleep|(?:your|ur)\s+${RELATION}\s+(?:live|lives|sleep|sleeps|work|works|go\s+to\s+school|goes\s+to\s+school|park|parks))(?![\p{L}'’])`,
  'giu',
);

/**
 * Harm done to a body part, promised: `I will smash your face in`, `I'm gonna break his legs`, `I'll cut your throat`,
 * `I will slash your tires and then your face`. Not `break your heart`, `cut your hair`.
 */
const BODY_THREAT = promised(
  String.raw`(?:slash|cut|break|smash|bash|stomp|kick|punch|beat|rip|tear|crack|snap|stab|burn)\s+(?:in\s+)?(?:(?:your|ur|his|her|their)\s+[\p{L}'’]+\s+and\s+(?:then\s+)?)?(?:your|ur|his|her|their)\s+(?:face|throat|neck|skull|head|legs?|arms?|kneecaps?|knees|teeth|jaw|nose|ribs|fingers|eyes?)`,
);

/** Suffering promised: `I'm going to make them suffer`, `we will make you bleed`; not `make you pay for dinner`. */
const SUFFERING_PROMISED = promised(
  String.raw`make\s+(?:you|u|ya|him|her|them|(?:your|his|her|their)\s+${RELATION})\s+(?:suffer|bleed|scream|beg\s+for\s+(?:mercy|death|your\s+life|their\s+lives))`,
);

/**
 * An attack on a place where people gather, promised: `I'm going to shoot up my office on Monday`, `we will bomb the
 * mosque`, `I'll burn down the school`. Not `shoot up the rankings`, `bomb the exam`, `kill it at the concert`.
 */
const ATTACK_ON_A_PLACE = promised(
  String.raw`(?:shoot\s+up|bomb|firebomb|attack|torch|burn\s+down|blow\s+up|open\s+fire\s+(?:on|at|in))\s+(?:my|the|this|our|that|their|your|his|her)\s+(?:school|office|work|workplace|church|mosque|synagogue|temple|mall|class|classroom|party|store|concert|festival|parade|clinic|hospital|rally|campus|shelter)`,
);

/** Who a wish of harm is for: the one spoken to, or someone of theirs or near. */
const WISHED_ON = String.raw`(?:you|u|ya|he|she|they|(?:your|ur|his|her|their)\s+${RELATION})`;

/** Deaths and harms wished: `die`, `get cancer and die`, `rot in hell`, `get hit by a bus`; not `die laughing`. */
const HARM_WISHED = String.raw`(?:(?:get|gets|catch|catches)\s+(?:cancer|aids|ebola|a\s+disease|run\s+over|hit\s+by\s+a\s+(?:car|bus|truck|train))(?:\s+and\s+die)?|(?:die|dies)(?!\s+(?:laughing|of\s+laughter|happy|old|of\s+old\s+age|peacefully|of\s+embarrassment|your|my|his|her|the|it)(?![\p{L}'’]))|(?:rot|burn)(?=\s*(?:$|[.!?,;:]|in\s+hell|and\s))|(?:get|gets)\s+(?:raped|killed|shot|stabbed|murdered|beaten\s+to\s+death)|(?:suffer|suffers)(?!\s+(?:no|from|through|less|any|fewer|little|a\s+bit)(?![\p{L}'’])))`;

/**
 * Death or harm wished on someone, in the speaker's voice: `I hope you get cancer and die`, `You should just die
 * already`, `I wish your whole family would burn`. As the threat, it is harassment said outright.
 */
const WISHED_HARM = new RegExp(
  String.raw`(?<![\p{L}'’])(?:(?:i|we)\s+(?:really\s+|just\s+|truly\s+|honestly\s+)?(?:hope|wish|pray)\s+(?:that\s+)?${WISHED_ON}\s+(?:would\s+|will\s+|just\s+)?${HARM_WISHED}|(?:you|u)\s+(?:should|deserve\s+to|need\s+to|ought\s+to)\s+(?:just\s+|all\s+)?(?:go\s+)?${HARM_WISHED})(?![\p{L}'’])`,
  'giu',
);

/** Whom a harm foretold befalls: the one spoken to, or someone of theirs (`your little girl`, `your family`). */
const FORETOLD_TO = String.raw`(?:you|u|ya|(?:your|ur)\s+(?:little\s+)?(?:${RELATION}|girl|boy|kids?|wife|car|house))`;

/** What a witness or a victim may do that an enforcer forbids: `testify`, `report me`, `go to the police`. */
const TELLING = String.raw`(?:testify|testifies|testifying|report|reports|reporting|snitch|snitches|snitching|go(?:es|ing)?\s+to\s+the\s+(?:cops|police)|press(?:es|ing)?\s+charges)`;

/**
 * Harm foretold to someone who would tell, as an enforcer says it: `you'll regret reporting me`, `you'll get hurt if
 * you testify`, `If you testify on Monday, your little girl is going to pay for it.` Not `you'll regret not buying
 * it`, `you'll get hurt without a helmet`: only telling is what is punished.
 */
const HARM_FORETOLD = new RegExp(
  [
    String.raw`(?<![\p{L}'’])(?:${FORETOLD_TO}|she|he|they)(?:['’]ll|\s+will|\s+(?:is|are)\s+going\s+to|['’](?:s|re)\s+going\s+to|\s+(?:is|are)\s+gonna)\s+(?:regret\s+(?:${TELLING}|crossing\s+me)|(?:be|get)\s+hurt\s+if\s+(?:you|u|she|he|they)\s+${TELLING})(?![\p{L}'’])`,
    String.raw`(?<![\p{L}'’])if\s+(?:you|u)\s+${TELLING}\b[^.?!]{0,60}?\b${FORETOLD_TO}\s+(?:(?:is|are)\s+going\s+to|will|['’]ll|(?:is|are)\s+gonna)\s+(?:pay\s+for\s+it|get\s+hurt|suffer|regret\s+it|disappear)(?![\p{L}'’])`,
  ].join('|'),
  'giu',
);

/**
 * An ultimatum that ends in harm: `pay me back or I'll burn your car with you in it`, `sign or your family gets
 * hurt`. Not `or I'll tell your mom`, `or I'll beat your score`.
 */
const ULTIMATUM = new RegExp(
  String.raw`(?<![\p{L}'’])or\s+(?:else\s+)?(?:(?:${WILL})\s+${ON_THE_WAY}(?:${VIOLENT}|burn(?:\s+down)?|torch|blow\s+up|smash|break)\s+(?:you|u|him|her|them|(?:your|ur|his|her|their)\s+(?:${RELATION}|car|house|home|face|legs?|arms?|kneecaps?|shop|store))|(?:you|your\s+${RELATION})\s+(?:gets?|will\s+get)\s+(?:hurt|killed|shot|stabbed|beaten))(?![\p{L}'’])`,
  'giu',
);

/** The forms of a threat that need no game ruled out, each a threat to a person when not quoted to report it. */
const THREATS_TO_A_PERSON = [
  BODY_THREAT,
  SUFFERING_PROMISED,
  ATTACK_ON_A_PLACE,
  KNOWS_WHERE,
  WISHED_HARM,
  HARM_FORETOLD,
  ULTIMATUM,
];

/**
 * What makes `kill you` or `beat you` a game: `at chess`, `at bowling`, `at Mario Kart`, `in Fortnite`, `on Xbox`, `in
 * the final`; not `at school` or `in your sleep`. Case matters (`in Fortnite`), so this is a pattern of its own,
 * without the threat's `i` flag.
 */
const AT_A_GAME =
  /^\s+(?:at\s+(?:\p{Lu}|\p{Ll}+ing\b|(?:chess|checkers|poker|cards|pool|darts|tennis|golf|football|soccer|basketball|scrabble|monopoly|trivia|(?:video\s+)?games?)\b|(?:this|that|the|any|every)\s+(?:game|match|race|round|quiz|contest|competition|tournament)\b)|in\s+(?:\p{Lu}|a\s+(?:game|match|race|round)\b|the\s+(?:game|match|race|round|final|next)\b)|on\s+\p{Lu})/u;

/** Whom a threat is against: a person or people, or people for who they are (hate). */
export type ThreatTarget = 'person' | 'identity';

/**
 * Whom a text threatens with violence in the first person, or null. The classifier learned threats from a few
 * template frames (`threats.py`), and passed "I will shoot you tomorrow." and "I am going to shoot the next Muslim I
 * see."; a threat said outright is a matter of grammar, which this reads. The scorer raises harassment,
 * harassment/threatening and violence to their thresholds for a threat, and hate and hate/threatening too for one
 * against people for who they are.
 */
export function threatTarget(text: string): ThreatTarget | null {
  let target: ThreatTarget | null = null;
  for (const threat of everyMatch(THREAT, text)) {
    if ((threat[1] === undefined && atAGame(text, threat)) || quotedToReportIt(text, threat)) continue;
    if (threat[3] !== undefined) return 'identity';
    target = 'person';
  }
  if (target) return target;
  for (const pattern of THREATS_TO_A_PERSON)
    for (const threat of everyMatch(pattern, text)) if (!quotedToReportIt(text, threat)) return 'person';
  return null;
}

/**
 * Someone else said it, before the quotation: `he texted me "…"`, `my ex keeps saying '…'`, `she said: "…"`. Not `a
 * text to my ex saying "…"`, which asks for one.
 */
const SAID_BY_SOMEONE_ELSE =
  /\b(?:he|she|they|someone|somebody|people|my\s+\w+|his\s+\w+|her\s+\w+|their\s+\w+|the\s+\w+)(?:\s+\w+){0,3}?\s+(?:said|says|told\s+(?:me|us|her|him|them)|(?:was|were|got|been)\s+told|texted(?:\s+me)?|wrote|messaged(?:\s+me)?|posted|commented|yelled|screamed|shouted|threatened(?:\s+me)?|(?:keeps|kept)\s+saying)(?:\s+(?:to\s+)?(?:me|us|her|him|them))?\s*[:,]?\s*$/iu;

/**
 * Granted to the one spoken to, then answered, around the quotation: `You can write "…", but I will take you to court
 * for that.` Not `Can you write "…"`, which asks for it, nor a quotation no `but` answers.
 */
const YOU_MAY_SAY =
  /\b(?:you|u)\s+(?:can|could|may|might)\s+(?:\w+\s+)?(?:write|say|post|tweet|text|type)\s*[:,]?\s*$/iu;
const ANSWERED = /^[^"“”«»]{0,40}["”»'’]\s*[,;]?\s*but\b/iu;

/** Cited as an example of what is said, before the quotation: `threats like "…"`, `comments such as '…'`. */
const CITED_AS_AN_EXAMPLE =
  /\b(?:threats?|statements?|comments?|words|things|remarks|messages?|posts?|tweets?|phrases?|sentences?|jokes?|insults?|slurs?|language|rhetoric|speech)\s+(?:like|such\s+as)\s*[:,]?\s*$/iu;

/** Said, then condemned, after the quotation: `"…" is vile`, `"…" are hateful words`. */
const CONDEMNED =
  /^[^"“”«»'‘’]{0,40}["”»'’]\s*(?:is|are|was|were)\s+(?:\w+\s+){0,2}?(?:vile|disgusting|wrong|hateful|unacceptable|horrible|awful|evil|sick|not\s+ok(?:ay)?)\b/iu;

/**
 * Whether a threat is quoted to report, cite or condemn it (`He texted me "I will kill you", what should I do?`,
 * `threats like "I'll stab a Muslim"`, `"We will hang all the Jews" is vile`): a person asking for help about a
 * threat they received is not making one. Read within a window around the threat, so a long text costs no more per
 * threat.
 */
function quotedToReportIt(text: string, threat: RegExpExecArray): boolean {
  const before = OPEN_QUOTE.exec(text.slice(Math.max(0, threat.index - 120), threat.index));
  if (!before) return false;
  const beforeQuote = text.slice(Math.max(0, threat.index - 120), threat.index - before[0].length);
  const end = threat.index + threat[0].length;
  return (
    SAID_BY_SOMEONE_ELSE.test(beforeQuote) ||
    CITED_AS_AN_EXAMPLE.test(beforeQuote) ||
    (YOU_MAY_SAY.test(beforeQuote) && ANSWERED.test(text.slice(end, end + 80))) ||
    CONDEMNED.test(text.slice(end, end + 80))
  );
}

/** Whether the words after a threat make it a game's (`kill you at chess`). */
function atAGame(text: string, threat: RegExpExecArray): boolean {
  const after = threat.index + threat[0].length;
  return AT_A_GAME.test(text.slice(after, after + 40));
}
