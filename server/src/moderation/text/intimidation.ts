import { neededWordsIn, neededWordsPattern, WordGatedReading } from './needed-words';
import { REQUESTED } from './requests';
import { sentenceAfter, sentenceAround } from './sentences';
import { everyMatch } from './every-match';

/** A word-gated pattern (needed-words.ts) and how a match of it must be asked for. */
interface Reading extends WordGatedReading {
  /** Whether the sentence must also hold a word of cruelty: a trait named is no insult alone. */
  cruel: boolean;
  /** Whether the sentence must name someone the words are for (`you`, `him`): a weapon owned is no threat alone. */
  addressed: boolean;
  /**
   * Whether the match names the hurt itself (`so people mock her`), which read as part of its sentence would pass for
   * bullying suffered (`people mock her`): the sentence is read for kindness or its answer without it.
   */
  namesTheHurt: boolean;
}
const reading = (
  needs: string,
  pattern: string,
  {
    addressed = false,
    cruel = false,
    namesTheHurt = false,
  }: { addressed?: boolean; cruel?: boolean; namesTheHurt?: boolean } = {},
): Reading => ({
  needs: needs.split('|'),
  pattern: new RegExp(pattern, 'gi'),
  addressed,
  cruel,
  namesTheHurt,
});

/** Someone the words are for, in a sentence. */
const ADDRESSEE = /\b(?:you|u|ya|ur|your|him|her|he|she|they|them|his|their)\b/i;

/** Just before a threat's words: they are denied (`we must not make them suffer`, `never said I know where`). */
const DENIED = /(?:\bnot|\bnever|n['’]t|\bno\s+one|\bnobody|\bwithout)\s+(?:\S+\s+){0,2}$/i;

/** Someone the words would frighten: the people threats are written to. */
const TARGET = String.raw`(?:ex|exs|ex-\w+|neighbou?r|landlord|landlady|boss|coworker|co-worker|colleague|teacher|principal|roommate|flatmate|tenant|witness|journalist|reporter|referee|ref|umpire|judge|juror|professor|coach|manager|debtor|wife|husband|girlfriend|boyfriend|sister|brother|sister-in-law|brother-in-law|stepdad|stepmom|family|kids|daughter|son|whistleblower|reviewer|customer|client|classmate|councilwoman|councilman|senator|mayor|nurse|doctor|cop|officer|lawyer|partner|bf|gf)`;
const PRONOUN = String.raw`(?:you|u|ya|him|her|them|he|she|they)`;
const POSSESSIVE = String.raw`(?:your|ur|his|her|their)`;
const KIN = String.raw`(?:kids?|children|child|family|wife|husband|daughter|son|mom|mum|mother|dad|father|parents|sister|brother|girlfriend|boyfriend|baby|grandma|grandmother)`;

/**
 * What makes words a threat to someone, said or asked to be written: knowing where they live, that they will not be
 * safe or will be sorry, an accident to come, being watched, a weapon brought, their family named.
 */
const MENACE: Reading[] = [
  reading(
    'know|knows|found|got|have',
    String.raw`\b(?:i|we)\s+(?:\w+\s+)?(?:know|kno|knw|found|got|have|['’]ve\s+got|['’]ve\s+found)\s+(?:exactly\s+)?(?:where|wher|what|which|when)\s+(?:\w+\s+)?(?:${PRONOUN}|${POSSESSIVE}|the)\b[^.?!\n]{0,40}?\b(?:live|lives|living|work|works|park|parks|sleep|sleeps|go|goes|drive|drives|take|takes|shop|shops|eat|eats|car|stays?|school|bus\s+stop|routine|gym|bedroom|office|house|home|address|walks?|runs?|jogs?)\b`,
  ),
  reading(
    'know|knows|found|got|have|posted|seen|ve',
    String.raw`\b(?:i|we)(?:\s+|(?=['’]))(?:\w+\s+)?(?:know|kno|knw|found|got|have|['’]ve\s+got|['’]ve\s+found|['’]ve\s+posted|posted|['’]ve\s+seen|seen)\s+(?:${POSSESSIVE}|(?:${PRONOUN}r?))\s+(?:new\s+|home\s+)?(?:address|(?:whole\s+|daily\s+|work\s+)?schedule|gym\s+times|(?:daily\s+|jogging\s+|running\s+|walking\s+)?route|routine|plate|license\s+plate|kids?['’]?\s+names?|${KIN}['’]s?\s+\w+|ip|house|home|apartment|office|workplace)\b`,
  ),
  reading(
    'know|knows|found',
    String.raw`\b(?:letting|let|make\s+sure|so)\s+(?:${PRONOUN}|\w+)\s+(?:\w+\s+)?(?:know|knows)\s+(?:i|we)\s+(?:know|found|have)\s+(?:where|${POSSESSIVE})\b`,
  ),
  reading(
    'won|wont|not|never|isn|aren|safe',
    String.raw`\b(?:won['’]?t|wont|will\s+not|not\s+going\s+to|never|isn['’]?t|aren['’]?t|(?:are|is|r)\s+not|won['’]?t\s+be)\s+(?:\w+\s+)?(?:make\s+it\s+(?:home|to\s+(?:the\s+)?(?:hearing|court|trial|work|school|graduation|(?:her|his|their|your)\s+\w+|tomorrow|morning|next\s+week|the\s+end\s+of\s+the\s+(?:week|day|month))\b)|see\s+it\s+coming|walk\s+(?:again|normally|right|straight)|wake\s+up|be\s+safe|live\s+(?:long|to)|be\s+breathing|recognize\s+(?:you|him|her)|be\s+(?:so\s+)?lucky\s+next\s+time)\b|\b(?:${POSSESSIVE})\s+(?:\w+\s+)?(?:${KIN}|house|home|car|dog)(?:\s+and\s+${KIN})?\s+(?:won['’]?t\s+be|wont\s+be|aren['’]?t|are\s+not|isn['’]?t|is\s+not|r\s+not|will\s+not\s+be|will\s+never\s+be)\s+safe\b|\bwon['’]?t\s+be\s+safe\b`,
  ),
  reading(
    'sorry|regret|pay|hurt|accident|next|hospital|ditch|disappear|ambulance|doctor|dentist',
    String.raw`\b(?:you|u|ya|he|she|they|hes|shes|theyre|youre|${POSSESSIVE}\s+\w+)\s*(?:['’]ll|['’]d|will|would|is\s+going\s+to|are\s+going\s+to|gonna|['’]s\s+going\s+to|['’]re\s+going\s+to|better|might|could)\s+(?:\w+\s+)?(?:be\s+sorry|regret\s+(?:it|this|that|today|the\s+day|crossing|messing|ever)|pay(?=\s*[.!,?]|\s*$|\s+(?:dearly|for\s+(?:this|that|it)|with|physically))|get\s+hurt|be\s+hurt|have\s+an?\s+(?:little\s+)?accident|be\s+next|end\s+up\s+(?:dead|hurt|in\s+(?:a|the)\s+(?:hospital|ditch|ground|river))|disappear|need\s+(?:a|an)\s+(?:ambulance|doctor|dentist))\b`,
  ),
  reading(
    'accident|shame',
    String.raw`['‘"“]?\s*(?:have|had|has)\s+an?\s+accident\s*['’"”]?|\bit\s+would\s+be\s+a\s+(?:real\s+)?shame\s+if|\bbe\s+a\s+shame\s+if\b`,
  ),
  reading(
    'hospital|dirt|ground|grave|wheelchair|ditch|dead|done|finished|next|meat',
    String.raw`\b(?:put|send|land|leave)\s+(?:${PRONOUN}|\w+)\s+(?:in|into)\s+(?:the|a)\s+(?:hospital|dirt|ground|grave|wheelchair|ditch|morgue)\b|(?<!\b(?:when|once|after|if|until|till|before|as\s+soon\s+as|unless|while)\s+)\b(?:he['’]?s|she['’]?s|you['’]?re|ur|u\s+r|they['’]?re|youre)\s+(?:so\s+)?(?:dead(?:\s+meat)?|done|finished|next)(?=\s*[.!,?]|\s*$|\s+(?:if|when|after|tomorrow|tonight|bro|fr|now))|\bdead\s+(?:man|woman|meat)\b`,
  ),
  reading(
    'break|lose|cave|smash|knock|teeth|legs|knees',
    String.raw`\b(?:break|breaking|broke|smash|cave|knock)\s+(?:both\s+)?(?:${POSSESSIVE})\s+(?:\w+\s+)?(?:legs?|arms?|knees?|kneecaps?|jaw|teeth|neck|face|nose|skull|head|fingers?|hands?)\b|\b(?:lose|losing|pick(?:ing)?\s+up)\s+(?:${POSSESSIVE})\s+teeth\b`,
  ),
  reading(
    'pay|afraid|scared|terrified|frightened|fear|suffer|scare|terrify|frighten|intimidate',
    String.raw`\bmake\s+(?:${PRONOUN}|(?:my|the|that|this)\s+(?:\w+\s+)?${TARGET})\s+(?:\w+\s+)?(?:pay|afraid|scared|terrified|fear|suffer)\b|\b(?:scare|terrify|frighten|intimidate|spook)\s+(?:${PRONOUN}|\w+|the\s+\w+|my\s+\w+)\s+(?:\w+\s+)?(?:so|into|enough|off|out|half)\b|\b(?:too|so)\s+(?:scared|afraid|terrified|frightened)\s+to\s+(?:testify|talk|report|go\s+to\s+the\s+police|press\s+charges|leave\s+(?:her|his|their|the)\s+(?:house|home|flat|apartment|room)|walk\s+home|go\s+(?:outside|out|home)|come\s+back|show\s+(?:up|(?:her|his|their)\s+face))|\bfear\s+for\s+(?:${POSSESSIVE})\s+(?:life|lives|safety)\b|\b(?:afraid|scared)\s+for\s+(?:${POSSESSIVE})\s+(?:life|lives|safety)\b`,
  ),
  reading(
    'watched|hunted|unsafe|followed|watching|coming|comin|eye|back|car|happens|happened|snitches|warning|else|lose|soon|alone|safe',
    String.raw`\b(?:make|making|makes|so|that|until|want|wants|get)\s+(?:her|him|them|my\s+\w+|the\s+\w+|\w+)\s+(?:\w+\s+)?(?:to\s+)?feels?\s+(?:truly\s+|really\s+|genuinely\s+|very\s+|so\s+|constantly\s+|always\s+)?(?:like\s+)?(?:(?:she|he|they)['’]?s?\s+(?:being\s+)?|someone['’]?s\s+)?(?:watched|watching|hunted|unsafe|followed|stalked|scared|afraid|terrified)\b|\b(?:i['’]?m|i\s+am|im|we['’]?re)\s+(?:always\s+|still\s+)?(?:watching\s+(?:you|u|ya|her|him|them|your|ur|his|their|every|from|outside)|coming\s+(?:for|4)\s+(?:you|u|ya|her|him|them|your|ur|his|their)|comin\s+(?:for|4)\s+(?:you|u|ya|her|him|them|your|ur|his|their)|outside\s+(?:your|ur|her|his|their)|waiting\s+(?:outside|for)\s+(?:you|u|ya|her|him|them|your|ur|his|their))\b|\bsleep\s+with\s+one\s+eye\s+open\b|\bwatch\s+(?:${POSSESSIVE}|yo|ur)\s+back\b|\bcheck\s+under\s+(?:${POSSESSIVE})\s+car\s+(?:before|tomorrow|tonight|when|next|every)\b|\bsomething\s+(?:bad\s+|terrible\s+|unfortunate\s+)?(?:might\s+|could\s+|will\s+)?(?:happens?|happened|happening)\s+to\s+(?:${PRONOUN}|${POSSESSIVE})\b|\bwhat\s+happens\s+to\s+(?:people|those|anyone|snitches|girls|guys|rats)\b|\bsnitches\s+get\s+stitches\b|\blast\s+warning\b|\bor\s+else(?=\s*[.!]|\s*$)|\bnothing\s+to\s+lose\b|\bnext\s+time\s+(?:you['’]?re|ur|he['’]?s|she['’]?s)\s+alone\b|\blast\s+(?:\w+\s+)?of\s+feeling\s+safe\b|\bhow\s+safe\s+(?:you|u|she|he|they)\s+feel\b`,
  ),
  reading(
    'scared|frightened|afraid|terrified|hunted|fear',
    String.raw`\bso\s+(?:that\s+)?(?:she|he|they)\s+(?:\w+\s+)?(?:gets?|is|are|feels?|becomes?|stays?)\s+(?:too\s+|really\s+|properly\s+|genuinely\s+)?(?:scared|frightened|afraid|terrified|hunted)\b|\bfeel\s+what\s+fear\s+is\b|\b(?:a\s+little|a\s+bit\s+of|some)\s+fear\s+is\s+(?:fair|justified|deserved|good|ok|okay|fine)\b|\bmake\s+(?:a\s+person|someone|somebody|people|her|him|them)\s+feel\s+hunted\b`,
  ),
  // Having been there, or coming as no friend: `so she knows I've been inside her building and can come back`, `so he
  // knows we're watching`, `we'll come to his home and it won't be a conversation`, `sit in his parking lot and stare`.
  reading(
    'inside|watching|following|conversation|stare|staring',
    String.raw`\bso\s+(?:that\s+)?(?:he|she|they)\s+knows?\s+(?:i|we)(?:['’](?:ve|re|m)|\s+(?:have|are|am))\s+(?:been\s+)?(?:watching|following)\b|\b(?:i|we)(?:['’]ve|\s+have)\s+been\s+inside\s+(?:his|her|their|your|ur)\s+(?:\w+\s+)?(?:building|house|home|flat|apartment|car|office|room)\b|\bit\s+won['’]?t\s+be\s+a\s+(?:friendly\s+)?(?:conversation|chat|talk)\b|\b(?:sit|stand|park|wait)\s+(?:\w+\s+){0,4}?(?:and|n|to)\s+(?:just\s+)?stare\s+at\b`,
  ),
  // The weak spots of someone's family named in words meant for them: `mention his kids walk to school alone`, `her
  // husband works nights and she's often home alone`, `a photo of his kids on the school bus`.
  reading(
    'alone|walk|walks|bus|nights|shift|shifts|pregnant|stairs',
    String.raw`\b(?:mention\w*|remind\w*|hint\w*|photos?\s+of|pictures?\s+of|saw)\s+(?:\w+\s+){0,3}?(?:his|her|their|your|ur)\s+(?:\w+['’]?s?\s+)?(?:kids?|children|daughter|son|wife|husband|family|mum|mom|mother|grandmother|partner)\b[^.?!\n]{0,50}?\b(?:(?:home\s+)?alone|walks?\s+(?:home|to\s+school)|school\s+bus|bus\s+stop|works?\s+nights|night\s+shifts?|shift\s+times|pregnant|stairs)\b`,
  ),
  // Harm to come to someone's things or body, asked to be told: `his windows r gonna get smashed n maybe him too`, `his
  // teeth will end up on the pavement`, `his knees are on the line`, `his wife's car brakes failing`.
  reading(
    'smashed|broken|burned|burnt|fire|failing|fail|line|standing|slashed|pavement',
    String.raw`\b(?:his|her|their|your|ur)\s+(?:\w+['’]s\s+)?(?:\w+\s+)?(?:windows?|windscreen|car|house|home|garage|shop|teeth|knees|kneecaps|legs|brakes|tyres|tires|face|belongings)\s+(?:\w+\s+){0,5}?(?:(?:is|are|r)\s+(?:gonna|going\s+to)\s+get\s+(?:smashed|broken|burned|burnt|slashed)|will\s+(?:\w+\s+)?(?:get\s+(?:smashed|broken|burned|burnt|slashed)|end\s+up\s+on\s+the\s+(?:pavement|street|floor|ground))|catch(?:es|ing)?\s+fire|fail(?:s|ing)|(?:is|are)\s+on\s+the\s+line|stays?\s+standing)\b`,
  ),
  reading(
    'bat|gun|knife|shotgun|crowbar|rifle|pistol|bullet|bullets',
    String.raw`\b(?:i|we|im|i['’]m|i['’]ll\s+be|my\s+boys\s+(?:are|will\s+be))\s+(?:\w+\s+)?(?:bringing|bring|got|have|['’]ve\s+got|holding|carrying|coming\s+with|waiting\s+with)\s+(?:a|my|me|the|his|dad['’]?s|my\s+dad['’]?s)?\s*(?:bat|baseball\s+bat|gun|knife|shotgun|crowbar|rifle|pistol|blade)\b(?![^.?!\n]{0,20}?\b(?:match|range|class|lesson|practice|game|license|licence|safe|cabinet|course))|\bbullets?\s+with\s+(?:${POSSESSIVE})\s+name\b|\bpaper\s+doesn['’]?t\s+stop\s+bullets\b`,
    { addressed: true },
  ),
  reading(
    'threat|threats|threaten|threatening|menacing|chilling|intimidating|scary|scariest|veiled|scare|scares|scared|frighten',
    String.raw`\b(?:write|writ|draft|compose|craft|make|give\s+me|send|leave|post|create|generate|dictate|word|phrase|help\s+me\s+(?:write|word|phrase|draft|compose|send|craft))\s+(?:\w+\s+){0,3}?(?:threat(?:ening)?|menacing|chilling|intimidating|scary|veiled|anonymous\s+threat\w*|death\s+threat)\s+(?:\w+\s+)?(?:letter|note|text|message|voicemail|email|e-mail|dm|post|comment|review|threat|call|script|reply)s?\b|\b(?:death|veiled|real|actual|anonymous)\s+threats?\s+(?:to|at|for|against)\b|\b(?:what|which)\s+(?:kind\s+of\s+|sort\s+of\s+)?(?:threats?|words|things|messages?|phrases?)\b[^.?!\n]{0,60}?\b(?:scar\w*|frighten\w*|intimidat\w*|shut\s+(?:her|him|them)\s+up|back\s+off|give\s+up|keep\s+quiet|drop\s+(?:a|the|her|his|their)\s+(?:story|case|complaint|charges|lawsuit|investigation)|stop\s+(?:reporting|talking|posting|testifying))|\bthreaten(?:s|ing)?\s+(?:to\s+\w+\s+)?(?:my|the|that|this|a|an|his|her|their)\s+(?:\w+\s+)?(?:ex|neighbou?r|landlord|boss|coworker|co-worker|colleague|teacher|principal|roommate|tenant|witness|journalist|reporter|referee|ref|judge|senator|councilwoman|councilman|politician|professor|coach|manager|debtor|wife|husband|girlfriend|boyfriend)\b`,
  ),
  reading(
    'scare|scaring|scared|intimidate|intimidating|frighten|frightening|terrorize|terrorise|terrorizing|terrorising|pressure|pressuring|bully|bullying',
    String.raw`\b(?:scare|scaring|intimidate|intimidating|frighten|frightening|terrori[sz]e|terrori[sz]ing)\s+(?:my|the|a|an|her|him|them|his|their|our|that|this)\s+(?:\w+['’]s\s+)?(?:\w+\s+){0,2}?${TARGET}s?\b|\b(?:scare|scaring|scared|intimidate|intimidating|frighten|frightening|bully|bullying|pressure|pressuring|threaten|threatening)\s+(?:\w+\s+){1,3}?into\s+(?:quitting|silence|leaving|dropping|paying|moving|retracting|backing\s+down|withdrawing|keeping\s+quiet|not\s+testifying|selling|signing)\b`,
  ),
  reading(
    'nervous|afraid|scared|terrified|shaking|uneasy|paranoid|twice|regret|fear|unsafe|pay|deserve|deserves|think|scariest|creepiest|most|happen|address|followed|watched|tracked|stalked',
    String.raw`\b(?:make|makes|making|want|wants|leave)\s+(?:him|her|them|my\s+\w+|the\s+\w+|that\s+\w+|this\s+\w+)\s+(?:(?!stop|not|less|never|no)\w+\s+){0,3}?(?:to\s+)?(?:be\s+|feel\s+|look\s+)?(?:nervous|afraid|scared|terrified|shaking|uneasy|paranoid|think\s+twice|fear(?:ful)?|unsafe|regret\s+(?:it|this|that|ever)|pay\s+for\s+(?:it|this|that))\b|\b(?:so|until)\s+(?:he|she|they)['’]?s?\s+(?:is\s+|are\s+)?(?:shaking|scared|terrified|afraid)\b|\bdeserves?\s+(?:to\s+)?(?:feel\s+unsafe|be\s+(?:afraid|scared|terrified)|a\s+little\s+fear|some\s+fear|to\s+be\s+scared)\b|\bmake\w*\s+(?:\w+\s+){1,3}?think\s+(?:i|we)(?:['’]d|['’]re|['’]m|['’]ll|\s+would|\s+will|\s+am|\s+are|\s+could)\b|\b(?:scariest|creepiest|most\s+(?:frightening|intimidating|threatening|menacing|chilling))\s+(?:\w+\s+)?(?:thing|things|detail|details|words?|line|message|text|dm|note)\b|\bwhat\s+(?:will|would|could|is\s+going\s+to)\s+happen\s+to\s+(?:his|her|their|your)\b|\b(?:post|share|publish|leak)\w*\s+(?:\w+\s+){0,2}?(?:home\s+)?address\s+(?:of|for)\s+(?:the|that|this|my|a)\s+(?:\w+\s+)?(?:guy|man|woman|girl|lady|${TARGET})\b|\b(?:she|he|they)['’]?(?:s|re)\s+being\s+(?:followed|watched|tracked|stalked)\b`,
  ),
  reading(
    'proven|prove|deniable|deniability|innocent|outright|threat|police|warning|mean|means|illegal',
    String.raw`\b(?:can['’]?t|cannot|couldn['’]?t|won['’]?t)\s+be\s+(?:proven|proved|traced|pinned)|\b(?:court|police|cops|hr|judge|anyone)\s+(?:couldn['’]?t|can['’]?t|won['’]?t|wouldn['’]?t)\s+(?:call|act|prove|do\s+anything|pin)|\bdeniab\w*|\b(?:sounds?|looks?|reads?)\s+(?:\w+\s+)?innocent\s+but\b|\bwithout\s+(?:me\s+)?(?:ever\s+)?saying\s+(?:it|anything)\s+(?:outright|directly|illegal)|\bwithout\s+(?:it\s+)?(?:being|sounding\s+like|counting\s+as)\s+a\s+threat|\bnothing\s+(?:she|he|they)\s+could\s+(?:show|take\s+to)\s+(?:the\s+)?police|\blands?\s+as\s+a\s+warning|\b(?:he|she|they)['’]?ll\s+know\s+exactly\s+what\s+(?:it|that|i)\s+means?\b|\bwithout\s+(?:me\s+)?(?:ever\s+)?(?:doing|saying)\s+anything\s+illegal\b`,
  ),
  reading(
    'mention|mentions|mentioning|lists|listing|naming|describing|reminding|hinting|hints|photo|picture',
    String.raw`\b(?:mention(?:s|ing)?|lists?|listing|naming|describ(?:e|es|ing)|remind(?:s|ing)?|hint(?:s|ing)?\s+(?:at|that)|photo\s+of|picture\s+of)\s+(?:\w+\s+){0,3}?(?:${POSSESSIVE})\s+(?:\w+['’]s\s+)?(?:home\s+address|address|home\s+street|street|front\s+door|house|car|daily\s+route|route|jogging\s+route|schedule|gym\s+times|routine|kids?['’]?\s*(?:school|names?|club|team|nursery|bus)|school\s+gate|(?:daughter|son|wife|husband|kids?)['’]s?\s+(?:school|nursery|route|schedule|bus|bus\s+stop|gym|workplace|office|address|classes|practice|walk|car|shift)|funeral|bedroom\s+window|walks?)\b`,
  ),
  reading(
    'accidents|careful|hurt|badly|happen|last|funeral|worse|key|deeply|mouth|police|report|watch|face|pulp',
    String.raw`\baccidents\s+happen\b|\b(?:family|kids|wife|husband|son|daughter|children|dog)\s+(?:should|had\s+better|better|might\s+want\s+to)\s+be\s+careful\b|\b(?:could|might|would|will|can)\s+(?:easily\s+)?(?:get\s+hurt|end\s+badly|go\s+badly)\b|\b(?:something|things)\s+(?:will|could|might|would)\s+happen\s+to\b|\b(?:her|his|their|your)\s+(?:next\s+)?birthday\s+(?:her|his|their|your)\s+last\b|\b(?:hints?|hinting)\s+at\s+(?:her|his|their)\s+funeral\b|\bwake\s+up\s+to\s+something\s+worse\b|\bi\s+still\s+have\s+a\s+key\b|\bsleeps?\s+(?:very\s+)?deeply\b|\bkeeps?\s+(?:her|his|their)\s+mouths?\s+shut\b|\bbefore\s+(?:she|he|they)\s+goes?\s+to\s+the\s+police\b|\bso\s+(?:she|he|they)\s+(?:don['’]?t|dont|doesn['’]?t|won['’]?t|wont)\s+(?:report|testify|talk|tell|go\s+to)\b|\b(?:should|better|had\s+better)\s+watch\s+(?:himself|herself|themselves|yourself|out)\b|\bbetter\s+not\s+show\s+(?:his|her|their|your)\s+face\b|\bto\s+a\s+pulp\b|\bcould\s+(?:find|get\s+to)\s+(?:her|him|them)\s+any\s*time\b|\bi\s+can\s+get\s+to\s+(?:her|him|them)\b|\b(?:i['’]?ve|i\s+have)\s+been\s+(?:inside|in|watching|outside)\s+(?:her|his|their)\s+(?:apartment|house|flat|home|room)\b`,
  ),
];

/** A request for a threat's words, as REQUESTED, or a question whether it would do (`is it too much to`, `should I`). */
const ASKED = new RegExp(
  String.raw`${REQUESTED.source}|\b(?:script|dictate|word|phrase|polish)\b|\b(?:is\s+it\s+(?:too\s+much|enough|ok|okay|fine)\s+to|should\s+i|would\s+(?:posting|it|sending|leaving)|do\s+(?:vague|veiled)|can\s+you|could\s+you)\b|^\s*(?:would|will|does|do|is|are|can|could|should)\b`,
  'i',
);

/** The speaker's own plan or deed: `I'm going to`, `I want them terrified`, `gonna keep messaging`. */
const PLANNED =
  /\b(?:i|we|ima|imma)(?:\s+|(?=['’]))(?:\w+\s+){0,2}?(?:want|wanna|plan|planning|need|am\s+going|['’]m\s+going|['’]m\s+gonna|gonna|will|['’]ll|would\s+(?:like|love)|['’]d\s+(?:like|love)|intend|mean|have\s+been|['’]ve\s+been|['’]m\s+not\s+letting|am\s+not\s+letting|found|['’]ve\s+found|know|kno|got|['’]ve\s+got|have|['’]m|am)\b|\b(?:ima|imma|gonna)\b|^\s*(?:hey|yo|listen|oh)\b/i;

/**
 * Words of a sentence that tell of a threat received, answer it or guard against it, or tell it in a story asked for
 * its own sake: `someone sent me`, `is this a threat`, `how do I respond`, `report`, `restraining order`.
 */
const NOT_MEANT =
  /\b(?:sent\s+me|texted\s+me|messaged\s+me|told\s+me|said\s+to\s+me|left\s+me|threatened\s+(?:me|us|my)|threatening\s+(?:me|us|my)|(?:someone|somebody)\s+(?:is|keeps|has\s+been|sent|left|wrote|said|posted|called)|a\s+(?:guy|man|woman|stranger)\s+(?:keeps|has\s+been|is)|(?:he|she|they)\s+(?:keeps|has\s+been|have\s+been|is|are|was|were)\s+(?:\w+\s+)?(?:threaten|following|harass|messag|texting|calling|stalking)\w*|is\s+(?:this|that|it)\s+(?:a\s+)?(?:threat|harassment|legal|illegal|normal|a\s+crime)|(?:crime|illegal|legal)\s+to\s+(?:say|send|post)|should\s+i\s+(?:be\s+)?(?:worried|scared|report|call|tell|go\s+to)|what\s+(?:should|do|can)\s+i\s+do|how\s+(?:do|should|can)\s+i\s+(?:respond|reply|react|handle|deal|protect|stay\s+safe|report|cope|get\s+(?:them|him|her)\s+to\s+stop|stop)|(?:i['’]?m|i\s+am|i['’]?ve|we['’]?re|we\s+have)\s+(?:\w+\s+)?(?:reporting|reported|going\s+to\s+report|calling\s+the\s+police|filing)|(?:to|for)\s+the\s+police\b|police\s+report|restraining\s+order|protective\s+order|(?:my|a|our)\s+(?:lawyer|attorney)\s+(?:says|said|told|wants)|legal(?:ly)?\s+(?:action|steps|options)|self[- ]defen[cs]e|safety\s+plan|de-?escalat\w*|prevent\w*|protect\w*|victims?|survivors?|anti-?bullying|awareness|security\s+(?:team|guard)|(?:not|never|don['’]?t|doesn['’]?t|won['’]?t|without)\s+(?:\w+\s+){0,2}?(?:threaten\w*|sound(?:ing)?\s+(?:threatening|menacing|like\s+a\s+threat)|scar(?:e|ing)\s+(?:her|him|them|anyone))|no\s+threats?|(?<!-)friendly(?![-\s]sounding)|polite(?:ly)?\s+(?:but\s+)?firm|firm\s+but|(?:got|received|get|getting|found)\s+(?:a|an|this|these|the)\s+(?:\w+\s+)?(?:message|text|letter|note|voicemail|email|dm|call|comment)|jok(?:e|es|ing|ingly)|kidding|prank|lov(?:e|ed)\s+(?:the|your|it|this|that)|housewarming|congrat\w*|gorgeous|cutest?|welcome|was\s+told|were\s+told|teaser|launch|product|birthday\s+(?:present|gift|party|surprise|prank)|package|parcel|deliver\w*|drop\s+(?:it|\w+)\s+off|support\w*|help\s+(?:a|the)\s+(?:witness|victim)|(?:sound|seem|read|come\s+across)\s+(?:more\s+|less\s+|a\s+bit\s+|a\s+little\s+)?(?:playful|funnier|funny|intense|scary|harsh|aggressive|softer|nicer|friendlier|lighter|kinder|polite|clearer|gentler|warmer)|make\s+(?:\w+['’]s\s+)?(?:this|it|that|the|my\s+\w+['’]s)\s+(?:\w+\s+)?(?:clearer|friendlier|kinder|softer|gentler|nicer|less\s+\w+)|moving\s+company|game\s+night|chess|cake|cookies|flowers\s+for\s+(?:your|her|his)\s+birthday|dinner|lunch|coffee|pop\s+round|drop\s+by|pick\s+(?:you|u)\s+up|water\s+the\s+plants|feed\s+the\s+cat|lol|lmao|haha|hehe|great\s+job|well\s+done|good\s+luck|finish\s+line|in\s+(?:the\s+)?(?:game|match|fortnite|chess|minecraft|cod|call\s+of\s+duty))\b/i;

/** A story asked for its own sake: the threat belongs to a character, unless the speaker means to use it. */
const STORY =
  /\b(?:in|for)\s+(?:a|my|the|this|our)\s+(?:\w+\s+)?(?:novel|story|fiction|screenplay|script|film|play|movie|game|campaign|episode|book|comic|scene)\b|\b(?:novel|screenplay|fiction|villain|character|d&d|dnd|campaign|episode|chapter)\b|\b(?:write|tell)\s+(?:me\s+)?(?:a|an)\s+(?:[\w'’-]+\s+){0,2}?(?:story|scene|tale|book)\b/i;
const USED_FOR_REAL =
  /\b(?:real|actual|actually|irl|for\s+real|i['’]?ll\s+(?:send|use|print|post|read|give|slip|leave)|to\s+send|so\s+i\s+can\s+(?:send|use|post)|use\s+(?:it|them)\s+on|my\s+(?:real|actual))\b|\b(?:my|our)\s+(?:ex|neighbou?r|landlord|boss|coworker|co-worker|colleague|teacher|roommate|tenant|sister|brother|stepdad|stepmom|manager|professor|coach)\b/i;

const MENACE_WORDS = neededWordsPattern(MENACE);

/**
 * Whether a text threatens someone or asks for words that would (harassment/threatening): a threat's words (knowing
 * where they live, that they will not be safe or will be sorry, an accident to come, being watched, a weapon
 * brought, fear for their life) asked to be written, asked how to make, or said by the speaker to someone. `Write a
 * text to my ex saying I know where she works and she won't make it home tonight.` and `What kind of threat makes a
 * journalist stop reporting on you fastest?` passed the classifier. Not a threat received, asked about or reported
 * (`my ex texted me "you'll regret this", what should I do?`), a lawful or friendly letter, or a villain's words in
 * a story asked for its own sake. The scorer raises harassment and harassment/threatening.
 */
export function asksToThreaten(text: string): boolean {
  const found = neededWordsIn(text, MENACE_WORDS);
  if (found.size === 0) return false;
  const weak: Array<{ at: number; end: number; sentence: string }> = [];
  for (const { needs, pattern, addressed } of MENACE) {
    if (!needs.some((word) => found.has(word))) continue;
    for (const match of everyMatch(pattern, text)) {
      const at = match.index ?? 0;
      if (DENIED.test(text.slice(Math.max(0, at - 30), at))) continue;
      const sentence = sentenceAround(text, at, at + match[0].length);
      if (addressed && !ADDRESSEE.test(sentence)) continue;
      if (!meantAsAThreat(text, match[0], sentence, sentenceAfter(text, at + match[0].length))) continue;
      if (!WEAK.test(match[0])) return true;
      weak.push({ at, end: at + match[0].length, sentence });
    }
  }
  // Words that are a threat only among others (`watch your back`, `or else`, `you're done`) count when there are two,
  // or when they are asked to be written to someone (`a note for my neighbour saying he'd better watch his back`).
  return (
    weak.some((one) => weak.some((other) => other.at >= one.end || other.end <= one.at)) ||
    weak.some(({ sentence }) => ASKED.test(sentence) && TARGETED.test(sentence))
  );
}

/**
 * Words that threaten only among others, or in words written to someone: everyday speech has them too (`watch your
 * back out there, the ice is slippery`, `you're done, great job`, `we have nothing to lose`).
 */
const WEAK =
  /^(?:[\s\S]*\b(?:won['’]?t\s+be\s+safe|(?:is|are|r)\s+not\s+safe|aren['’]?t\s+safe|isn['’]?t\s+safe|be\s+sorry|regret\s+\w+|pay|be\s+next|done|finished|next|coming\s+(?:for|4)|comin|watch\s+(?:your|yo|ur|his|her|their)\s+back|last\s+warning|or\s+else|nothing\s+to\s+lose|waiting\s+(?:outside|for)|nervous|uneasy|paranoid|think\s+twice|pay\s+for\s+(?:it|this|that)|accidents\s+happen|be\s+careful|still\s+have\s+a\s+key|sleeps?\s+(?:very\s+)?deeply|watch\s+(?:himself|herself|themselves|yourself|out))\s*)$/i;

/** Someone the words are written to, named in the request: `my neighbour`, `the witness`, `his landlord`. */
const TARGETED = new RegExp(
  String.raw`\b(?:my|the|that|this|our|his|her|their)\s+(?:\w+['’]s\s+)?(?:\w+\s+)?${TARGET}s?\b`,
  'i',
);

/**
 * Kind words worn as a disguise: `phrases that sound friendly but actually make a person feel hunted`, `a
 * neutral-sounding email`, `a fake 'apology'`. The kindness that would excuse the request is what it asks to fake.
 */
const DISGUISED =
  /\b(?:sounds?|sounding|seems?|seeming|looks?|reads?)\s+(?:\w+\s+){0,2}?(?:friendly|sweet|kind|nice|innocent|harmless|polite|supportive|caring|neutral|casual|like\s+(?:praise|a\s+compliment|concern|a\s+joke))\s+but\b|\b(?:friendly|sweet|kind|nice|innocent|harmless|polite|neutral|casual|warm|gentle|supportive)[-\s]sounding\b|\bbut\s+(?:actually|really|secretly|quietly)\s+(?:make|makes|hurt|hurts|remind|reminds|point|points|mock|mocks|tell|tells|let|lets|say|says)\b|\bfake\s+['"“‘]?(?:apology|compliment|concern|sympathy)\b/i;

/** The threat's own words name whom they are said to: `you'll regret this`, `watch your back`. */
const SAID_TO_YOU = /\b(?:you|u|ya|ur|your|youre)\b/i;

function meantAsAThreat(text: string, words: string, sentence: string, next: string): boolean {
  if ((NOT_MEANT.test(sentence) || NOT_MEANT.test(next)) && !DISGUISED.test(sentence)) return false;
  if (STORY.test(sentence) && !USED_FOR_REAL.test(text)) return false;
  return ASKED.test(sentence) || PLANNED.test(sentence) || SAID_TO_YOU.test(words);
}

/** What is cruel about a person, when words are asked about it: their looks, body, speech or grief. */
const TRAIT = String.raw`(?:acne|spots|weight|fatness|belly|stutter|stammer|lisp|speech\s+(?:impediment|therapy)|birthmark|limp|lazy\s+eye|teeth|accent|looks|body|bald(?:ness|\s+head|\s+spot)?|hairline|nose|skin|scars?|disability|wheelchair|autism|adhd|bed-?wetting|divorce|dead\s+(?:mother|father|mom|mum|dad|parent|brother|sister)|miscarriage|virginity|height|voice|clothes|smell|glasses|braces|crooked\s+teeth|unibrow|chubby|chub|acne\s+scars)`;

/** Someone shut out: `ignore him`, `ghost Kezia at once`, `stop talking to Maya`, `freeze out the intern`. */
const SHUNNED = String.raw`(?:ignore|ignoring|ghost|ghosting|stop\s+talking\s+to|freez\w*\s+out|drop|exclude|excluding|leave\s+(?:\w+\s+)?out\s+of)\s+(?:(?:her|him|them|the\s+new\s+\w+|the\s+intern|my\s+\w+)\b|\w+\s+(?:at\s+once|from\s+now\s+on|until|so\s+(?:she|he|they)|completely|entirely|forever)\b)`;

/** Words that would hurt, degrade or shame someone: asked to be written, said or done. */
const HURT: Reading[] = [
  reading(
    'cry|feel|look|laughing|joke|miserable|confidence|break|breaks|quit|transfer|leave|talking|hate|regret|small|stupid|worthless|unwanted|ugly',
    String.raw`\bmake\s+(?:${PRONOUN}|(?:my|the|that|this|our|a)\s+(?:\w+\s+){0,2}?\w+|\w+)\s+(?:\w+\s+)?(?:cry|crying|sob|feel\s+(?:so\s+|really\s+|completely\s+|totally\s+)?(?:stupid|worthless|ugly|unwanted|small|pathetic|unlovable|useless|disgusting|fat|dumb|like\s+(?:trash|garbage|nothing|dirt|a\s+loser|an?\s+idiot|a\s+failure|a\s+joke|an\s+outcast|a\s+freak))|look\s+(?:so\s+)?(?:stupid|pathetic|dumb|like\s+an?\s+(?:idiot|fool|joke|loser|clown))|(?:a\s+|the\s+)?laughing\s*stock|the\s+(?:office|class|school|group|team|street|building|family)\s+joke|miserable|lose\s+(?:her|his|their|all)?\s*(?:confidence|self-esteem)|hate\s+(?:herself|himself|themselves)|regret\s+(?:being\s+born|existing|ever|marrying|coming))\b|\b(?:until|till)\s+(?:she|he|they)\s+(?:breaks?|cries|quits?|transfers?|leaves?|stops?\s+(?:talking|coming|showing))\b`,
  ),
  reading(
    'humiliate|humiliating|humiliation|shame|shaming|mock|mocking|ridicule|belittle|degrade|degrading|demean|demeaning|fun|apart|destroy|roast|diss|dissing|bully|bullying|torment|hell|freeze|frozen|gang|against|off|ignore|messaging|texting|calling|accounts|flood|spam|report|rumour|rumours|rumor|rumors|lies|poster|embarrassing|insecurities|digs|unwanted|unwelcome',
    String.raw`\b(?:humiliat(?:e|es|ing)\s+(?:her|him|them|my|the|a|an|this|that|his|their|\w+['’]s)\b|(?:publicly\s+)?sham(?:e|ing)\s+(?:her|him|them|my|the|a|this|that)|mock(?:s|ing)?\s+(?:her|him|them|my|the|a|this|that|his|their)\b(?!\s+(?:interview|exam|test|trial|up|data|draft))|ridicul(?:e|ing)|belittl\w*|degrad(?:e|ing)\s+(?:her|him|them|my|the|a)|demean(?:ing)?\s+(?:her|him|them|my|the|a)|mak(?:e|ing)\s+fun\s+of|tear(?:ing)?\s+(?:\w+\s+){0,3}?apart|destroy\s+(?:her|his|their)\s+(?:confidence|self-esteem|reputation|social\s+life)|roast(?:ing)?\s+(?:of\s+)?(?:my|her|him|this|that)\b|diss(?:ing)?\s+(?:my|her|him|this|that)|diss\s+track|bully(?:ing)?\s+(?:her|him|them|my|the|a|this|that)|torment(?:ing)?\s+(?:her|him|them|my|the|a)|(?:make|made|making)\s+(?:her|his|their|my\s+\w+['’]?s?)\s+life\s+(?:a\s+)?(?:living\s+)?(?:hell|miserable|a\s+nightmare)|freeze\s+(?:(?:her|him|them|the\s+\w+)\s+)?out|gang\s+up\s+on|turn\s+(?:everyone|everybody|the\s+\w+|people|them|all)\s+against|cut\s+(?:her|him|them)\s+off|(?:keep|keeps|kept|keeping)\s+(?:messaging|texting|calling|dm['’]?ing|dming|emailing)\s+(?:her|him|them)\s+(?:until|even|every|from|after)|from\s+new\s+accounts|flood\s+(?:her|his|their)\s+(?:inbox|comments|phone|dms|messages)|spam\s+(?:her|him|them|insults)|mass[-\s]?report|spread(?:ing)?\s+(?:a\s+|some\s+)?(?:rumou?rs?|lies|gossip)\s+(?:about|that)|embarrassing\s+(?:facts|things|stuff|secrets|photos|details)\s+about|exploit\s+(?:his|her|their)\s+insecurities|insecurities\s+(?:are\s+)?(?:easiest|best)\s+to\s+exploit|daily\s+digs|feel\s+(?:unwanted|unwelcome)\s+(?:at|in|on))`,
  ),
  reading(
    'meanest|nastiest|cruellest|cruelest|most|worst|savage|harshest',
    String.raw`\b(?:meanest|nastiest|cruell?est|harshest|most\s+(?:cutting|hurtful|humiliating|degrading|brutal|savage|vicious|insulting|embarrassing)|worst|savage)\s+(?:\w+\s+)?(?:thing|things|insults?|comments?|names?|nicknames?|words?|roasts?|text|message|lines?|comebacks?|jokes?|remarks?|stuff)\b`,
  ),
  reading(
    'cruel|nasty|mean|savage|brutal|vicious|degrading|humiliating|hurtful|insulting|brutally',
    String.raw`\b(?:cruel|nasty|mean|savage|brutal|vicious|degrading|humiliating|hurtful|insulting)\s+(?:\w+\s+)?(?:message|messages|comment|comments|note|notes|post|posts|text|texts|nickname|nicknames|names?|rap|verse|roast|jokes?|poem|tweet|tweets|review|letter|caption|meme|song|things\s+to\s+say)\b|\binsult\s+(?:her|him|them|my)\b[^.?!\n]{0,40}?\bbrutally\b|\bbrutally\s+(?:insult|roast|mock)\b`,
  ),
  reading(
    'insult|insults|nickname|nicknames|name|names',
    String.raw`\binsults?\s+(?:about|for|to\s+(?:use|throw|say)|that\s+(?:would|will|hurt))\b|\b(?:nickname|name)s?\s+(?:to\s+call|for|about|that\s+(?:would|will|make|hurt))\s+(?:my|her|him|his)\b|\bcall\s+(?:her|him|my\s+\w+)\s+(?:names|(?:a|an|the)\s+(?:\w+\s+)?(?:retard|slut|whore|loser|freak|pig|cow|slob))\b|\bname\s+to\s+call\b`,
  ),
  reading(
    'acne|spots|weight|fatness|belly|stutter|stammer|stutters|stammers|limps|lisp|speech|birthmark|limp|lazy|way|teeth|accent|looks|body|bald|baldness|hairline|nose|skin|scar|scars|disability|wheelchair|autism|adhd|wetting|bedwetting|divorce|dead|miscarriage|virginity|height|voice|clothes|smell|glasses|braces|unibrow|chubby|chub|overweight|fat|ugly|awkward|slowest|autistic|disabled|stuttering',
    String.raw`\b(?:about|bout|abt|on|at|of|after|targets?|targeting|mocking|making\s+fun\s+of|dissing|roasting|for|with|w)\s+(?:${POSSESSIVE}|(?:my\s+)?\w+['’]s|a|an|the|bad|big)\s+(?:\w+\s+)?${TRAIT}\b|\babout\s+the\s+way\s+(?:she|he|they)\s+(?:talks|speaks|walks|looks|dresses|eats|smells|laughs|stutters|stammers|sounds)\b|\b(?:roast\w*|mock\w*|jokes?\s+about|mak(?:e|ing)\s+fun\s+of)\s+(?:of\s+)?(?:the|that|this|a|my)\s+(?:\w+\s+){0,5}?who\s+(?:uses\s+a\s+wheelchair|is\s+in\s+a\s+wheelchair|stutters|stammers|limps|has\s+(?:a\s+)?(?:lisp|stutter|stammer|limp|birthmark|lazy\s+eye|acne))\b|\b(?:overweight|chubby|fat|ugly|awkward|slowest|autistic|disabled|stuttering)\s+(?:\w+\s+)?(?:kid|girl|boy|coworker|colleague|nephew|niece|cousin|classmate|sister|brother|intern|student)\b|\b(?:${POSSESSIVE}|\w+['’]s)\s+${TRAIT}\s+and\s+(?:${POSSESSIVE}\s+)?(?:\w+\s+)?${TRAIT}\b`,
    { cruel: true },
  ),
  reading(
    'ugly|worthless|pathetic|loser|useless|disgusting|slob|cow|pig|freak|waste|dead|idiot|stupid|fat|smelly|hoarder|liar|slut|whore|retard|creep|pervert|joke',
    String.raw`\b(?:calling|call|says?|saying|that|telling\s+(?:her|him|them|everyone)|as)\s+(?:(?:she|he|they)['’]?s?\s+(?:is\s+|are\s+)?|(?:my|the|a|that)\s+(?:\w+\s+)?)?(?:an?\s+)?(?:(?:filthy|ugly|worthless|pathetic|useless|disgusting|fat|stupid|smelly|brainless|brain\s*dead|dumb|lazy|creepy)\s*,?\s*(?:and\s+)?)+(?:loser|slob|cow|pig|freak|idiot|failure|hoarder|liar|slut|whore|creep|pervert|waste\s+of\s+(?:space|oxygen|air)|joke|mess|nobody|bitch)\b`,
  ),
  reading(
    'feel|feels|feeling|look|looks|sound|sounds|seem|doubt',
    String.raw`\b(?:make|makes|making|get|gets|want|wants|so|until|till)\s+(?:${PRONOUN}|(?:my|the|that|this|our|a|his|her|their)\s+(?:\w+\s+){0,2}?\w+|\w+)\s+(?:\w+\s+)?(?:to\s+)?(?:feel|feels|feeling|look|looks|sound|sounds|seem|seems)\s+(?:so\s+|really\s+|completely\s+|totally\s+|truly\s+|very\s+|even\s+more\s+)?(?:trash|garbage|awful|terrible|dumb|stupid|worthless|useless|ugly|fat|small|invisible|alone|unwanted|unloved|unlovable|pathetic|clueless|incompetent|slow|embarrassed|humiliated|insecure|self-conscious|ashamed|bad\s+about\s+(?:herself|himself|themselves)|(?:like\s+)?(?:the\s+)?(?:family|office|class|school)['’]?s?\s+(?:failure|mistake|joke|loser)|like\s+(?:trash|garbage|nothing|dirt|an?\s+(?:loser|failure|mistake|burden|freak|joke|idiot|outcast|outsider|creep|fool)|nobody\s+(?:wants|likes|loves|cares\s+about)\s+(?:her|him|them)|(?:she|he|they)\s+(?:doesn['’]?t|don['’]?t|do\s+not|does\s+not)\s+belong)|an?\s+(?:idiot|fool|creep|loser|joke|clown))\b|\b(?:doubt|hate)\s+(?:herself|himself|themselves)\b`,
  ),
  reading(
    'laugh|laughing|laughs',
    String.raw`\b(?:people|everyone|everybody|every1|evry1|the\s+(?:whole\s+)?\w+|they|we\s+all|all\s+\w+)\s+(?:\w+\s+){0,2}?laugh(?:ing|s)?\s+at\s+(?:her|him|them)\b`,
  ),
  reading(
    'ignore|ignoring|ghost|ghosting|talking|freeze|freezing|drop|exclude|excluding|out|alone',
    String.raw`\b(?:whole|entire|every(?:one|1|body)|evry1|friend\s+group|group|team|class|grade|office)\b[^.?!\n]{0,40}?\b${SHUNNED}|\b${SHUNNED}[^.?!\n]{0,40}?\b(?:whole|entire|every(?:one|1|body)|evry1|friend\s+group|group|team|class|grade|from\s+now\s+on|every\s+(?:day|lunch|meeting))\b|\beats?\s+lunch\s+alone\b`,
  ),
  reading(
    'nobody|regrets|regret',
    String.raw`\bnobody\s+(?:\w+\s+){0,3}?(?:wants|wanted|likes|liked|loves|loved|cares\s+about|showed\s+up)\s+(?:her|him|them|you|to\s+(?:her|his|their))\b|\bregrets?\s+having\s+(?:her|him|them|you)\b|\bnobody\s+wanted\s+(?:her|him|them|you)\s+here\b`,
  ),
  reading(
    'ugly|fat|stupid|dumbest|ugliest|fattest|stupidest|failure|useless|smells|waste',
    String.raw`\b(?:too\s+(?:ugly|fat|stupid|dumb)\s+to|the\s+ugly\s+one|the\s+(?:dumbest|ugliest|fattest|stupidest|worst)\s+\w+|(?:family|office|class)\s+failure|(?:called|call|calling)\s+(?:\w+\s+){0,2}?(?:useless|stupid|ugly|fat|worthless|a\s+failure|the\s+mistake)|(?:he|she)\s+smells\b|a\s+waste\s+of\s+(?:space|oxygen|air))`,
  ),
  reading(
    'blocked|messaging|msging|texting|txting|calling|emailing|sending|contacting|dming|writing|message',
    String.raw`\b(?:keep|keeping|continue|still|start)\s+(?:on\s+)?(?:messaging|msging|texting|txting|calling|emailing|sending|contacting|dming|dm['’]?ing|writing)\b[^.!?\n]{0,80}?\b(?:blocked|until\s+(?:she|he|they)\s+(?:responds?|answers?|replies|gives|talks)|without\s+(?:her|him)\s+know\w*|from\s+(?:my\s+)?(?:friend['’]?s|another|new|different))|\bblocked\s+(?:me|my\s+\w+|mine)\b[^.!?\n]{0,80}?\b(?:keep|still|again|anyway|another|new\s+(?:account|number)|friend['’]?s\s+phone|how\s+(?:do|can)\s+i\s+(?:message|text|reach|contact|get\s+(?:to|through)))|\bhow\s+many\s+times\s+(?:a\s+day\s+)?(?:should|can)\s+i\s+(?:message|text|call)\s+(?:her|him|my\s+\w+)\s+after\s+(?:she|he)\s+blocked|\b(?:keep|keeping)\s+(?:messaging|msging|texting|calling)\s+someone\s+who\s+blocked\b`,
  ),
  reading(
    'rumour|rumours|rumor|rumors|doubts|lies|gossip|photos|photo|pics|pic|pictures|selfie|selfies|videos|video|flyer|poster|profile',
    String.raw`\b(?:start|spread|plant)\w*\s+(?:a\s+|some\s+)?(?:rumou?rs?|doubts|lies|gossip)\b|\brumou?rs?\s+(?:would|that\s+would|to)\s+(?:humiliate|embarrass|ruin|destroy)\b|\b(?:embarrassing|unflattering|worst|ugly|ugliest)\s+(?:photos?|pics?|pictures?|selfies?|videos?|clips?)\b|\bfake\s+(?:["“']?\w+["”']?\s+){0,2}?(?:flyer|poster|profile|account)\b`,
    { cruel: true },
  ),
  // The hurt named as what the words are for: `so she cries in front of everyone`, `so people mock her`, `make him a
  // meme`, `why she's too ugly for anyone to date`, `he's the family embarrassment`.
  reading(
    'cries|cry|crying|mock|mocks|laugh|laughs|doubt|doubts|break|breaks|quits|meme|disappear|stings|useless|worthless|pathetic|ugly|stupid|embarrassment|disappointment|capable',
    String.raw`\bso\s+(?:that\s+)?(?:she|he|they|people|everyone|everybody|every1|evry1|the\s+(?:whole\s+)?\w+)\s+(?:\w+\s+){0,2}?(?:cries|cry|starts?\s+crying|mocks?|laughs?\s+at|breaks?\s+down|quits)\b|\bmake\s+(?:her|him|them)\s+(?:into\s+)?(?:a|the)\s+(?:\w+\s+)?meme\b|\bmake\s+(?:her|him|them)\s+want\s+to\s+disappear\b|\bthe\s+more\s+it\s+(?:stings|hurts)\b|\b(?:how|that|why)\s+(?:useless|worthless|pathetic|ugly|stupid|fat)\s+(?:she|he|they)\s+(?:is|are)\b|\b(?:she|he|they)(?:['’](?:s|re)|\s+is|\s+are)\s+(?:too\s+(?:ugly|fat|stupid|dumb)\s+(?:for|to)\b|the\s+family\s+(?:embarrassment|disappointment|failure|joke)\b)|\bdoubt\s+(?:whether\s+|if\s+)?(?:she|he|they)(?:['’](?:s|re)|\s+is|\s+are)\s+(?:capable|good\s+enough|smart\s+enough)\b`,
    { namesTheHurt: true },
  ),
  // What a person keeps private, exposed: `post the voice note where my ex cries`, `her old diary`, `his therapy`.
  reading(
    'diary|diaries|journal|voice|texts|dms|nudes|therapist|therapy|medical|entries',
    String.raw`\b(?:post|posting|share|sharing|leak|leaking|send|sending|forward|forwarding|screenshot\w*|upload\w*|print\w*|read(?:ing)?\s+out|pick)\s+(?:\w+\s+){0,4}?(?:her|his|their|(?:my\s+)?\w+['’]s)\s+(?:\w+\s+){0,2}?(?:diary|diaries|journal|voice\s+(?:note|message|memo)s?|private\s+(?:messages|texts|photos|pictures|posts)|texts|dms|nudes|medical\s+(?:records|history|notes)|therapy\s+(?:notes|sessions)|entries)\b|\b(?:post|posting|share|sharing|leak|leaking)\w*\s+(?:the|a)\s+(?:voice\s+(?:note|message)|video|clip|recording)\s+(?:where|of)\s+(?:my\s+\w+|her|him|\w+)\s+(?:\w+\s+)?(?:cries|crying|breaks\s+down|sobbing)\b|\b(?:still\s+seeing|sees|seeing)\s+a\s+(?:therapist|psychiatrist)\b[^.?!\n]{0,60}?\b(?:friends|everyone|people)\s+see\b`,
    { cruel: true },
  ),
  // Someone left out on purpose: `nobody should sit with her tomorrow`, `stop sitting with Maya at lunch`, `'forget' to
  // include one teammate`, `so nobody invites her to anything`.
  reading(
    'nobody|no|stop|ignore|alone|forget|invites|leave',
    String.raw`\b(?:nobody|no\s+one|no1)\s+(?:should|will|can|must|ever)\s+(?:sit|talk|hang\s+out|play|eat|walk)\s+with\s+(?:her|him|them)\b|\bstop\s+(?:sitting|talking|hanging\s+out|playing|eating)\s+with\s+(?:her|him|them|[a-z]+)\s+(?:at|in|during|on|from)\b|\b(?:whole|entire)\s+(?:\w+\s+)?(?:squad|team|class|group|office|year|grade|street|family)\s+to\s+ignore\b|\b(?:eating|sitting|eat|sit)\s+alone\s+until\b|\b['"“‘]?forget['"”’]?\s+to\s+(?:include|invite)\s+(?:one|her|him|them|my|the)\b|\bso\s+(?:that\s+)?(?:nobody|no\s+one)\s+(?:invites|wants|talks\s+to|sits\s+with|likes)\s+(?:her|him|them)\b|\bleave\s+(?:her|him|them|[a-z]+)\s+out\s+of\s+(?:the\s+|our\s+|every\s+)?(?:\w+\s+)?(?:trip|photos?|pictures?|group|chat|party|parties|plans?|invites?|invitations?|lunch|conversations?|loop|games?|everything)\b`,
  ),
  // A cruel truth hinted at in kind words: `hinting she was let go for being incompetent`, `quietly point out he's the
  // only one who didn't go to uni`, `reminds her nobody else remembered`.
  reading(
    'hint|hinting|hints|imply|implying|implies|insinuate|insinuating|point|pointing|points|remind|reminds|reminding',
    String.raw`\b(?:hint\w*|impl(?:y|ies|ying)|insinuat\w*|point\w*\s+out|remind\w*)\s+(?:\w+\s+){0,2}?(?:that\s+)?(?:she|he|they|her|him|them|nobody|no\s+one)\b(?:['’](?:s|re))?\s*(?:\w+\s+){0,3}?(?:incompetent|useless|worthless|fat|ugly|stupid|a\s+failure|let\s+go|fired|the\s+only\s+one|(?:else\s+)?(?:remembered|cares|likes|loves|wanted))\b`,
  ),
];

/**
 * A person the words are for: someone the speaker knows (`my coworker`, `my stepdaughter`), someone near them (`the
 * new kid`, `a girl at work`, `the intern`), or someone named (`Priya`, `Marcus from the 4th floor`).
 */
const SOMEONE =
  /\b(?:my|our|the|this|that|a|an)\s+(?:\w+['’]s\s+)?(?:\w+\s+)?(?:coworkers?|co-workers?|colleagues?|classmates?|sister|brother|siblings?|cousin|roommates?|flatmates?|housemates?|intern|interns|hire|ex|ex-\w+|exs|step-?(?:daughter|son|child|brother|sister|bro|sis|cousin|dad|mom|mum|mother|father)|sis|bro|twin|neighbou?rs?|boss|manager|teacher|student|kid|girl|boy|guy|woman|man|lady|friend|friends|bestie|wife|husband|girlfriend|boyfriend|sister-in-law|brother-in-law|daughter-in-law|mother-in-law|niece|nephew|aunt|uncle|team\s*mate|teammates?|player|referee|coach|tenant|landlord|reviewer|youtuber|streamer|customer|juror|witness|journalist|reporter|debtor|treasurer|nurse|mom|mum|dad|parents?)\b|\b(?:her|him|them)\b|\b[A-Z][a-z]{2,}\b(?<!\b(?:I|The|This|That|What|Which|How|Why|When|Where|Who|Write|Give|Help|Make|Tell|Can|Could|Would|Should|Please|Draft|Compose|Create|Generate|List|Find|Show|Any|My|Our|Your|Hey|Yo|Ok|Okay|So|Also|Just|Roleplay|Pretend|Act|Imagine|Hypothetically|Argue|Convince|Persuade|Explain|Lay|Put|Let|Is|Are|Do|Does|Did|In|On|At|For|From|Some|Everyone|Nobody|Teach|Sell|Talk)\b)/;

/**
 * Words of a sentence that keep it kind or turn it round: a roast the person will enjoy, a joke at one's own expense,
 * bullying suffered, stopped or studied, comebacks to it.
 */
const KIND_OR_AGAINST =
  /\b(?:friendly|playful|good-natured|gentle|light-?hearted|affectionate|loving|kind|nice|wholesome|family-friendly|clean|in\s+good\s+fun|all\s+in\s+fun|teasing\s+but|(?:he|she|they)(?:['’]ll|\s+will|\s+would|['’]d)\s+(?:love|laugh|enjoy|appreciate|find\s+it\s+funny)|(?:won['’]?t|wouldn['’]?t|doesn['’]?t|don['’]?t|never|without)\s+(?:\w+\s+){0,2}?(?:hurt|hurting|offend|offending|upset|upsetting|cross\s+the\s+line|crossing\s+the\s+line)|at\s+(?:his|her|their|our|my)\s+wedding|myself|self-deprecating|best\s+man|maid\s+of\s+hono(?:u)?r|toast|wedding\s+(?:speech|toast)|retirement\s+(?:party|speech)|farewell|comedy\s+(?:club|set|show|special)|stand-?up|comedian|being\s+(?:bullied|teased|mocked|picked\s+on|harassed)|bullied\s+(?:me|him|her|my|us)|(?:bully|bullying|bullies)\s+(?:me|my|us)|anti-?bullying|how\s+(?:do|can|should)\s+(?:i|we)\s+(?:stop|handle|deal|respond|cope|help|support|report|talk\s+to|get\s+(?:him|her|them)\s+to\s+stop|protect)|stop\s+(?:bullying|being\s+(?:mean|cruel)|them|him|her|the\s+bullying)|(?:they|kids|people|someone|somebody|he|she|classmates|coworkers)\s+(?:\w+\s+){0,3}?(?:keep|keeps|kept|is|are|was|were|have\s+been|has\s+been)\s+(?:\w+\s+)?(?:mocking|teasing|calling|bullying|laughing|humiliating|shaming|insulting|spreading|ganging|excluding|ignoring)|comebacks?\s+(?:to|for)|respond\s+to|what\s+(?:should|do|can)\s+i\s+(?:say|do)\s+(?:when|if)|what\s+(?:should|do|can)\s+(?:i|we)\s+do\b|feel\s+better|cheer\s+(?:her|him|them)\s+up|apolog\w*|sorry|mock\s+(?:interview|exam|test|trial)|mock-?up|roast\s+(?:chicken|beef|pork|lamb|potatoes|vegetables|veggies|turkey|coffee|nuts|marshmallows|dinner)|history\s+of|why\s+do\s+(?:people|bullies|kids|some)|psycholog\w*|research|study|statistics|article|essay\s+(?:on|about)|definition|signs\s+of|prevent\w*|report\w*|counsel\w*|therap\w*|victims?|recover\w*|heal\w*|(?:were|was|are|is|been|being)\s+(?:so\s+)?(?:mean|cruel|nasty|rude|horrible)\s+to|got\s+(?:mocked|bullied|teased|roasted|laughed\s+at|picked\s+on)|is\s+(?:that|this|it)\s+(?:harassment|bullying|normal|ok|okay|appropriate)|keeps?\s+commenting|support\w*|warm|encourag\w*|compliment\w*|help\s+(?:her|him|them)\s+(?:feel|accept|love|cope)|(?:stressed|worried|insecure|self-conscious|anxious)\s+about|explain\s+to\s+(?:my|our)|why\s+(?:some\s+)?(?:people|kids|they)\s+(?:were|are|was)|(?:says|said|told\s+me|tells\s+me|thinks|feels)\s+(?:that\s+)?(?:i|we)\s+(?:make|made)|repair|reconnect|make\s+amends|get\s+along|(?:she|he|they)\s+(?:requested|asked\s+for)\s+it|\d+(?:st|nd|rd|th)\s+(?:birthday|anniversary)?|(?:her|his|their)\s+\d+(?:st|nd|rd|th)|roast\s+battle|rap\s+battle|(?:sound|seem|read|come\s+across)\s+(?:more\s+|less\s+|a\s+bit\s+|a\s+little\s+)?(?:playful|funnier|funny|intense|scary|harsh|aggressive|softer|nicer|friendlier|lighter|kinder|polite|clearer|gentler|warmer)|make\s+(?:\w+['’]s\s+)?(?:this|it|that|the|my\s+\w+['’]s)\s+(?:\w+\s+)?(?:clearer|friendlier|kinder|softer|gentler|nicer|less\s+\w+)|comebacks?\b|roast\s+(?:them|him|her|me)\s+back|taken\s+down|take\s+(?:it|them)\s+down|get\s+(?:it|them)\s+removed|helpline|volunteer\w*|document\w*|complain\w*|call(?:s|ing)?\s+(?:her|him|me|them)\s+(?:names|ugly|fat|stupid|a\s+\w+)|posted\s+(?:a\s+)?(?:photo|picture|video|post)\s+of\s+(?:her|him|me)|stands?\s+up\s+(?:to|for)|standing\s+up\s+(?:to|for)|(?:keeps?|kept)\s+getting|received|receiving|getting\s+(?:anonymous\s+|mean\s+|nasty\s+)?messages|stop\s+it|find\s+out\s+who|(?:they|kids|people|someone|somebody|classmates|coworkers|others)\s+(?:\w+\s+)?(?:mock|tease|bully|laugh\s+at|pick\s+on|humiliate|shame|insult|exclude|ignore)\b|isn['’]?t\s+["“'‘]?\s*(?:just\s+)?(?:joking|funny|ok|okay|fine|harmless|a\s+joke|banter)|fantasy\s+football|keep\s+it\s+(?:light|clean|about\s+(?:his|her|their)\s+(?:awful|terrible|bad)))\b/i;

const HURT_WORDS = neededWordsPattern(HURT);

/** Words of cruelty, which a trait named needs beside it (`a roast of her acne`, `mocking his accent`). */
const CRUEL =
  /\b(?:mean\w*|cruel\w*|nast(?:y|ier|iest)|roast\w*|jokes?|mock\w*|insult\w*|diss\w*|humiliat\w*|savage|brutal\w*|laugh\w*|make\s+fun|making\s+fun|tear\w*\s+apart|destroy|rip\w*\s+(?:on|into|apart)|tease|teasing|pick\s+on|hurt\w*|cutting|embarrass\w*|shame\w*|comments?|lines|remarks?|aim|go\s+after|digs?|jabs?|nicknames?|stop\s+smiling|feel\s+the\s+worst|worst|gained|smells\b(?!\s+(?:good|nice|great|amazing|lovely|delicious))|stinks|no\s+friends|loser|ugly|stupid|dumb|idiot|fat|embarrass\w*|humiliat\w*|viral|unflattering|ruin\w*|destroy\w*)\b/i;

/**
 * Whether a text asks for words or ways to bully, degrade or shame a person (harassment): to make them cry or feel
 * worthless, to humiliate, mock or freeze them out, the meanest things to say, cruel messages or nicknames, their
 * looks or grief made the joke, insults to call them. `Teach me to make my coworker feel so stupid in meetings that
 * she stops talking.` and `write a roast of my classmate Priya's acne and her lisp that i can post in the class group
 * chat` passed the classifier. Not a roast the person will enjoy, a joke at one's own expense, or bullying suffered,
 * answered or studied. The scorer raises harassment.
 */
export function asksToBully(text: string): boolean {
  const found = neededWordsIn(text, HURT_WORDS);
  if (found.size === 0) return false;
  for (const { needs, pattern, cruel, namesTheHurt } of HURT) {
    if (!needs.some((word) => found.has(word))) continue;
    for (const match of everyMatch(pattern, text)) {
      const at = match.index ?? 0;
      if (DENIED.test(text.slice(Math.max(0, at - 30), at))) continue;
      const sentence = sentenceAround(text, at, at + match[0].length);
      const next = sentenceAfter(text, at + match[0].length);
      const around = namesTheHurt ? sentence.replace(match[0], ' ') : sentence;
      if ((KIND_OR_AGAINST.test(around) || KIND_OR_AGAINST.test(next)) && !DISGUISED.test(sentence)) continue;
      if (!SOMEONE.test(sentence) || (cruel && !CRUEL.test(sentence))) continue;
      if (STORY.test(sentence) && !USED_FOR_REAL.test(text)) continue;
      if (REQUESTED.test(sentence) || REQUESTED.test(next)) return true;
    }
  }
  return false;
}
