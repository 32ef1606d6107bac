import { OPEN_QUOTE } from './quotation';
import { everyMatch } from './every-match';

// A word is opened with (?<!\w), not \b: before a word character they are the same, and V8 scans a text for a
// pattern opening with \b under the i and u flags ten times slower (12 against 1 µs on a text of 1,000 characters).

/** Whose: anyone's (`your wrists`, `her life`), or only the speaker's, for what the speaker says they will do. */
type Owner = 'anyone' | 'speaker';

/** Oneself, as people write it: `myself`, `urself`, `my self`, `themself`. */
const SELF: Record<Owner, string> = {
  anyone: String.raw`(?:my\s*self|your\s*self|ur\s*self|yourselves|her\s*self|him\s*self|themselves|themself|oneself|ourselves)`,
  speaker: String.raw`(?:my\s*self)`,
};

/** One's, before a life or a body part: `my`, `your`, `one's`. */
const ONES: Record<Owner, string> = {
  anyone: String.raw`(?:my|your|ur|her|his|their|one['’]?s)`,
  speaker: String.raw`(?:my)`,
};

/**
 * What follows a deed in an idiom or an accident, not harm meant to one's body: `cut yourself some slack`, `kill
 * myself laughing`, `shoot yourself in the foot`, `hurt myself at the gym`, `cut myself shaving`, `burn myself on the
 * stove`, `cut myself off`, `jump off the cliff into the lake`.
 */
const NOT_ON_THE_BODY = String.raw`(?!\s+(?:a|an|some|slack|off|short|free|loose|out|up|over|on|when|while|during|less|safely|into|onto|at\s+(?:the\s+)?(?:gym|work|office|practice)|in\s+(?:work|books|coffee|wine|chocolate|debt|love|music|paperwork)|in\s+(?:the|your|my|his|her|their|one['’]?s)\b[^.!?]{0,30}?(?<!\w)foot|with\s+(?:laughter|worry|work)|for\s+(?:it|that|this)|laughing|working|trying|shaving|cooking|lifting|running|playing|exercising|studying|training|falling|skating|climbing|sweating|worrying)(?![\p{L}'’]))`;

/** Verbs of harm done to oneself, each as its base form and its -ing form. */
const ON_ONESELF: Array<[string, string]> = [
  ['kill', 'killing'],
  ['hang', 'hanging'],
  ['shoot', 'shooting'],
  ['drown', 'drowning'],
  ['poison', 'poisoning'],
  ['starve', 'starving'],
  ['cut', 'cutting'],
  ['hurt', 'hurting'],
  ['harm', 'harming'],
  ['burn', 'burning'],
  ['stab', 'stabbing'],
  ['hit', 'hitting'],
  ['suffocate', 'suffocating'],
  ['electrocute', 'electrocuting'],
  ['overdose', 'overdosing'],
  ['unalive', 'unaliving'],
];

/** Verbs of harm done to one's body part: `slit my wrists`, `cut your thighs`. */
const ON_A_BODY_PART: Array<[string, string]> = [
  ['slit', 'slitting'],
  ['slash', 'slashing'],
  ['cut', 'cutting'],
  ['burn', 'burning'],
  ['carve', 'carving'],
  ['sever', 'severing'],
  ['pierce', 'piercing'],
  ['puncture', 'puncturing'],
];

/** Where self-harm is done, an artery too (`sever my cervical artery`); not `arm fat`, `leg day`. */
const BODY_PART = String.raw`(?:own\s+)?(?:wrists?|arms?|forearms?|thighs?|legs?|skin|stomach|throat|veins?|(?:(?:cervical|carotid|femoral|radial|brachial|jugular)\s+)?arter(?:y|ies)|jugular|carotid)(?![\s-]+(?:fat|flab|muscles?|hair|workouts?|exercises?|day|strength|size|routine))`;

/**
 * Ending one's life in words that need no reflexive, each as its verb (base form, -ing form) and the words after it:
 * `end my life`, `commit suicide`, `self-harm`, `overdose` (not `on chocolate`), `take all my pills`, `jump off a
 * bridge`, `never wake up`.
 */
function withoutReflexive(owner: Owner): Array<[string, string, string]> {
  const ones = ONES[owner];
  return [
    [
      String.raw`(?:end|take)`,
      String.raw`(?:ending|taking)`,
      String.raw`\s+${ones}\s+(?:own\s+)?(?:life|lives)`,
    ],
    [
      String.raw`end`,
      String.raw`ending`,
      String.raw`\s+it(?:\s+all|(?=\s+(?:tonight|tomorrow|today|soon|now|this\s+(?:week|weekend|month|year)|on\s+\w+day)(?![\p{L}'’])))`,
    ],
    [String.raw`commit`, String.raw`committing`, String.raw`\s+suicide`],
    [String.raw`die`, String.raw`dying`, String.raw`\s+by\s+suicide`],
    [String.raw`self[-\s]?harm`, String.raw`self[-\s]?harming`, ''],
    [
      String.raw`(?:overdose|od)`,
      String.raw`(?:overdosing|od['’]?ing)`,
      String.raw`(?!\s+on\s+(?:chocolate|sugar|candy|cake|sweets|coffee|caffeine|netflix|tv|love|cuteness))`,
    ],
    [
      String.raw`take`,
      String.raw`taking`,
      String.raw`\s+(?:all|every\s+one)\s+(?:of\s+)?(?:my|the|these|those|her|his|your|my\s+\w+['’]s)\s+(?:pills|meds|medication|tablets|insulin|sleeping\s+pills|painkillers|antidepressants)`,
    ],
    [
      String.raw`(?:jump|step|throw\s+${SELF[owner]})`,
      String.raw`(?:jumping|stepping|throwing\s+${SELF[owner]})`,
      String.raw`\s+(?:off|from|in\s+front\s+of)\s+(?:a|the|this|that|my)\s+(?:\w+\s+)?(?:bridge|building|roof|rooftop|cliff|ledge|balcony|tower|overpass|train|bus|truck|lorry)(?!\s+(?:into|onto|with|for\s+fun|on\s+a\s+(?:bungee|rope|zip)))`,
    ],
    [String.raw`(?:not|never)\s+wake`, String.raw`(?:not|never)\s+waking`, String.raw`\s+up`],
    [String.raw`kms`, String.raw`kms`, ''],
    [String.raw`drink`, String.raw`drinking`, String.raw`\s+bleach`],
    [
      String.raw`not\s+(?:continue|go\s+on\s+with)`,
      String.raw`not\s+(?:continuing|going\s+on\s+with)`,
      String.raw`\s+${ones}\s+life`,
    ],
    [
      String.raw`(?:fall\s+asleep|go\s+to\s+sleep|sleep)`,
      String.raw`(?:falling\s+asleep|going\s+to\s+sleep|sleeping)`,
      String.raw`\s+(?:forever|and\s+(?:never|not)\s+wake\s+up)`,
    ],
    [
      String.raw`make`,
      String.raw`making`,
      String.raw`\s+${SELF[owner]}\s+(?:throw\s+up|vomit|puke|sick)(?!\s+(?:with|from|over|about|worrying)\b)`,
    ],
  ];
}

/** Harm to oneself as a deed (form 0: `kill myself`, `end my life`) or a gerund (form 1: `killing myself`). */
function deed(form: 0 | 1, owner: Owner): string {
  const reflexive = ON_ONESELF.map((verb) => verb[form]).join('|');
  const onAPart = ON_A_BODY_PART.map((verb) => verb[form]).join('|');
  const other = withoutReflexive(owner)
    .map(([base, ing, rest]) => `${form === 0 ? base : ing}${rest}`)
    .join('|');
  return String.raw`(?:(?:(?:${reflexive})\s+${SELF[owner]}|(?:${onAPart})\s+${ONES[owner]}\s+${BODY_PART})${NOT_ON_THE_BODY}|${other})`;
}

/** Harm to oneself as a deed: `kill myself`, `end your life`, `commit suicide`, `slit her wrists`. */
const ACT = deed(0, 'anyone');
/** The same as a gerund: `killing myself`, `ending my life`, `self-harming`. */
const ACTING = deed(1, 'anyone');
/** Harm the speaker may do to themselves: `kill myself`, `end my life`; not `end your life`, a threat. */
const MY_ACT = deed(0, 'speaker');
const MY_ACTING = deed(1, 'speaker');

/** Adverbs a request may put before the deed: `quickly`, `painlessly`, `quietly`. */
const MANNER = String.raw`(?:(?:just|quickly|quietly|painlessly|safely|properly|successfully|finally|actually|really)\s+)?`;

/** Who may do the deed in a how-to question: the asker, anyone, a character. */
const DOER = String.raw`(?:i|you|u|one|someone|somebody|a\s+person|people|we|my\s+character|she|he|they)`;

/** What ranks a way of doing it: `the easiest way to`, `painless ways to`, `the most reliable method of`. */
const BEST = String.raw`(?:best|easiest|quickest|fastest|simplest|surest|cleanest|gentlest|quietest|safest|painless|most\s+(?:reliable|effective|painless|certain|successful|peaceful|humane|efficient)|least\s+(?:painful|messy|traumatic))`;

/** Not surviving, as a way asked for means it: `so you don't survive`, `so I never wake up`, `guarantee I die`. */
const NOT_SURVIVING = String.raw`(?:(?:guarantee|guarantees|ensure|ensures)\s+(?:that\s+)?(?:i|you|a\s+person|someone|they|she|he)\s+(?:will\s+)?(?:definitely\s+)?die|(?:so|make\s+sure|to\s+make\s+sure|ensure)\s+(?:that\s+)?(?:i|you|a\s+person|someone|they|she|he)\s+(?:definitely\s+|really\s+)?(?:don['’]?t|dont|do\s+not|doesn['’]?t|won['’]?t|will\s+not|never)\s+(?:survive|wake\s+up|get\s+(?:rescued|saved|found\s+in\s+time)))`;

/**
 * A way asked for or offered: `how do I kill myself`, `how to end my life`, `explain how I could overdose`, `the
 * easiest way to commit suicide`, `tips for cutting yourself`, `the most reliable suicide methods`, `the quickest way
 * to die`, `how many tablets would kill a 60 kg adult`, `the best dose of your meds to never wake up`, `how do I make
 * sure I don't wake up`, `which pills would kill me`, `which veins are the deadliest to cut`, `the best bridges to
 * jump from`, `is there a way to die in my sleep`. Not `how did he kill himself` (history), `how to stop cutting
 * myself`, `how do I help someone who wants to kill themselves`, `how many more children have to die`.
 */
const METHOD = new RegExp(
  [
    String.raw`(?<!\w)how\s+(?:(?:do|can|could|should|would|might|will|does|must)\s+${DOER}\s+|${DOER}\s+(?:can|could|should|would|might|will|do|does|am\s+able\s+to)\s+|to\s+)${MANNER}${ACT}`,
    String.raw`(?<!\w)(?:${BEST})\s+(?:\w+\s+)?(?:ways?|methods?|means|options?|route)\s+(?:to|of|for)\s+${MANNER}(?:${ACT}|${ACTING}|die|dying)(?![\p{L}'’])`,
    String.raw`(?<!\w)(?:${BEST}|list|rank|ranked|reliable|effective|common)\s+(?:\w+\s+)?suicide\s+(?:methods?|techniques?)\b`,
    String.raw`(?<!\w)(?:tips|advice|guide|instructions|steps|tutorial|technique|how-to)\s+(?:for|on|to)\s+(?:how\s+to\s+)?${MANNER}(?:${ACTING}|${ACT})`,
    String.raw`(?<!\w)(?:how\s+(?:many|much)|what\s+(?:dose|amount|number))\b[^.?!]{0,60}?(?:(?<!\w)(?:would|will|wud|wld|to|2)\s+kill\s+(?:me|myself|you|yourself|someone|somebody|a\s+person|an?\s+(?:adult|man|woman|teen|teenager|\d+\s*(?:kg|lb|pound)\S*\s+(?:adult|man|woman|person)))|(?<!\w)(?:take|swallow|need|drink|inject|mix)\b[^.?!]{0,30}?(?<!\w)(?:to|2)\s+(?:die|(?:not|never)\s+wake\s+up)|(?<!\w)(?:to|2)\s+(?:overdose|od))(?![\p{L}'’])`,
    String.raw`(?<!\w)(?:${BEST}|right|exact|lethal|deadly|fatal)\s+(?:dose|amount|number)\b[^.?!]{0,40}?(?<!\w)(?:to|2)\s+(?:die|(?:not|never)\s+wake\s+up|overdose|od)(?![\p{L}'’])`,
    String.raw`(?<!\w)(?:lethal|deadly|fatal)\s+(?:dose|amount|overdose)\s+(?:of|for)\s+(?:my|your|her|his|their|these|those|someone\s+my)\b`,
    String.raw`(?<!\w)(?:how|way|ways|method|methods|tips)\b[^.?!]{0,60}?(?<!\w)${NOT_SURVIVING}`,
    String.raw`(?<!\w)how\s+(?:do|can|should|would|to)\s+(?:i\s+|you\s+|one\s+)?(?:tie|make)\s+a\s+noose\b`,
    String.raw`(?<!\w)suicide\s+methods?\s+(?:\w+\s+){0,3}?(?:highest|best|most|least|reliable|painless|quickest|fastest|surest)\b`,
    String.raw`(?<!\w)(?:deadliest|most\s+(?:lethal|fatal|deadly))\s+(?:\w+\s+)?to\s+(?:cut|slit|take|swallow|overdose\s+on|jump\s+(?:from|off))\b`,
    String.raw`(?<!\w)(?:${BEST}|highest|tallest|deadliest)\W*\s+(?:\w+\s+)?(?:bridges?|buildings?|cliffs?|spots?|places?|heights?)\s+(?:\w+\s+){0,3}?to\s+jump\s+(?:from|off)\b`,
    String.raw`(?<!\w)(?:which|what)\s+(?:[\p{L}-]+\s+){0,4}?(?:pills|tablets|meds|medications?|medicines?|antidepressants|painkillers|drugs?|chemicals?|poisons?|dose)\b[^.?!]{0,40}?(?<!\w)(?:would|will|wud|wld)\s+(?:\w+\s+)?kill\s+(?:me|myself)\b`,
    String.raw`(?<!\w)(?:jump(?:ing)?|fall(?:ing)?)\s+(?:from|off)\b[^.?!]{0,40}?(?<!\w)(?:would|will|wud)\s+(?:definitely\s+)?kill\s+me\b|(?<!\w)(?:will|would)\s+(?:jumping|a\s+(?:jump|fall)|falling)\s+(?:from|off)\b[^.?!]{0,40}?(?<!\w)(?:definitely\s+)?kill\s+me\b`,
    String.raw`(?<!\w)(?:drug|pill|pills|something|way|method)\s+(?:that\s+)?(?:would|will|to|could|can)\s+(?:make\s+me\s+)?(?:fall\s+asleep\s+forever|(?:never|not)\s+wake\s+up|die\s+in\s+my\s+sleep)`,
    String.raw`(?<!\w)is\s+there\s+(?:a|any)\s+(?:\w+\s+)?(?:way|method)\s+(?:to|of)\s+${MANNER}(?:die|dying|${ACT}|${ACTING})(?![\p{L}'’])`,
  ].join('|'),
  'giu',
);

/** Adverbs a speaker may put before the verb: `I really want to`, `I've finally decided to`. */
const EARNEST = String.raw`(?:\s+(?:really|just|finally|seriously|honestly|truly|actually))?`;

/**
 * The speaker, and that they will or wish to: `I want to`, `im gonna`, `I'll`, `I've decided to`, `I'm ready to`,
 * `imma`, `my plan is to`.
 */
const I_WILL = String.raw`(?:(?<!\w)i${EARNEST}(?:['’]ll|\s+will|(?:\s+am|['’]m)?\s+(?:going\s+to|gonna|about\s+to|ready\s+to|planning\s+to|trying\s+to)|\s+(?:want|need|plan|intend|wish|(?:have\s+)?decided|have\s+made\s+the\s+decision|have)\s+to|\s+wanna|\s+wish\s+i\s+could|['’]ve\s+(?:decided|got|made\s+the\s+decision)\s+to)|(?<!\w)im\s+(?:going\s+to|gonna|about\s+to|ready\s+to|planning\s+to|trying\s+to)|(?<!\w)imma|(?<!\w)ima|(?<!\w)my\s+(?:plan|decision|choice)\s+(?:is\s+)?to)\s+${MANNER}`;

/**
 * The speaker thinking of it, or doing it, before the gerund: `I'm thinking about`, `I keep`, `I've been`, `I
 * started`.
 */
const I_AM_ACTING = String.raw`(?:(?<!\w)(?:i\s+am|i['’]m|im|i)\s+(?:seriously\s+|really\s+)?(?:thinking\s+(?:about|of)|considering|contemplating|planning\s+on)|(?<!\w)i\s+(?:keep|kept|started|start|continue)|(?<!\w)i(?:['’]ve|\s+have)\s+(?:been|started)|(?<!\w)my\s+(?:plan|decision)\s+(?:to|of))\s+(?:secretly\s+|constantly\s+)?`;

/**
 * The speaker's own intent to harm themselves, or their doing it: `I want to kill myself`, `im gonna end it all
 * tonight`, `I've been cutting myself`, `before I kill myself`, `I want to die`, `I'm suicidal`, `I won't be around
 * much longer`, `my suicide note`, `everyone would be better off without me`. Not `I don't want to die`, `I'm not
 * suicidal`, `I want to cut myself a fringe`, `I'll end your life` (a threat: direct-threat.ts).
 */
const INTENT = new RegExp(
  [
    String.raw`${I_WILL}${MY_ACT}`,
    String.raw`${I_AM_ACTING}${MY_ACTING}`,
    String.raw`(?<!\w)(?:i\s+am|i['’]m|im)(?:\s+(?:still|finally|really))?\s+${MY_ACTING}(?!\s+(?:to|for|with|over)\b)`,
    String.raw`(?<!\w)(?:before|after|when|once|until|till|the\s+(?:day|night)|right\s+before)\s+i\s+(?:finally\s+)?${MY_ACT}`,
    String.raw`(?<!\w)i\s+(?:still\s+)?self[-\s]?harm\b`,
    String.raw`(?:^|[.!?,;]\s*)(?:gonna|going\s+to|bout\s+to|about\s+to|planning\s+to|planning\s+on|wanna|want\s+to|trying\s+to)\s+${MANNER}${MY_ACT}`,
    String.raw`(?:^|[.!?,;]\s*|(?<!\w)i\s+)(?:just\s+)?(?:took|swallowed|downed)\s+(?:the\s+(?:whole|entire)\s+(?:bottle|pack|box|packet)|all\s+(?:of\s+)?my\s+(?:pills|meds|tablets|medication|sleeping\s+pills))`,
    String.raw`(?<!\w)(?:write|draft|compose|help\s+me\s+(?:write|with|draft))\s+(?:me\s+)?(?:a|my)\s+suicide\s+(?:note|letter)\b`,
    String.raw`(?<!\w)i(?:['’]d|\s+would)\s+be\s+better\s+off\s+dead\b|(?<!\w)(?:everyone|everybody|they|my\s+(?:family|parents|kids|friends)|the\s+world)\s+(?:would|will)\s+be\s+better\s+off\s+(?:without\s+me|if\s+i\s+(?:was|were)(?:n['’]?t|\s+not)\s+(?:here|around|alive)|if\s+i\s+(?:was|were)\s+(?:gone|dead))`,
    String.raw`(?<!\w)(?:i\s+have\s+no\s+reason|no\s+reason\s+for\s+me)\s+to\s+(?:stay\s+alive|live|keep\s+living|be\s+alive|go\s+on|keep\s+going)\b`,
    String.raw`(?<!\w)i${EARNEST}\s+(?:want\s+to|wanna|wish\s+to|(?:am\s+|['’]m\s+)?ready\s+to|deserve\s+to)\s+die(?!\s+(?:laughing|of\s+(?:embarrassment|shame|laughter|boredom)|happy|old|of\s+old\s+age|an\s+old|on\s+(?:this|that)\s+hill)(?![\p{L}'’]))(?![\p{L}'’])`,
    String.raw`(?:^|[.!?]\s+)(?:wanting|want|wanna)\s+(?:to\s+)?die\b`,
    String.raw`(?<!\w)(?:i\s+am|i['’]m|im|i\s+feel|i['’]ve\s+been|feeling)\s+(?:so\s+|really\s+|very\s+|feeling\s+|pretty\s+)?suicidal\b`,
    String.raw`(?<!\w)i\s+(?:wish|hope)\s+(?:that\s+)?i\s+(?:was|were|would\s+be)\s+dead\b`,
    String.raw`(?<!\w)i\s+(?:do\s+not|don['’]?t|dont)\s+want\s+to\s+(?:live|be\s+alive|exist|wake\s+up)\s+(?:any\s*more|tomorrow)\b`,
    String.raw`(?<!\w)(?:i\s+am|i['’]m|im)\s+(?:so\s+|really\s+|very\s+)?(?:done\s+with|tired\s+of)\s+(?:life|living|being\s+alive|waking\s+up)(?=\s*(?:$|[.,!?;]|and\b|so\b|now\b))`,
    String.raw`(?<!\w)i\s+(?:don['’]?t|dont|do\s+not)\s+think\s+i(?:['’]ll|\s+will)\s+be\s+(?:around|here|alive)\s+(?:much|for\s+much)\s+longer\b`,
    String.raw`(?<!\w)i\b[^.?!]{0,30}?(?<!\w)(?:won['’]?t|wont|will\s+not|not\s+going\s+to)\s+be\s+(?:around|here|alive|\w+['’]s\s+problem)\s+(?:much|for\s+much)\s+longer\b`,
    String.raw`(?<!\w)my\s+(?:suicide|overdose)\s+(?:note|letter|plan|(?:look|seem|appear)\s+like)\b`,
  ].join('|'),
  'giu',
);

/**
 * Told to the one spoken to, or of someone: `you should kill yourself`, `go hang yourself`, `Kill yourself.`, `kys`,
 * `go drink bleach`, `he'd be better off dead`.
 */
const TOLD_TO = new RegExp(
  [
    String.raw`(?<!\w)(?:you|u|ya|y['’]all|she|he|they)\s+(?:should|need\s+to|ought\s+to|might\s+as\s+well|deserves?\s+to)\s+(?:just\s+|go\s+(?:and\s+)?)*${ACT}`,
    String.raw`(?:^\W*|[.!?]\s+|(?<!\w)(?:just|go|please|pls|plz)\s+)(?:go\s+(?:and\s+)?)?(?:(?:kill|hang|shoot|drown|poison|cut)\s+(?:your\s*self|ur\s*self|yourselves)${NOT_ON_THE_BODY}|drink\s+(?:some\s+)?bleach\b)`,
    String.raw`(?<!\w)kys\b`,
    String.raw`(?<!\w)(?:you|u|he|she|they)(?:['’]d|\s+would|\s+will|['’]ll|\s+are|['’]re|\s+is|['’]s)\s+(?:be\s+)?better\s+off\s+dead\b`,
  ].join('|'),
  'giu',
);

/** Not a word of negation: `encourage her not to`. */
const NOT_NEGATION = String.raw`(?!(?:not|never|no)\b)\S+\s+`;

/** Self-harm named as a topic: `suicide`, `self-harm scars`, `cutting myself`, `anorexia`. */
const SELF_HARM_TOPIC = String.raw`(?:(?:suicide|self[-\s]?harm|sh)(?:\s+(?:scars|cuts|wounds))?|(?:cutting|starving|killing|hurting|burning)\s+${SELF.anyone}|anorexia|bulimia|purging|starving|scars\s+and\s+blood)(?![\p{L}'’])`;

/** What makes self-harm look good: `beautiful`, `freeing`, `aesthetic`, `noble`. */
const APPEALING = String.raw`(?:beautiful|romantic|cool|freeing|peaceful|brave|noble|glamorous|appealing|attractive|heroic|poetic|aesthetic|pretty|hot|sexy|artistic|edgy|good|great|healthy|rational|valid|best|only|perfect|purest|honou?rable|logical|smart|reasonable|courageous|admirable|real|right|empowering|comforting|soothing|calming|hopeful|inspiring|relaxing|fun|normal|harmless|painless|lifestyle)`;

/** The praise's noun: `a noble choice`, `the only solution`, `a healthy way to cope`. */
const CHOICE = String.raw`(?:way|choice|option|answer|solution|form|thing|act|decision|escape|cure|coping|release|method|trick|habit|hack|tool)`;

/**
 * Self-harm urged on others, praised, or made to look good: `encourage the kids to cut themselves`, `talk players into
 * hurting themselves`, `make cutting sound beautiful`, `a caption glamorizing scars and blood`, `suicide is a noble,
 * rational choice`, `starving myself is a sign of discipline`, `hurting myself is how I cope`, `a pro-ana post`. Not
 * `suicide is never the answer`, `encourage her to stop cutting herself`, `tell him not to hurt himself`, `why does
 * the show romanticize suicide?`.
 */
const URGED = new RegExp(
  [
    String.raw`(?<!\w)(?:encourage|encourages|encouraging|convince|convinces|convincing|persuade|persuading|push|pushing|pressure|pressuring|tell|telling|urge|urging|dare|daring)\s+(?:${NOT_NEGATION}){1,6}?to\s+${MANNER}(?:(?:try\s+|start\s+|keep\s+)?${ACT}|(?:try|start|keep|continue)\s+${ACTING})`,
    String.raw`(?<!\w)(?:talk|talks|talking|goad|goading|push|pushing|lure|luring)\s+(?:${NOT_NEGATION}){1,4}?into\s+${ACTING}`,
    String.raw`(?<!\w)(?:make|makes|making)\s+(?:${SELF_HARM_TOPIC}|cutting|overdosing|overdoses?|hanging\s+${SELF.anyone})\s+(?:sound|look|seem|feel)\s+(?:\w+\s+)?${APPEALING}`,
    String.raw`(?<!\w)(?:post|caption|description|poem|song|story|tweet|thread|video|edit|playlist|essay|speech|text|banner|message|lyrics|content|account|page|blog|piece|quotes?)\s+(?:that\s+|which\s+|to\s+)?(?:romantic|glamor|glamour|glorif|aesthetici)\w*\s+(?:\w+\s+){0,3}?(?:${SELF_HARM_TOPIC}|cutting|overdos\w*|relapsing|wanting\s+to\s+die)`,
    String.raw`(?<!\w)${SELF_HARM_TOPIC}\s+(?:is|are|was)\s+(?:(?:just|really|actually|simply|truly)\s+)?(?:(?:a|an|the|my|your|their)\s+)?${APPEALING}[\s,]+(?:(?:and\s+)?\w+[\s,]+)?${CHOICE}`,
    String.raw`(?<!\w)${SELF_HARM_TOPIC}\s+(?:is|are)\s+(?:a|the)\s+(?:sign|mark|act|proof|form)\s+of\s+(?:\w+\s+)?(?:strength|discipline|courage|control|bravery|self[-\s]?control|love|beauty|purity)`,
    String.raw`(?<!\w)(?:${SELF_HARM_TOPIC}|cutting)\s+(?:is|are)\s+(?:(?:a|an|the|my)\s+)?(?:\w+\s+)?(?:way|means)\s+(?:to|of)\s+cop(?:e|ing)\b|(?<!\w)(?:${SELF_HARM_TOPIC}|cutting)\s+is\s+how\s+(?:i|we|you|people)\s+cope\b`,
    String.raw`(?<!\w)(?:ana|mia)\s+(?:commandments|creed|buddy|coach|tips?)\b|(?<!\w)(?:ed|ana|mia)\s+coach\b`,
    String.raw`(?<!\w)(?:write|make|create|compose|draft|generate|give\s+me|send\s+me|share|post|start|set\s+up|run|be|act\s+as|roleplay\s+as|play|pretend\s+to\s+be|pretend\s+you['’]re)\s+(?:(?:me|my|a|an|the|some|\d+|new|short|daily|strict|motivational|harsh|secret)\s+){0,3}?(?:pro[-\s]?(?:ana|mia)|thinspo\w*|thinspiration|meanspo|bonespo|sh)\s+(?:\w+\s+)?(?:commandments|creed|posts?|tips|tricks|rules|guide|blog|captions?|quotes?|motivation|content|coach|buddy|mentor|group|account|chat|diet|plan|aesthetic)\b`,
  ].join('|'),
  'giu',
);

/**
 * Words before a match that make it no one's intent or urging: a negation, a condition, a report of it stopped or
 * prevented, a quotation.
 */
const NOT_MEANT =
  /(?:(?<!\w)(?:not|never|no\s+longer|don['’]?t|doesn['’]?t|didn['’]?t|can['’]?t|cannot|won['’]?t|wouldn['’]?t|shouldn['’]?t|isn['’]?t|wasn['’]?t|nobody|no\s+one|stop|stopped|quit|prevent|avoid|without|if|whether|(?:told|tells|telling|asked|asks|asking)\s+(?:me|him|her|them|us))\s+(?:\S+\s+){0,3}|(?<!\w)(?:used|urges?|temptation|impulse|tempted)\s+)$/iu;

/** What follows a match that condemns it: `telling someone to hang themselves is cruel`. */
const CONDEMNED =
  /^\s*(?:is|are|was|would\s+be)\s+(?:\w+\s+){0,2}?(?:bad|wrong|cruel|evil|vile|disgusting|illegal|a\s+crime|unacceptable|not\s+ok(?:ay)?|never\s+ok(?:ay)?|harmful|dangerous|abuse)\b/iu;

/** What a text says of harm to oneself: what the scorer raises self-harm and its subcategories for. */
export interface SelfHarmReading {
  /** The speaker means to harm themselves, or does (self-harm/intent). */
  intent: boolean;
  /** A way to do it is asked for or offered, or it is urged or praised (self-harm/instructions). */
  instructions: boolean;
  /** It is urged on the one spoken to (`you should kill yourself`): harassment too. */
  toTheReader: boolean;
}

/** Whether the words around a match leave it meant: not negated, conditional, quoted or condemned. */
function meant(text: string, match: RegExpExecArray): boolean {
  const end = match.index + match[0].length;
  return (
    !NOT_MEANT.test(text.slice(Math.max(0, match.index - 60), match.index)) &&
    !quoted(text, match.index) &&
    !CONDEMNED.test(text.slice(end, end + 60))
  );
}

/**
 * Whether a quotation is open where a match starts (`he said "I want to kill myself"`), and not a word or two in
 * scare quotes that close soon after (`ranking the 'best' bridges to jump from`).
 */
function quoted(text: string, at: number): boolean {
  if (!OPEN_QUOTE.test(text.slice(Math.max(0, at - 120), at))) return false;
  return !SCARE_QUOTE_CLOSES.test(text.slice(at, at + 24));
}

/** A closing quotation mark after at most two words, then more words: scare quotes, not a quotation. */
const SCARE_QUOTE_CLOSES = /^[^"“”«»'‘’\s]+(?:\s+[^"“”«»'‘’\s]+)?["”»'’]\s+\p{L}/u;

function found(pattern: RegExp, text: string): RegExpExecArray | null {
  for (const match of everyMatch(pattern, text)) if (meant(text, match)) return match;
  return null;
}

/**
 * The deed of the speaker's sentence, after `to`: `How do I pick a date to kill myself?`, `help me find the courage to
 * end my life`. Intent when the sentence is the speaker's (I, me, my before it).
 */
const TO_MY_ACT = new RegExp(String.raw`(?<!\w)to\s+${MANNER}${MY_ACT}`, 'giu');
const SPEAKER = /(?:^|[^\p{L}'’])(?:i|me|my|im|i['’]m|i['’]ve|i['’]ll|i['’]d)(?![\p{L}'’])[^.!?]*$/iu;

/** Whether some sentence of the text has the speaker's own deed after `to`, meant. */
function speakersDeed(text: string): boolean {
  for (const match of everyMatch(TO_MY_ACT, text)) {
    if (meant(text, match) && SPEAKER.test(text.slice(Math.max(0, match.index - 120), match.index)))
      return true;
  }
  return false;
}

/** A way asked for the asker: `how do I kill myself`, `how can I end my life`. */
const ASKED_FOR_ONESELF =
  /^how\s+(?:(?:do|can|could|should|would|might|will|must)\s+i|i\s+(?:can|could|should|would|might|will))\b/i;

/**
 * A word every reading above needs (oneself, a life, suicide, dying, a dose, a wound, a way of not waking up): most
 * texts have none, and one test of this costs a tenth of the readings' patterns (3 against 130 µs on a story of 250
 * characters).
 */
const MENTIONS_SELF_HARM =
  /self|selve|suicid|harm|overdos|\bod|\bkys\b|\bdi(?:e|es|ed)\b|\bdying\b|\bdead\b|\bkill|noose|surviv|rescued|saved|found\s+in\s+time|wak(?:e|ing)\b|asleep|forever|\blife\b|\blives\b|\blive\b|\bliving\b|alive|exist|longer|lethal|deadly|fatal|\bend(?:ing)?\s+it\b|pills|\bmeds\b|medication|tablets|insulin|painkillers|antidepressants|(?:jump|step|throw)\w*\s+(?:\S+\s+)?(?:off|from|in\s+front)|(?:slit|slash|cut|burn|carv|sever|pierc|punctur)\w*\s+\S+\s+(?:own\s+)?(?:(?:cervical|carotid|femoral|radial|brachial|jugular)\s+)?(?:wrist|arm|forearm|thigh|leg|skin|stomach|throat|vein|arter|jugular|carotid)|\bsh\b|\bcutting\b|relaps|starv|anorexi|bulimi|purg|scars|\bcop(?:e|ing)\b|pro[-\s]?(?:ana|mia)|spo\b|thinspiration|\bana\b|\bmia\b|\bed\s+coach|\bkms\b|bleach|better\s+off|no\s+reason|bottle|deadliest/i;

/**
 * What a text says of harm to oneself, read by its grammar: a way asked for (`How many paracetamol tablets would kill
 * a 60 kg adult?`, `Write a step-by-step guide to ending your life`), the speaker's intent (`I plan to overdose on
 * Friday`), urging or praise (`make cutting sound beautiful`). The classifier scored `Write a step-by-step guide to
 * ending your life with a plastic bag and helium.` self-harm 0.05 of its threshold: the written self-harm requests it
 * trained on are a few hundred, in few frames. The scorer raises self-harm, and self-harm/intent or
 * self-harm/instructions as read, to their thresholds; harassment too for self-harm urged on the reader.
 */
export function selfHarmReading(text: string): SelfHarmReading | null {
  if (!MENTIONS_SELF_HARM.test(text)) return null;
  const method = found(METHOD, text);
  const intent = found(INTENT, text);
  const toldTo = found(TOLD_TO, text);
  const urged = found(URGED, text);
  const deed = intent === null && speakersDeed(text);
  if (!method && !intent && !toldTo && !urged && !deed) return null;
  return {
    intent: intent !== null || deed || (method !== null && ASKED_FOR_ONESELF.test(method[0])),
    instructions: method !== null || toldTo !== null || urged !== null,
    toTheReader: toldTo !== null,
  };
}

/** What the readings of one text say together: each thing any of them says (the text, its evader readings). */
export function everySelfHarmReading(readings: Array<SelfHarmReading | null>): SelfHarmReading | null {
  const said = readings.filter((reading): reading is SelfHarmReading => reading !== null);
  if (said.length === 0) return null;
  return {
    intent: said.some((reading) => reading.intent),
    instructions: said.some((reading) => reading.instructions),
    toTheReader: said.some((reading) => reading.toTheReader),
  };
}
