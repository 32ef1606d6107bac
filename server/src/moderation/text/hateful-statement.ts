import { IDENTITY_MANY, IDENTITY_ONE } from './identity-groups';

/**
 * People for who they are, as a statement names them: `women`, `all the Muslims`, `most immigrants`, `any trans
 * person like you`, `gay people like you`. Not `women's` (`I hate women's football on TV`).
 */
const GROUP = String.raw`(?:(?:(?:all|most|many|any|every\s+one)\s+(?:(?:of\s+)?(?:the|those|these)\s+)?|(?:the|those|these|you)\s+)?${IDENTITY_MANY}(?:\s+like\s+(?:you|u|her|him|them))?|(?:any|every|a)\s+${IDENTITY_ONE}\s+like\s+(?:you|u|her|him|them))(?![\p{L}\p{N}'’])`;

/** Where a statement of one's own starts: the start of the text or of a clause, or a word that leads into one. */
const CLAUSE_START = String.raw`(?<=(?:^|[.!?;:,\n(…]|\b(?:and|but|so|honestly|frankly|tbh|lol|because|cause|cuz|just|yes|yeah|ok|okay))\s{0,3})`;

/** Words that sharpen a feeling: `I really hate`, `we just fucking despise`. */
const INTENSIFIERS = String.raw`(?:(?:really|just|truly|fucking|absolutely|honestly|genuinely|seriously|all|totally|so|still|always)\s+){0,3}`;

/** Hatred or contempt the speaker has for people: `hate`, `can't stand`, `am sick of`, `have no compassion for`. */
const HATRED = String.raw`(?:hate|despise|detest|loathe|abhor|can(?:'|’)?t\s+stand|cannot\s+stand|can\s+not\s+stand|am\s+(?:so\s+)?(?:sick\s+of|disgusted\s+by|repulsed\s+by)|(?:have|feel)\s+(?:(?:nothing\s+but|so\s+much|such)\s+(?:contempt|hatred|disgust|disdain|loathing)|no\s+(?:respect|compassion|sympathy|empathy|tolerance|patience|pity|love)(?:\s+(?:at\s+all|whatsoever))?)\s+(?:for|towards?))`;

/** What may follow a group the speaker says they hate and leave the statement whole (not `women who cheat`). */
const STATEMENT_END = String.raw`(?=\s*(?:$|[.!?,;:)"”…]|(?:so\s+much|with\s+a\s+passion|more\s+than|and|because|cause|cuz|they|lol|honestly|tbh)\b))`;

/** What people are said to be when they are denied being people, or held beneath them. */
const BENEATH_PEOPLE = String.raw`(?:animals|vermin|rats|cockroaches|roaches|parasites|pests|scum|filth|trash|garbage|rubbish|subhumans?|sub-humans?|savages|pigs|apes|monkeys|dogs|beasts|insects|leeches|lice|maggots|worms|swine|mongrels|degenerates|freaks|abominations|inferior|worthless|disgusting|revolting|repulsive|vile|filthy|dirty|pathetic|useless|evil|lesser\s+(?:beings|people|humans)|(?:a\s+)?(?:plague|disease|cancer|virus|curse|blight|stain|disgrace|burden|waste\s+of\s+(?:space|oxygen|air|skin))|despicable|sickening|repugnant|brainless|the\s+(?:absolute\s+)?worst|a\s+(?:threat|danger)\s+to\s+(?:civili[sz]ation|society|humanity|our\s+country)|criminals|thieves|rapists|terrorists|pedophiles|paedophiles|predators|scammers|liars|cheats|thugs|invaders|primitive|backward|barbaric|uncivili[sz]ed|(?:less|not)\s+(?:evolved|intelligent|civili[sz]ed)|genetically\s+inferior|stupid|dumb|idiots|morons|lazy|smelly|too\s+(?:stupid|dumb))`;

/** What is wished on people who must die or be made to: `die`, `be exterminated`, `be shot`. */
const VIOLENT_FATE = String.raw`(?:die|burn|rot|suffer|be\s+(?:exterminated|eradicated|wiped\s+out|gassed|killed|murdered|shot|hanged|hung|lynched|burned|burnt|slaughtered|executed|sterili[sz]ed|euthani[sz]ed|put\s+down|culled))`;

/** What is wished on people to shut them out of life with others: `be caged`, `be enslaved`, `go back to their country`. */
const EXCLUDED_FATE = String.raw`(?:be\s+(?:caged|enslaved|segregated|locked\s+up|locked\s+away|kept\s+in\s+cages|treated\s+like\s+(?:animals|dirt|slaves))|go\s+back\s+(?:to\s+(?:where\s+(?:they|you)\s+came\s+from|(?:their|your)\s+(?:own\s+)?\S+)|home))`;

/** Where people are said to belong when they are not fit to live among others. */
const PENNED = String.raw`(?:zoos?|cages?|chains|camps|concentration\s+camps|gas\s+chambers|the\s+gutter|the\s+trash|the\s+dump|a\s+dump|the\s+sewer|the\s+kitchen)`;

/** What people are said not to deserve: `to live`, `rights`, `to be treated like humans`. */
const DENIED = String.raw`(?:to\s+(?:live|exist|breathe|be\s+(?:alive|here|born))|rights|respect|(?:to\s+)?(?:be\s+)?treated\s+(?:like|as)\s+(?:humans|people|equals))`;

/**
 * Statements of hate against people for who they are, each form in a group of its own: 1 to 4 contempt and
 * exclusion (hate); 5 death or violence wished on them (hate and threatening).
 */
const HATEFUL = new RegExp(
  [
    // 1: the speaker's own hatred: `I hate women.`, `I really can't stand Muslims like you`, `We have no compassion for
    //    immigrants`.
    String.raw`(${CLAUSE_START}(?:i|we)\s+${INTENSIFIERS}${HATRED}\s+${GROUP}${STATEMENT_END})`,
    // 2: people said to be less than people: `Immigrants are vermin`, `Women are no better than animals`, `Muslims are
    //    not human`, `Gay people belong in a zoo`, `Trans people do not deserve to live`, `Black people have no place in
    //    this country`.
    String.raw`(${GROUP}\s+(?:(?:are|r)\s+(?:(?:all|just|only|basically|literally|simply|truly|really|naturally|inherently|always|nothing\s+but|no\s+better\s+than|worse\s+than|like|such|so)\s+){0,2}(?:${BENEATH_PEOPLE}|not\s+(?:human|humans|people|real\s+people|worthy\s+of\s+(?:life|living|respect)))|(?:belong|should\s+(?:be\s+kept|live)|should\s+all\s+(?:be\s+kept|live))\s+in\s+${PENNED}|(?:do\s+not|don(?:'|’)?t|does\s+not|doesn(?:'|’)?t|should\s+not|shouldn(?:'|’)?t)\s+deserve\s+${DENIED}|(?:have|has)\s+no\s+right\s+to\s+(?:live|exist|be\s+alive|breathe)|(?:do\s+not|don(?:'|’)?t)\s+belong\s+on\s+this\s+(?:earth|planet)|(?:have|has)\s+no\s+place\s+in\s+(?:(?:our|this|a|any|the)\s+)?(?:(?:civili[sz]ed|decent|modern)\s+)?(?:society|country|world|nation|community)|(?:should|must|need\s+to|ought\s+to|have\s+to)\s+(?:all\s+)?${EXCLUDED_FATE}))(?![\p{L}\p{N}])`,
    // 3: a world wished without them: `The world would be better off without Muslims`, `Get rid of all the immigrants`.
    String.raw`((?:the\s+world|this\s+country|our\s+country|society|everyone|we)\s+(?:would\s+be|'d\s+be|’d\s+be|is|are)\s+better\s+(?:off\s+)?without\s+(?:any\s+)?${GROUP}|(?:${CLAUSE_START}|let(?:'|’)?s\s+|let\s+us\s+|we\s+(?:should|must|need\s+to)\s+)get\s+rid\s+of\s+${GROUP})`,
    // 4: the same contempt said of them: `Muslims disgust me`, `Women like you make me sick`.
    String.raw`(${GROUP}\s+(?:really\s+|just\s+|so\s+)?(?:disgust|disgusts|sicken|sickens|repulse|repulses|make\s+me\s+(?:sick|vomit|puke|want\s+to\s+(?:puke|vomit|throw\s+up)))(?:\s+(?:me|us))?(?![\p{L}\p{N}]))`,
    // 5: death or violence wished on them: `Women should all die`, `Immigrants must be exterminated`, `Death to all
    //    Jews`, `Kill all the gays`.
    String.raw`(${GROUP}\s+(?:should|must|need\s+to|ought\s+to|deserve\s+to|have\s+to|can|will)\s+(?:all\s+|just\s+)?(?:go\s+(?:and\s+)?)?${VIOLENT_FATE}(?![\p{L}\p{N}])|death\s+to\s+(?:all\s+)?${GROUP}|${CLAUSE_START}(?:i|we)\s+${INTENSIFIERS}(?:want|wanna|need|would\s+love|(?:'|’)d\s+love)\s+to\s+(?:kill|murder|exterminate|gas|hang|shoot|slaughter|rape|torture|stab|burn)\s+(?:all|every|these|those|the)\s+${GROUP}|${CLAUSE_START}(?:kill|gas|exterminate|hang|shoot|lynch|burn|slaughter)\s+(?:all|every\s+one\s+of|every\s+last\s+one\s+of)\s+(?:the\s+|of\s+the\s+)?${IDENTITY_MANY}(?![\p{L}\p{N}'’]))`,
  ].join('|'),
  'giu',
);

/** An opening quotation mark with no closing one after it: what follows is quoted, not said. */
const OPEN_QUOTE = /(?:["“«]|(?<![\p{L}\p{N}])['‘])[^"“”«»'‘’]*$/u;

/**
 * Someone else's view, or a view named to deny it, just before the statement: `if you think …`, `people who say …`,
 * `the myth that …`, `not all …`. What follows is reported or argued against, not said.
 */
const NOT_SAID =
  /(?:\b(?:you|anyone|anybody|someone|somebody|people|those|he|she|they|who|one)\s+(?:\S+\s+){0,3}?(?:think|thinks|thought|believe|believes|believed|say|says|said|saying|claim|claims|claimed|claiming|feel|feels|assume|assumes|pretend|pretends)\s+(?:that\s+)?|\b(?:thinks|believes|says|claims|feels|assumes|insists|argues)\s+(?:that\s+)?|\b(?:myth|lie|idea|notion|stereotype|trope|canard|misconception|assumption|claim|belief|view)\s+that\s+|\b(?:not|no|never)\s+|\b(?:never|not|didn(?:'|’)?t|did\s+not|don(?:'|’)?t|do\s+not)\s+(?:\S+\s+){0,2}?(?:say|said|think|thought|believe|claim|claimed)\s+(?:that\s+)?|\b(?:is|was)\s+(?:it\s+)?(?:wrong|false|untrue|a\s+lie)\s+(?:to\s+say\s+)?that\s+)$/iu;

/** How hateful a statement is: contempt or exclusion (`hate`), or death and violence wished (`threatening`). */
export type HatefulStatement = 'hate' | 'threatening';

/**
 * Whether the text states hate against people for who they are, in its own voice: the speaker's hatred of them, their
 * being called less than people, a world wished without them, or death wished on them. The classifier passed `I hate
 * women.` (hate 0.59 against 0.88), `The world would be better without black people.` and `Women belong in a zoo.`:
 * these are forms of words, which this reads. Quoted statements, others' views reported (`if you think women are
 * scum …`) and negated ones (`not all Muslims are terrorists`) are left to the model. The scorer raises hate to its
 * threshold for `hate`, and hate/threatening and violence too for `threatening`.
 */
export function hatefulStatement(text: string): HatefulStatement | null {
  let found: HatefulStatement | null = null;
  for (const statement of text.matchAll(HATEFUL)) {
    const before = text.slice(Math.max(0, statement.index - 80), statement.index);
    if (OPEN_QUOTE.test(before) || NOT_SAID.test(before)) continue;
    if (statement[5] !== undefined) return 'threatening';
    found = 'hate';
  }
  return found;
}
