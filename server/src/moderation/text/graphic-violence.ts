import { everyMatch } from './every-match';

/**
 * Words that ask for a depiction to be graphic, and are enough with any word of harm to a body: `gory`, `gruesome`,
 * `graphically`, `as bloody as possible`, `the bloodier the better`, `every wound`, `blow by blow`, `linger on`, `don't
 * hold back`, `the gross parts`. Not a graphic novel, design or card, not `Gore-Tex` or `Al Gore`, not `too graphic`
 * (a worry).
 */
const STRONG_CUE = String.raw`(?:(?<!\bal\s|\btoo\s|\boverly\s)\bgor(?:e|y|ier|iest|ebot)\b(?!-?tex)|\bgruesome(?:ly)?\b|\bgrisl(?:y|ier|iest)\b|\blurid(?:ly)?\b|\bvisceral(?:ly)?\b|\bstomach[-\s]?churning\b|\bsickening(?:ly)?\b|\bgratuitous(?:ly)?\b|\bgrotesque(?:ly)?\b|(?<!\btoo\s|\boverly\s)\bgraphic(?:ally|ly)?\b(?!\s*(?:sexual\w*|novels?|design\w*|cards?|arts?|artists?|memoirs?|organi[sz]ers?|tees?|t-shirts?|equali[sz]\w*|interfaces?|settings?|drivers?|processors?|elements?|packages?|files?|editors?|violence\s+warnings?|content\s+warnings?|warnings?)\b)|\bblood[-\s]?(?:soaked|spattered|splattered|drenched)\b|\bblood\s+and\s+guts\b|\bbloodi(?:er|est)\b|\bblow[-\s]by[-\s]blow\b|\bslo(?:w)?[-\s]?mo(?:tion)?\b|\bevery\s+(?:single\s+)?(?:\w+\s+)?(?:wound|cut|bite|tear|bone|organ|layer|drop|scream|injury|blow|stab|slash|gash|spurt|piece|death|muscle|tendon|incision)s?\b|\b(?:as|so)\s+(?:\w+[\s,]+){0,2}?(?:gory|graphic(?:ally)?|gruesome(?:ly)?|bloody|brutal(?:ly)?|sick|disgusting|gross|detailed|vivid(?:ly)?|explicit(?:ly)?|realistic(?:ally)?|nasty|messy|violent(?:ly)?)\s+as\s+(?:possible|you\s+can|u\s+can|it\s+gets|you\s+like)\b|\bthe\s+(?:more\s+(?:\S+\s+){0,3}?|longer\s+|bloodier\s+|gorier\s+|grosser\s+|sicker\s+|messier\s+|nastier\s+|worse\s+)(?:\w+\s+)?the\s+better\b|\b(?:don['’]?t|do\s+not|dont)\s+(?:hold\s+back|spare\s+(?:me\s+)?(?:any|the)|skip\s+(?:any|the)|leave\s+(?:anything|any\s+\w+)\s+out|be\s+vague|soften|sanitiz|sanitis|censor|tone\s+it\s+down)\w*|\bno\s+(?:softening|sanitiz\w*|sanitis\w*|censor\w*|holding\s+back|mercy)\b|\bsparing\s+nothing\b|\bnot\s+clinically\b|\bgo\s+all\s+out\b|\bas\s+(?:much|many)\s+(?:\w+[\s,]+){0,3}?details?\s+as\s+(?:possible|you\s+can|u\s+can)\b|\b(?:sickest|nastiest|bloodiest|goriest|grossest|messiest)\b|\bnothing\s+left\s+(?:to\s+(?:the\s+)?imagination|out)\b|\blinger(?:s|ing)?\s+on\b|\b(?:focus|focusing|focused|emphasi[sz]e|emphasi[sz]ing|zoom\s+in)\s+on\s+(?:the\s+|every\s+|all\s+the\s+)?(?:gore|blood|wounds?|injuries|organs|guts|entrails|intestines|textures?|fluids|sounds?|screams|pain|flesh|bones|mess)\b|\bthe\s+gross\s+(?:parts|stuff|bits)\b|\bmaximum\s+(?:gore|blood|carnage)\b|\bmake\s+me\s+feel\s+every\b|\bin\s+(?:\w+[\s,]+){0,2}?(?:disgusting|loving|excruciating|nauseating|sickening|extreme|exhaustive|anatomical|agoni[sz]ing|horrific|horrifying|sadistic|lingering)\s+detail\b|\b(?:the\s+)?most\s+(?:\w+[\s,]+){0,2}?(?:gory|graphic|gruesome|disgusting|vivid|sickening|brutal|bloody|horrific|disturbing|grotesque|nauseating|detailed|mutilated|mangled|rotten|ripped|violent|brutal)\b|\b(?:make|want|need|like|keep)\s+it\s+(?:\w+\s+)?(?:gross|gory|graphic|bloody|sick|disgusting|brutal|nasty|messy|vivid|explicit|visceral|real|realistic|hurt)\b|\blovingly\b|\bdwell(?:s|ing)?\s+on\b|\bshot\s+by\s+shot\b|\ball\s+the\s+(?:blood|gore|guts|wounds|injuries|screams)\b|\beach\s+(?:\w+\s+)?(?:piece|incision|bite|cut|wound|organ|bone|stab|blow)\b|\bevry\s+(?:bite|cut|wound|detail)\b|\bone\s+by\s+one\b|\bbe\s+(?:\w+\s+)?(?:graphic|vivid|gory|explicit|detailed)\b|\bspare\s+(?:nothing|no\s+detail)\b|\b(?:make|makes|making)\s+(?:them|me|you|people|readers|viewers)\s+(?:feel\s+)?(?:throw\s+up|vomit|puke|sick)\b|\b(?:so|until)\s+(?:readers|viewers|people|they|i)\s+(?:feel|get|are)\s+sick\b|\b(?:piece|bite|minute|second|inch|detail|cut|organ|bone|limb|wound|layer)\s+by\s+(?:piece|bite|minute|second|inch|detail|cut|organ|bone|limb|wound|layer)\b|\bblood\s+(?:spray\w*|spurt\w*|gush\w*|pour\w*|everywhere|splatter\w*|pool\w*)\b|\b(?:being|getting|gets|get)\s+(?:\w+\s+)?(?:dismembered|disemboweled|disembowelled|decapitated|beheaded|mutilated|flayed|skinned|eaten\s+alive|burned\s+alive|burnt\s+alive|torn\s+apart|ripped\s+apart|impaled|gutted|butchered|chopped\s+up|hacked\s+to\s+pieces)\b)`;

/**
 * Pictures of harm asked for or relished: `send me pics of`, `I collect photos of`, `watching videos of`, `my favourite
 * kind of video`. Not a photo a news story tells of.
 */
const MEDIA_ASKED = String.raw`(?:\b(?:send|show|post|share|find|gimme|give|need|want|wanna|more|any|links?|where\s+(?:can|do)\s+i\s+(?:find|get|see|watch)|watch|watching|watchin|love|enjoy|collect|collecting|obsessed\s+with|hooked\s+on|scrolling\s+through|get\s+off\s+on|favou?rite)\s+(?:\S+\s+){0,4}?(?:videos?|vids?|footage|clips?|pics?|pictures?|photos?|images?|livestreams?|gifs?)\b)`;

/**
 * Words that ask for detail, graphic only with a word that is harm to a body and nothing else (`in vivid detail` and
 * `dismembered`, not `in detail` and `the wound`): `in loving detail`, `hyper-detailed`, `vividly`, `explicit`.
 */
const WEAK_CUE = String.raw`(?:\b(?:in|with)\s+(?:(?:\w+|[\w-]+)[\s,]+){0,3}?detail\b|\bdetailed\b|\b(?:every|each|all\s+the)\s+(?:single\s+|last\s+)?(?:\w+\s+)?details?\b|\bvivid(?:ly)?\b|\bexplicit(?:ly)?\b|\brealistic(?:ally)?\b|\bclose[-\s]?ups?\b|\blingering\b|\bslowly\b|\bclose\s+detail\b|\bup\s+close\b|\b(?:super|hyper|extremely|very|really|highly|extra|full|max|maximum)[-\s]?detail(?:ed|s)?\b|\b(?:go|going)\s+into\s+(?:\w+\s+)?detail\b|\bstep\s+by\s+step\b|\bexactly\b|\bbe\s+specific\b|\bwhat\s+(?:you['’]?d|you\s+would|i\s+would|i['’]?d)\s+see\b|\bpaint\s+(?:me\s+)?the\s+picture\b|\blooking\s+right\s+at\b|\b(?:blood|organs|insides|guts|brains?|skin|bones)\s+and\s+all\b|\beverything\s+(?:you\s+saw|showing)\b|\bwhat\s+(?:\w+\s+){0,5}?looks?\s+like\b|\bwat\s+(?:\w+\s+){0,5}?looks?\s+like\b|\bshow\s+(?:me|us)\b|${MEDIA_ASKED})`;

/** Parts of a body that a DAMAGE word near it tears: `the bone through the skin`, `skulls splitting open`. */
const BODY_PART = String.raw`(?:bod(?:y|ies)|corpses?|flesh|skin|bones?|organs|insides|innards|guts|brains?|skulls?|faces?|eyes?|limbs?|legs?|arms?|muscles?|tendons?|chest|stomach|throat|teeth|jaw|ribs?|spine|neck|fingers?|ears?|tongue)\b`;
const DAMAGE = String.raw`(?:crush\w*|torn|tearing|ripp\w*|eaten|melt\w*|blown|slic\w*|split\w*|spill\w*|chew\w*|shatter\w*|hack\w*|smash\w*|stabb\w*|bleed\w*|gutted|peel\w*|mangl\w*|sticking\s+out|through\s+the\s+skin|cut\s+(?:open|off|into)|cutting\s+(?:out|open|into)|coming\s+off|rott\w*|maggots?)\b`;

/**
 * Harm to a body that is nothing else: `dismembered`, `guts`, `skinned alive`, `torn apart`, `beheading`, `tortured`.
 * Not blood of tests, pressure or donation, or cuts of meat.
 */
const STRONG_HARM = String.raw`(?:\bblood\b(?!\s*(?:tests?|pressure|sugar|types?|donations?|donors?|drives?|work|banks?|cells?|counts?|orange|moon|brothers?|lines?|levels?|panels?|samples?|vessels?|transfusions?))|\bbloody\b|\bguts\b|\bintestines?\b|\bentrails\b|\binnards\b|\bviscera\b|\borgans\s+(?:spill\w*|hanging|out)\b|\bbrains?\s+(?:splatter\w*|blown|everywhere|out)\b|\bskulls?\b|\bhuman\s+flesh\b|\bflesh\b|\bcorpses?\b|\bdead\s+bod(?:y|ies)\b|\bdismember\w*|\bdisembowel\w*|\bdecapitat\w*|\bbehead\w*|\bmutilat\w*|\bmaim\w*|\bmangl\w*|\bflay\w*|\bgoug\w*|\bimpal\w*|\bsever(?:ed|ing|s)?\b|\bslash\w*|\bstab(?:bed|bing|bings|s)?\b|\btortur\w*|\bmurder\w*|\bslaughter\w*|\bmassacr\w*|\bmaul\w*|\bcannibal\w*|\bsnuff\b|\bgunshots?\b|\bshot\s+(?:in|through)\s+the\s+(?:head|face|gut|stomach|chest)\b|\b(?:burn(?:ed|t)|eaten|skinned|boiled|buried|butchered|cooked|flayed)\s+alive\b|\b(?:torn|ripped|pulled|blown|hacked|cut)\s+(?:apart|open|in\s+half|to\s+pieces|off)\b|\b(?:chopped|hacked)\s+up\b|\bcrush(?:ed|ing)\s+(?:skull|head|body|bones)\b|\blynch\w*|\bcrucifi\w*|\bdisfigur\w*|\bexecutions?\b|\bhanged\b|\bdrawn\s+and\s+quartered\b|\bdrawing\s+and\s+quartering\b|\bbeaten\s+to\s+(?:a\s+pulp|death)\b|\b(?:hit|run\s+over|struck)\s+by\s+a\s+(?:train|bus|car|truck)\b|\b(?:wood\s*chipper|grinder)\b|\bmass\s+graves?\b|\b(?:blast|bullet|shot)s?\s+to\s+the\s+(?:head|face)\b|\bshotgun\s+blast\b|\b(?:been|being|getting|gets|got)\s+shot\b|\b(?:skin|face|flesh|fingers?|toes?|eyes?|limbs?|legs?|arms?|hands?|head|guts|tongue|ears?)\s+(?:\w+\s+)?(?:ripped|torn|peeled|cut|chopped|sliced|blown|bit(?:ten)?|gouged|pulled)\s+(?:off|out)\b|\b(?:ripped|tore|torn|peel\w*|cut|chopp?\w*|slic\w*|blew|blown|bit|bitten|goug\w*|pull\w*)\s+(?:\w+['’]s\s+|his\s+|her\s+|their\s+|the\s+|a\s+)?(?:\w+\s+)?(?:skin|face|flesh|fingers?|toes?|eyes?|limbs?|legs?|arms?|head|guts|tongue|ears?)\s+(?:off|out)\b|\b(?:carv|butcher|skinn)\w*\s+(?:up\s+)?(?:a\s+|the\s+)?(?:human|humans|person|people)\b|\b(?:cook|eat)\w*\s+(?:a\s+|the\s+)?humans?\b|\b${BODY_PART}\s+(?:\w+\s+){0,3}?${DAMAGE}|\b${DAMAGE}\s+(?:\w+\s+){0,3}?${BODY_PART}|\b(?:eat\w*|boil\w*|burn\w*|skinn?\w*|cut\w*|fed\s+to\s+\w+|crush\w*|dissect\w*|operat\w*)\s+(?:\w+\s+){0,3}?(?:while\s+(?:\w+\s+){0,2}?)?(?:still\s+)?alive\b|\b(?:being|getting|gets|got)\s+(?:crushed|gored|scalped|gutted|stomped|run\s+over)\b|\bscalp(?:ed|ing)\b|\b(?:crash|accident|murder|massacre|shooting|bombing|torture)\s+victims?\b|\bgutted\b|\bsuicide\s+by\s+train\b)`;

/**
 * Harm to a body whose mere depiction is graphic: `flesh melting`, `guts spilling`, `bones sticking out`,
 * `mutilated`, `burned alive`, `split open`. Asked to be described, it needs no cue.
 */
const VIVID_HARM = String.raw`(?:\bguts\b|\bintestines?\b|\bentrails\b|\binnards\b|\bviscera\b|\binsides\b|\bdismember\w*|\bdisembowel\w*|\bdecapitat\w*|\bmutilat\w*|\bmangled\b|\bflay\w*|\b(?:burn(?:ed|t)|eaten|skinned|boiled|butchered|cooked|flayed)\s+alive\b|\b(?:torn|ripped|split|sliced|cut|hacked|blown)\s+(?:open|in\s+half|apart|to\s+pieces|into\s+pieces)\b|\b(?:flesh|skin|face|eyes?)\s+(?:\w+\s+)?(?:melt\w*|peel\w*|coming\s+off|chewed\s+off|bubbl\w*)|\bbones?\s+(?:\w+\s+)?(?:sticking|poking|through\s+the\s+skin|snapp\w*|crack\w*|break\w*|crunch\w*|shatter\w*)|\bbrains?\s+(?:on|all\s+over|splatter\w*|blown|everywhere|n\s+stuff|and\s+stuff)\b|\b(?:organs|insides|guts)\s+(?:\w+\s+)?spill\w*|\bspills?\s+out\b|\blimbs?\s+(?:torn|ripped|blown)\s+off\b|\b(?:cutting|cut|ripping|tearing)\s+out\s+(?:the|his|her|their)\s+(?:heart|eyes?|tongue|guts)\b)`;

/** A request to have harm shown: `describe`, `narrate`, `paint the picture`, `what does it look like`. */
const DEPICT =
  /\b(?:describe[sd]?|describing|descri?be|descrbe|description|narrate|narrating|depict\w*|paint|picture|portray\w*|show\s+me|tell\s+me\s+(?:how|what|about)|what\s+(?:\w+\s+){0,5}?looks?\s+like|wat\s+(?:\w+\s+){0,5}?looks?\s+like|how\s+(?:do|does|did|would|will)\s+(?:\w+\s+){0,4}?look|what\s+would\s+i\s+see|imagine|roleplay|role-play|rp)\b/i;

/** Harm to a body that may be something else as well (`kill`, `the wound`, `crash`, `victims`). */
const HARM = String.raw`(?:${STRONG_HARM}|\bkill\w*|\bdeaths?\b|\bdying\b|\bdie[ds]?\b|\bbod(?:y|ies)\b|\bshot\b|\bshooting\b|\bcrash\w*|\baccidents?\b|\bvictims?\b|\bwounds?\b|\binjur\w*|\bbleed\w*|\bbeat(?:en|ing)\b|\bfights?\b|\bbrutal\w*|\bviolen\w*|\bpain\b|\bscream\w*|\bexecut\w*|\bbones?\b|\bskin\b|\blimbs?\b|\bfaces?\b|\bheads?\b|\bharm(?:ed|ing)?\b|\bcrush(?:ed|ing)\b|\bskinn(?:ed|ing)\b)`;

/**
 * A request or a relish: `describe`, `write me`, `tell me`, `roleplay`, `send`, `I love`, `I want to see`, `turns me
 * on`, `what does it look like`.
 */
const ASKED = String.raw`(?:\b(?:describe[sd]?|describing|description|narrat\w*|include|persuade|convince|argue|gimme|watch(?:ing)?|write|writing|narrate|narrating|narrator|tell|depict|depicting|paint|portray|show|send|post|share|give|find|link|roleplay|role-play|act|pretend|imagine|compose|generate|create|draft|recount|story|stories|scene|poem|account)\b|\bi\s+(?:\w+\s+){0,2}?(?:want|wanna|need|love|like|enjoy|crave|get\s+off|collect|watch|read)\b|\bturns?\s+me\s+on\b|\bobsess\w*|\bfor\s+(?:my|our)\s+(?:own\s+)?(?:enjoyment|pleasure|fun|collection)\b|\bwhat\s+(?:does|do|would|did|will)\b[^.?!]{0,60}\blooks?\s+like\b|\bwhat\s+(?:exactly\s+|really\s+|actually\s+)?happens\b|\bhelp\s+(?:me|us)\b|\b(?:need|want|wanna|looking\s+for)\b|\bi['’]?m\s+into\b|\bsatisfying\b|\bdoes\s+it\s+for\s+me\b|\bmy\s+favou?rite\b|\bbest\s+part\s+of\s+my\b|\bnothing\s+(?:beats|better)\b|\benjoy\w*|\bhooked\s+on\b|\ba\s+thing\s+for\b|\bmy\s+thing\b|\bgo\b|\bplay\b|\bbe\s+(?:the|my|a)\b|\bwalk\s+me\s+through\b|\bcome\s+up\s+with\b|\bwhere\s+can\s+i\b|\bwhat\s+(?:would|will)\s+i\s+see\b|\bhow\s+much\s+of\b)`;

/** Before a cue: the depiction is asked not to be graphic (`tense but not graphic`, `without any gore`). */
const NOT_ASKED =
  /\b(?:not|n['’]t|no|without|zero|non|less|avoid\w*|skip\w*|minus|never|instead\s+of|rather\s+than|free\s+of|away\s+from|tone\s+down|toned\s+down)[\s-]+(?:\S+\s+){0,4}$/i;

/**
 * Words of a sentence that speak of graphic violence to report, block, cope with or keep from children, or ask
 * clinically, after weak cues only: `how do I report gore on my feed`, `my son watched a gory video`.
 */
const PROTECTIVE =
  /\b(?:report\w*|block\w*|flag\w*|filter(?:s|ing|ed)?\s+(?:out|it|them|this|that|these|those)|remov\w*|take\s+(?:it\s+|them\s+)?down|moderat\w*|protect\w*|prevent\w*|keep\s+(?:\w+\s+){0,3}?away|stop\s+(?:\w+\s+)?(?:seeing|watching|showing)|trauma\w*|ptsd|therap\w*|cop(?:e|ing)|nightmares?|upset\w*|disturb\w*|worried|concerned|warning\s+signs|polic(?:y|ies)|guidelines?|trust\s+and\s+safety|i\s+hate\s+(?:how|that|when|it)|get\s+rid\s+of|want\s+(?:them|it|this)\s+gone|(?:my|our)\s+(?:son|daughter|kid|kids|child|children|students?)\s+(?:saw|watched|found|keeps?\s+watching|has\s+been\s+watching))\b/i;

/** A question about a depiction someone else made: `Why does Flaubert describe Emma's death in such graphic detail?` */
const ABOUT_A_DEPICTION = /\bwhy\s+(?:does|did|do|is|was|are|were)\s+(?!you\b|u\b)/i;

/** Words of medicine, first aid and forensics: a weak cue among them is a clinician's detail. */
const CLINICAL =
  /\b(?:doctors?|nurses?|surgeons?|surgery|paramedics?|first\s+aid|treat\w*|er\b|emergency\s+room|hospitals?|medical|medicine|clinical\w*|clinician|symptoms?|forensic\w*|patholog\w*|anatomy|coroners?|autops\w*|heal\w*|infect\w*|bandag\w*|stitch\w*|tourniquet)/i;

/**
 * How far past a cue whose sentences were read the next cue must start to be read: the windows of two cues closer
 * than this are mostly one, and a text of nothing but cues costs a few passes over it, not one window for each.
 */
const SPACING = 100;

/** Gore is itself harm to a body; `the gory details` of a breakup are not. */
const GORE = /(?<!\bal\s)\bgor(?:e|y|ier|iest)\b(?!-?tex|\s+details)/i;

const VIVID_HARMS = new RegExp(VIVID_HARM, 'gi');

/**
 * Plain words the readings need, tested first (4 µs a story, where the readings cost some 60): a word of STRONG_HARM,
 * VIVID_HARM or GORE, which every reading may use and the weak and vivid ones need; or else a word of a strong cue and
 * a word of HARM, which a strong cue's reading needs. Passed by 6 % of the embedded model's stories. Each list holds a
 * piece of every alternative of its patterns: a word added to a pattern needs its piece here.
 */
const RARE_HARM_WORD =
  /gor[ey]|gori|blood|guts|intestin|entrail|innard|viscera|insides|organs|brain|skull|flesh|corpse|dead bod|dismember|disembowel|decapitat|behead|mutilat|maim|mangl|flay|goug|impal|sever|slash|stab|tortur|murder|slaughter|massac|maul|cannibal|snuff|gunshot|shot|alive|torn|ripp|blown|hack|chopp|crush|lynch|crucif|disfigur|execution|hanged|quarter|beaten to|hit by|run over|struck by|chipper|grinder|grave|scalp|victim|gutted|melt|peel|spill|split|slic|chew|shatter|smash|bleed|rott|maggot|sticking|poking|coming off|cut open|cut off|cut in|cut to|cut into|cut apart|cutting|cut out|ripping out|tearing|blast|bullet|human|butcher|carv|skinn|stomp|suicide by|bone|through the skin|bubbl|(?:skin|face|flesh|fingers?|toes?|eyes?|limbs?|legs?|arms?|hands?|head|guts|tongue|ears?) o(?:ff|ut)/i;
const STRONG_CUE_WORD =
  /grues|grisl|lurid|viscer|churn|sicken|gratuit|grotesq|graphic|blow.by|slo|every|evry|each|possible|you can|u can|it gets|you like|the better|hold back|holding back|spare|sparing|skip|leave|left|vague|soften|saniti|censor|tone it|mercy|clinically|all out|detail|sickest|nastiest|grossest|messiest|linger|focus|emphasi|zoom|gross|maximum|most|make it|want it|need it|like it|keep it|lovingly|dwell| by |all the|be |throw up|vomit|puke|sick/i;
const HARM_WORD =
  /kill|death|dying|die|bod|shot|shoot|crash|accident|victim|wound|injur|bleed|beat|fight|brutal|violen|pain|scream|execut|bone|skin|limb|face|head|harm|crush/i;

const STRONG_CUES = new RegExp(STRONG_CUE, 'gi');
const WEAK_CUES = new RegExp(WEAK_CUE, 'gi');
const STRONG_HARMS = new RegExp(STRONG_HARM, 'i');
const HARMS = new RegExp(HARM, 'i');
const ASKS = new RegExp(ASKED, 'i');

/**
 * Whether a text asks for, or relishes, harm to a body depicted in graphic detail (violence/graphic): `Describe a
 * man's face being peeled off in gory, lingering detail.`, `Write a graphic account of a dog being butchered alive.`,
 * `I love watching videos of people getting crushed, the more guts the better`. The classifier scored the first
 * violence/graphic 0.3 of its threshold, and passed 62 of the 84 such requests of the written training set. A cue of
 * graphic depiction, a word of harm to a body and a request or relish in the sentence of the cue or next to it; a weak
 * cue (`in vivid detail`) needs a word that is harm and nothing else, and no word of medicine or of protection around
 * it. Not `Write a war scene that's tense but not graphic.`, `a graphic novel about the Somme`, `How do ER doctors
 * treat a gunshot wound?`, `the gory details of my breakup`. The scorer raises violence and violence/graphic to their
 * thresholds.
 */
export function asksForGraphicViolence(text: string): boolean {
  const rare = RARE_HARM_WORD.test(text);
  if (!rare && !(STRONG_CUE_WORD.test(text) && HARM_WORD.test(text))) return false;
  let checked = -SPACING;
  for (const match of everyMatch(STRONG_CUES, text)) {
    if (NOT_ASKED.test(text.slice(Math.max(0, match.index - 40), match.index))) continue;
    if (match.index < checked + SPACING) continue;
    checked = match.index;
    const around = sentencesAround(text, match.index, match.index + match[0].length);
    const harmed = GORE.test(around) || HARMS.test(around);
    if (harmed && ASKS.test(around) && !PROTECTIVE.test(around) && !ABOUT_A_DEPICTION.test(around))
      return true;
  }
  if (!rare) return false;
  checked = -SPACING;
  for (const match of everyMatch(WEAK_CUES, text)) {
    if (NOT_ASKED.test(text.slice(Math.max(0, match.index - 40), match.index))) continue;
    if (match.index < checked + SPACING) continue;
    checked = match.index;
    const around = sentencesAround(text, match.index, match.index + match[0].length);
    if (
      STRONG_HARMS.test(around) &&
      ASKS.test(around) &&
      !PROTECTIVE.test(around) &&
      !CLINICAL.test(around)
    ) {
      if (!ABOUT_A_DEPICTION.test(around)) return true;
    }
  }
  checked = -SPACING;
  for (const match of everyMatch(VIVID_HARMS, text)) {
    if (NOT_ASKED.test(text.slice(Math.max(0, match.index - 40), match.index))) continue;
    if (match.index < checked + SPACING) continue;
    checked = match.index;
    const around = sentencesAround(text, match.index, match.index + match[0].length);
    if (
      DEPICT.test(around) &&
      !PROTECTIVE.test(around) &&
      !CLINICAL.test(around) &&
      !ABOUT_A_DEPICTION.test(around)
    )
      return true;
  }
  return false;
}

/**
 * The sentence a span is in with the one before and the one after it, at most 200 characters either side: a request
 * may put the cue in one sentence and what to depict in the next (`Gore is my thing. I want a description of …`).
 */
function sentencesAround(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - 200), start);
  const after = text.slice(end, end + 200);
  const stops = (piece: string) => [...piece.matchAll(/[.!?\n]+/g)].map((stop) => stop.index);
  const opening = stops(before).at(-2) ?? -1;
  const closing = stops(after)[1] ?? after.length;
  return `${before.slice(opening + 1)}${text.slice(start, end)}${after.slice(0, closing)}`;
}
