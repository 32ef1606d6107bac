import { OPEN_QUOTE } from './quotation';
import { sentenceAround } from './sentences';
import { everyMatch } from './every-match';

/**
 * Slurs for people of a protected group (race, ethnicity, nationality, religion, sexual orientation, gender identity,
 * disability), with their plurals and common spellings. Unambiguous: these words have no other everyday sense, so
 * every use counts unless it is a mention (`the word kike`, `he called me a wetback`) or, for the few that are
 * reclaimed, the speaker's own in-group use.
 */
const UNAMBIGUOUS = [
  String.raw`nigg(?:er|a|ah|uh|az)s?`,
  String.raw`sand\s?nigg(?:er|a)s?`,
  String.raw`porch\s?monkeys?`,
  String.raw`jig(?:g)?aboos?`,
  String.raw`spear\s?chuckers?`,
  String.raw`golliwogs?`,
  String.raw`gooks?`,
  String.raw`chinky`,
  String.raw`ching\s?chongs?`,
  String.raw`slant\s?eyes?`,
  String.raw`zipper\s?heads?`,
  String.raw`spics?`,
  String.raw`wetbacks?`,
  String.raw`beaners?`,
  String.raw`kikes?`,
  String.raw`heebs?`,
  String.raw`rag\s?heads?`,
  String.raw`towel\s?heads?`,
  String.raw`camel\s?(?:jockeys?|fuckers?)`,
  String.raw`sand\s?monkeys?`,
  String.raw`goat\s?fuckers?`,
  String.raw`pakis?`,
  String.raw`pajeets?`,
  String.raw`curry\s?munchers?`,
  String.raw`gyppos?`,
  String.raw`gypos?`,
  String.raw`pikeys?`,
  String.raw`boongs?`,
  String.raw`boongas?`,
  String.raw`abos`,
  String.raw`injuns?`,
  String.raw`muzzies?`,
  String.raw`muzrats?`,
  String.raw`mudslimes?`,
  String.raw`rapefugees?`,
  String.raw`shit\s?skins?`,
  String.raw`africoons?`,
  String.raw`shemales?`,
  String.raw`he-shes?`,
  String.raw`troons?`,
  String.raw`poofters?`,
  String.raw`batty\s?boys?`,
  String.raw`mongoloids?`,
  String.raw`jungle\s?bunn(?:y|ies)`,
  String.raw`hebes?`,
  String.raw`hymies?`,
  String.raw`wogs?`,
  String.raw`carpet\s?munchers?`,
  String.raw`fudge\s?packers?`,
  String.raw`lezzers?`,
  String.raw`f(?:e)?moids?`,
  String.raw`foids?`,
  String.raw`roasties?`,
  String.raw`thots?`,
  String.raw`sheboons?`,
  String.raw`anchor\s?bab(?:y|ies)`,
  String.raw`window\s?lickers?`,
];

/**
 * Slurs that share their letters with innocent words or senses (`dyke`, a sea wall; `fag`, a cigarette; `retard`,
 * to slow; `queer`, odd; `coon`, a raccoon; `chink`, a gap): they count only as a noun said of people (see
 * PEOPLE_FRAME) and never beside a word of their other sense (HOMONYM_SENSE).
 */
const AMBIGUOUS = [
  String.raw`fag(?:got)?s?`,
  String.raw`dykes?`,
  String.raw`queers?`,
  String.raw`homos?`,
  String.raw`lesbos?`,
  String.raw`yids?`,
  String.raw`chinam[ae]n`,
  String.raw`greasers?`,
  String.raw`poofs?`,
  String.raw`coons?`,
  String.raw`japs?`,
  String.raw`retards?`,
  String.raw`tards?`,
  String.raw`spastics?`,
  String.raw`spazz?(?:es)?`,
  String.raw`mongs?`,
  String.raw`cripples?`,
  String.raw`negro(?:e?s)?`,
  String.raw`trann(?:y|ie|ies)`,
  String.raw`chinks?`,
  String.raw`kaff(?:ir|er)s?`,
  String.raw`squaws?`,
];

const BEFORE = String.raw`(?<![\p{L}\p{N}])`;
const AFTER = String.raw`(?![\p{L}\p{N}])`;
const SLUR = new RegExp(`${BEFORE}(?:${[...UNAMBIGUOUS, ...AMBIGUOUS].join('|')})${AFTER}`, 'giu');
/** The same, unanchored to a position: the cheap first test, so most texts are read no further. */
const ANY_SLUR = new RegExp(SLUR.source, 'iu');

/** Words said with pride or warmth of one's own people: `my nigga`, `I'm a proud dyke`, `us queers`. */
const RECLAIMABLE =
  /^(?:nigg(?:a|ah|uh|az)s?|fag(?:got)?s?|dykes?|queers?|trann(?:y|ie|ies)|homos|lesbos)$/iu;

/** The speaker and their own said before a reclaimable word: `my`, `I'm a`, `we're`, `us`, `call myself`. */
const IN_GROUP_BEFORE =
  /(?<![\p{L}])(?:(?:my|our|me\s+and\s+my|all\s+my|to\s+my|fellow)\s+(?:[\p{L}'’-]+\s+)?|(?:us|i(?:['’]?m|\s+am)(?:\s+(?:a|an|the|just|such|proud|happily|happy|that|also|one|big|real))*|we(?:['’]re|\s+are)(?:\s+(?:all|just|proud|happy|the|real|realest))*|(?:call(?:ing)?|calls)\s+(?:myself|ourselves)(?:\s+a)?|(?:by|love|loving|enjoy|proud\s+of)\s+being(?:\s+an?)?|proud\s+to\s+be(?:\s+a)?|as\s+a(?:\s+proud)?)\s+(?:(?!(?:you|u|ya|your|ur)\s)[\p{L}'’-]+\s+){0,3})$/iu;
/** The speaker counted among them after the word: `old trannies like me`, `queers like us`. */
const IN_GROUP_AFTER =
  /^\s*(?:like\s+(?:me|us|myself|ourselves)|(?:such\s+)?as\s+(?:me|us|myself))(?![\p{L}])/iu;

/**
 * A friendly address in African-American English (`this nigga a genius`, `Real niggas know what's up`): the word is
 * said of people with no contempt near it. HateCheck's reclaimed cases and the classifier's harassment score read
 * the contempt; this keeps the word alone from counting as a slur.
 */
const FRIENDLY_NIGGA = /^nigg(?:a|ah|uh|az)s?$/iu;
const CONTEMPT_NEAR =
  /(?<![\p{L}])(?:hate|kill|die|dead|hang|lynch|shoot|burn|gas|ape|apes|monkey|monkeys|animal|animals|subhuman|savage|dirty|filthy|stupid|dumb|lazy|go\s+back|slave|slaves|cotton|vermin|trash|scum|inferior|exterminate|deport|get\s+out)(?![\p{L}])/iu;

/** A word talked about rather than said of someone: `the word dyke`, `called me a spic`, `what does kike mean`. */
const MENTIONED_BEFORE =
  /(?<![\p{L}])(?:the\s+(?:word|words|term|terms|slur|slurs|insult|label|n-word)|(?<!(?:^|[^\p{L}])(?:i|we)\s+)(?:called|named|shouted\s+at|yelled\s+at|screamed\s+at)\s+(?:me|him|her|us|my\s+\S+|our\s+\S+|his\s+\S+|her\s+\S+|their\s+\S+)(?:\s+an?)?|(?:call|calls|calling)\s+(?:me|us|people|someone|somebody|anyone|others|each\s+other)(?:\s+an?)?|(?:be|being|been|get|gets|got|getting)\s+called(?:\s+an?)?|(?:if|when|whenever)\s+(?:you|u|they|someone|somebody|anyone|people)\s+(?:ever\s+)?calls?\s+(?:\S+\s+){0,3}?an?|(?:say|says|said|saying|use|uses|used|using|spell|spelled|spelt|write|writing)\s+the\s+word)\s*["“'‘]?\s*$/iu;
const MENTIONED_AFTER =
  /^\s*["”'’]?\s*(?:is|was|are|were)\s+(?:a|an|the|such\s+a|considered|still|deeply|really|so|very|extremely|never)?\s*(?:\S+\s+){0,2}(?:slurs?|offensive|insult|insults|derogatory|racist|homophobic|transphobic|ableist|hurtful|word|words|term|terms|not\s+(?:ok|okay|acceptable))/iu;
const MEANING_ASKED =
  /(?<![\p{L}])(?:what\s+does|what\s+do|where\s+does|where\s+do|origin\s+of|history\s+of|etymology\s+of|meaning\s+of|why\s+is)\s+(?:the\s+word\s+)?["“'‘]?\s*$/iu;

/** Words of a slur's other sense: the thing it also names. */
const HOMONYM_SENSE: Array<[RegExp, RegExp]> = [
  [
    /^dykes?$/iu,
    /(?<![\p{L}])(?:sea|flood|flooding|floods|water|river|dam|dams|embankments?|walls?|levees?|dutch|netherlands|holland|dig|dug|build|built|building|breach(?:ed)?|coast(?:al)?|tide|polder|marsh|finger|walk(?:ed)?|drain(?:age)?|canal)(?![\p{L}])/iu,
  ],
  [
    /^fag(?:got)?s?$/iu,
    /(?<![\p{L}])(?:smok\w*|cigarettes?|fags?\s+(?:packet|pack)|packet|packets|pack\s+of|light(?:er|ed)?|lit|puff\w*|ash\w*|tobacco|roll(?:ed|ing)?|meatballs?|gravy|butcher|dinner|cook\w*|ate|eat\w*|onions?|peas|recipe|sticks|twigs|wood|firewood|kindling|bundle|fuel|brushwood|british|uk|pub|lungs?)(?![\p{L}])/iu,
  ],
  [
    /^coons?$/iu,
    /(?<![\p{L}])(?:raccoons?|hounds?|dogs?|hunt\w*|trash\s+cans?|bins?|skin|cap|tails?|masked|nocturnal|wildlife|critters?|animals?\s+control|attic|garbage\s+cans?|possums?)(?![\p{L}])/iu,
  ],
  [
    /^queers?$/iu,
    /(?<![\p{L}])(?:feeling|sense|look|sort|kind|fish|fellow|old\s+\w+|thing|things|street|eye)(?![\p{L}])/iu,
  ],
  [
    /^(?:retards?|tards?)$/iu,
    /(?<![\p{L}])(?:flames?|fire|growth|progress|spread|rust|corrosion|decay|ignition|timing|spark)(?![\p{L}])/iu,
  ],
  [
    /^cripples?$/iu,
    /(?<![\p{L}])(?:economy|industry|debt|attack|strike|system|supply|network|engine)(?![\p{L}])/iu,
  ],
  [
    /^chinks?$/iu,
    /(?<![\p{L}])(?:armou?r|light|wall|walls|curtains?|door|shutters?|glass|coins?|plan|defen[cs]es?|cloud)(?![\p{L}])/iu,
  ],
  [
    /^kaff(?:ir|er)s?$/iu,
    /(?<![\p{L}])(?:limes?|leaf|leaves|lily|lilies|corn|plums?|curry|thai)(?![\p{L}])/iu,
  ],
  [/^squaws?$/iu, /(?<![\p{L}])(?:valley|peak|creek|mountain|lake|ski|resort)(?![\p{L}])/iu],
  [
    /^trann(?:y|ie|ies)$/iu,
    /(?<![\p{L}])(?:cars?|civic|gearbox|transmission|radios?|slipping|rebuild|fluid|gears?|clutch|manual|automatic|engine|mechanic|transistor|listen\w*|cricket)(?![\p{L}])/iu,
  ],
  [
    /^beaners?$/iu,
    /(?<![\p{L}])(?:pitch\w*|threw|throws?|batters?|benches|mound|fastball|inning|baseball|umpire|helmet)(?![\p{L}])/iu,
  ],
  [
    /^homos?$/iu,
    /(?<![\p{L}])(?:sapiens|erectus|habilis|neanderthalensis|genus|species|milk|evolution)(?![\p{L}])/iu,
  ],
  [
    /^lesbos$/iu,
    /(?<![\p{L}])(?:island|greek|greece|ferry|holiday|aegean|moria|camp|sappho|mytilene)(?![\p{L}])/iu,
  ],
  [/^yids?$/iu, /(?<![\p{L}])(?:spurs|tottenham|army|chant\w*|fans?|football|stadium)(?![\p{L}])/iu],
  [
    /^chinam[ae]n$/iu,
    /(?<![\p{L}])(?:bowl\w*|delivery|spin\w*|cricket|wicket|batsman|batter|over)(?![\p{L}])/iu,
  ],
  [
    /^greasers?$/iu,
    /(?<![\p{L}])(?:bikes?|motorcycles?|leather|jackets?|1950s|fifties|outsiders|movie|film|novel|gang|axle|machine)(?![\p{L}])/iu,
  ],
  [/^japs?$/iu, /(?<![\p{L}])(?:zeros?)(?![\p{L}])/iu],
  [
    /^negro(?:e?s)?$/iu,
    /(?<![\p{L}])(?:leagues?|spirituals?|college\s+fund|history\s+week|national|river|modelo|spanish|portuguese|español|color|colour)(?![\p{L}])/iu,
  ],
  [/^spastics?$/iu, /(?<![\p{L}])(?:paralysis|cerebral|muscles?|diplegia|society|colon|gait)(?![\p{L}])/iu],
];

/**
 * Where a word is a noun said of people: spoken to (`you fag`, `shut up, retard`, `a cripple like you`), pointed at
 * (`those queers`, `bunch of coons`, `typical whore`) or said to be or do something (`spastics should`, `whores are`).
 */
const PEOPLE_BEFORE =
  /(?<![\p{L}])(?:you|u|ya|ur|your|yo|you['’]?re|you\s+are|u\s+r|ur\s+a|those|these|them|all\s+(?:the|these|those)?|bunch\s+of|lot\s+of|load\s+of|pack\s+of|full\s+of|that|this|typical|another|dirty|filthy|fucking|fuckin|f\*+ing|stupid|dumb|damn|damned|bloody|lazy|smelly|ugly|fat|little|worthless|useless|disgusting|nasty|just\s+a|nothing\s+but\s+a|such\s+a|like\s+a|what\s+a|being\s+a|is\s+a|was\s+a|are|is|a\s+(?:fucking|dirty|filthy|stupid|dumb|little|fat|lazy|useless|total|complete|bloody)|too\s+many|so\s+many|no\s+more|shut\s+up|go\s+home|go\s+back|get\s+out|hey|oi|stop|fuck\s+off|fuck)\s*,?\s*(?:\S+\s+)?$/iu;
/** A word said to someone at the end of a sentence: `Get out of the way, cripple.`, `kissing in public, dykes!` */
const VOCATIVE_BEFORE = /,\s*$/u;
const VOCATIVE_AFTER = /^\s*(?:[.!?…]|$)/u;
/** A count of people before a plural: `two dykes moved in`, `three coons`. */
const COUNTED_BEFORE = /(?<![\p{L}])(?:two|three|four|five|six|several|\d+)\s+$/iu;

const PEOPLE_AFTER =
  /^\s*(?:like\s+(?:you|u|him|her|them)|behaviou?r|(?:are|is|r|were|was)\s+(?:\S+\s+)?(?:all|always|so|just|the|a|an|such|nothing|taking|ruining|everywhere|disgusting|gross|animals|vermin|scum|trash|subhuman|worthless|useless|lazy|stupid|dumb|evil|filthy|dirty|destroying|invading)|should|shouldn['’]?t|need\s+to|must|deserve|can['’]?t|don['’]?t|ruin\w*|everywhere|get\s+out|go\s+home|go\s+back|belong|keep\s+\w+ing|took\s+over|taking\s+over|breed\w*|out\s+of\s+(?:here|my|our)|(?:just\s+)?can['’]?t\s+help|in\s+(?:this|our|my|the)\s+(?:country|town|city|neighbou?rhood|school|street|area)|(?:just|always|never|all|really|keep|think|want|get|got|have|had|will|would|can|could|do|did)(?![\p{L}])|lol|lmao|smh|,?\s+(?:go|get|shut|fuck|stop|you))/iu;

/**
 * A word after an ambiguous one that makes it describe a thing, not name a person (`a queer book club`, `a tranny
 * radio`, `a coon dog`, `a fag end`): any lower-case word but those that go on after a noun naming someone.
 */
const DESCRIBES_A_THING =
  /^\s+(?!(?:is|are|was|were|and|or|but|like|who|that|which|should|shouldn['’]?t|can|can['’]?t|will|won['’]?t|would|just|all|in|to|on|at|of|for|with|from|out|go|get|got|shut|needs?|must|keeps?|always|never|nobody|lol|lmao|behaviou?r|ass|you|u|i|me|he|she|they|we|it|did|does|do|has|had|have|here|there|again|too|so|now|then|over|off|up|down|back|bitch|freak|scum|trash|piece|lover)(?![\p{L}]))\p{Ll}+(?![\p{L}'’])/u;

/**
 * A noun for people after an ambiguous word: `queer people`, `tranny community`. The word describes people, not a
 * thing: for `queer` (and the historical `Negro`) that is the name a group uses of itself, for the others a slur.
 */
const PEOPLE_NOUN_AFTER =
  /^\s+(?:people|persons?|man|men|woman|women|folks?|kids?|children|youth|teens?|teenagers?|community|communities|couples?|friends?|artists?|writers?|members?|students?|individuals?|population|rights|identity|identities|culture|history|pride|theory|studies|cinema|art|family|families)(?![\p{L}])/iu;
const NAMES_ITS_OWN = /^(?:queer|negro)$/iu;

/** Characters read on either side of a slur for its frame. */
const FRAME = 48;
/** Characters read on either side of a slur for the sentence it is in. */
const SENTENCE_READ = 240;

/** The text around a slur word: what its sense is read from. */
interface SlurFrame {
  /** FRAME characters before the word, and after it. */
  before: string;
  after: string;
  /** The sentence it is in, at most SENTENCE_READ characters either side. */
  sentence: string;
}

/** Whether the slur is a word talked about, not said of someone. */
function isMentioned(text: string, start: number, { before, after }: SlurFrame): boolean {
  if (MENTIONED_BEFORE.test(before) || MEANING_ASKED.test(before) || MENTIONED_AFTER.test(after)) return true;
  // Quoted, to be condemned or reported: `Statements like "those kikes …" are disgusting`.
  return OPEN_QUOTE.test(text.slice(Math.max(0, start - 200), start));
}

function isReclaimed(word: string, { before, after, sentence }: SlurFrame): boolean {
  if (!RECLAIMABLE.test(word)) return false;
  if (IN_GROUP_BEFORE.test(before) || IN_GROUP_AFTER.test(after)) return true;
  return FRIENDLY_NIGGA.test(word) && !CONTEMPT_NEAR.test(sentence);
}

function isHomonym(word: string, sentence: string): boolean {
  return HOMONYM_SENSE.some(([slur, sense]) => slur.test(word) && sense.test(sentence));
}

function isSaidOfPeople(word: string, { before, after }: SlurFrame): boolean {
  return (
    PEOPLE_BEFORE.test(before) ||
    PEOPLE_AFTER.test(after) ||
    (VOCATIVE_BEFORE.test(before) && VOCATIVE_AFTER.test(after)) ||
    (/s$/iu.test(word) && COUNTED_BEFORE.test(before))
  );
}

/** How a slur word is used where it stands. */
export type SlurSense = 'slur' | 'reclaimed' | 'mentioned' | 'other-sense' | 'unclear' | 'identity';

const AMBIGUOUS_WORD = new RegExp(`^(?:${AMBIGUOUS.join('|')})$`, 'iu');

/**
 * How the slur word `word` (as written, or as a lexicon spells it) at `start`–`end` of `text` is used: a `slur` said of
 * people; `mentioned` (talked about, reported, quoted, its meaning asked); `reclaimed` by the speaker's own people (`my
 * nigga`, `I'm a proud dyke`); or, for an ambiguous word, `other-sense` beside a word of its other sense (`a dyke
 * against the sea`, `smoked a fag`) or describing a thing (`a tranny radio`), `unclear` when no frame says it is said
 * of people; `identity` for the name a group uses of itself (`queer people`, the historical `Negro people`).
 */
export function slurSense(
  text: string,
  start: number,
  end: number,
  word = text.slice(start, end),
): SlurSense {
  const frame: SlurFrame = {
    before: text.slice(Math.max(0, start - FRAME), start),
    after: text.slice(end, end + FRAME),
    sentence: sentenceAround(text, start, end, SENTENCE_READ),
  };
  if (isMentioned(text, start, frame)) return 'mentioned';
  const ambiguous = AMBIGUOUS_WORD.test(word);
  const describesPeople = ambiguous && PEOPLE_NOUN_AFTER.test(frame.after);
  if (describesPeople && NAMES_ITS_OWN.test(word)) return 'identity';
  if (isReclaimed(word, frame)) return 'reclaimed';
  if (isHomonym(word, frame.sentence)) return 'other-sense';
  if (describesPeople) return 'slur';
  if (ambiguous) {
    if (!/s$/iu.test(word) && DESCRIBES_A_THING.test(frame.after)) return 'other-sense';
    if (!isSaidOfPeople(text.slice(start, end), frame)) return 'unclear';
  }
  return 'slur';
}

/** At most this many slur words are read in one text: hostile input may repeat one without end. */
const MATCHES_READ = 64;

/** A text's slur words, at most MATCHES_READ, each with its sense (see slurSense). */
function* slurWords(text: string): Generator<{ start: number; end: number; sense: SlurSense }> {
  if (!ANY_SLUR.test(text)) return;
  let count = 0;
  for (const match of everyMatch(SLUR, text)) {
    if (++count > MATCHES_READ) return;
    const start = match.index;
    const end = start + match[0].length;
    yield { start, end, sense: slurSense(text, start, end) };
  }
}

/** The spans of a text's slurs said of people (see slurSense). */
export function slurSpans(text: string): Array<{ start: number; end: number }> {
  return [...slurWords(text)]
    .filter(({ sense }) => sense === 'slur')
    .map(({ start, end }) => ({ start, end }));
}

/** What a slur word not said as one is read as: a friend, a slur talked about, a thing of its other sense. */
const PLAIN_WORD: Record<Exclude<SlurSense, 'slur' | 'unclear' | 'identity'>, [string, string]> = {
  reclaimed: ['friend', 'friends'],
  mentioned: ['slur', 'slurs'],
  'other-sense': ['thing', 'things'],
};

/**
 * The text with every slur word that is not said as a slur (see slurSense) in plain words: `Shout out to all my
 * friends.`, `Someone wrote "slur" on my locker.`, `Nipping out for a thing.`; null when there is none. The model
 * learned a slur word as harassment wherever it stands, and flagged in-group, reported and other-sense uses alike
 * (`Shout out to all my niggas.` harassment, `Nipping out for a fag, back in five.` harassment): Warden's scorer reads
 * this text in place of the original. Slurs said of people stay as written.
 */
export function plainSlurReading(text: string): string | null {
  let plain = '';
  let from = 0;
  for (const { start, end, sense } of slurWords(text)) {
    if (sense === 'slur' || sense === 'unclear' || sense === 'identity') continue;
    const [one, many] = PLAIN_WORD[sense];
    const word = text.slice(start, end);
    plain += text.slice(from, start) + (/s$/iu.test(word) && !/ss$/iu.test(word) ? many : one);
    from = end;
  }
  return from === 0 ? null : plain + text.slice(from);
}

/**
 * Whether the text calls people by a slur for who they are: `Those wetbacks are taking over`, `shut up you tranny`,
 * `my new neighbour is a raghead`. The classifier passed `Typical muzzie behaviour.` and `They are just a bunch of
 * coons.`: its hate threshold is high, and a slur it saw rarely weighs little. The scorer raises hate to its threshold.
 */
export function usesASlur(text: string): boolean {
  return slurSpans(text).length > 0;
}
