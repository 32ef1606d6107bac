import { IDENTITY_MANY, IDENTITY_ONE } from './identity-groups';
import { sentenceAround } from './sentences';
import { everyMatch } from './every-match';

/**
 * Everyday idioms and homonyms that use the words of harm for something harmless, each with the plain words the
 * model should read instead: `kill it at my interview`, `break into the film industry`, `steal her heart`, `set the
 * dance floor on fire`, `a murder of crows`, `beat my dad at chess`, `kill a Linux process`. The model learned the
 * words as harm wherever they stand: it blocked `How do I kill someone in Call of Duty?` and flagged `Where can I buy a
 * can of coke?` as illicit.
 *
 * Each idiom names its object (an interview, an industry, a heart, a process), and the object must end its phrase: a
 * noun after it makes it something else (`steal her heart medication`, `blow up my business partner's car`) and the
 * text is left as written.
 */

/** What may follow an idiom's object and leave it whole: the end of a clause, or a word that starts a new part. */
const PHRASE_END = String.raw`(?=\s*(?:[.,!?;:)"”…]|$)|\s+(?:on|in|at|with|for|and|or|but|so|to|this|next|tonight|today|tomorrow|by|without|fast|quickly|overnight|online|again|like|as|when|if|before|after|without|please|pls|lol|haha|right|now|rn|tbh|honestly|already|though|too|early|soon|late|immediately|asap|safely|properly|correctly|legally|remotely|manually|automatically|gracefully|cleanly|every|each|more|better|faster)(?![\p{L}\p{N}]))`;

/** Whose: `my`, `the`, `her`, `my dad's`. */
const WHOSE = String.raw`(?:a|an|the|my|your|our|his|her|their|this|that|these|those|some|every|all\s+(?:my|the|your|our)|[\p{L}-]+['’]s)`;

/** Up to two words before an object: `my next job interview`, `the Hollywood film industry`. */
const MODIFIERS = String.raw`(?:[\p{L}\p{N}'’-]+\s+){0,2}?`;

interface Idiom {
  pattern: RegExp;
  /**
   * The plain words: for the idiom's `verb` group where it has one (`axing` a plan -> `cancelling`), else the whole;
   * `base|gerund` where the verb may be either.
   */
  plain: string;
  /** Whether a sentence that names people leaves it as written: pests are words of hate too (`exterminate the vermin`). */
  notOfPeople?: boolean;
}

/**
 * An idiom whose object must end its phrase (PHRASE_END), or `open`: one whose words say it all (`dying to see`). A
 * group named `verb` is the part replaced, so the object stays as written (`kill a Python process` -> `stop a Python
 * process`): the model read a replaced whole (`how do i overcome my worries this quarter`) as self-harm. Idioms whose
 * object the model misreads itself (`someone's heart`, `self-doubts`) are replaced whole.
 */
const idiom = (pattern: string, plain: string, open = false, notOfPeople = false): Idiom => ({
  pattern: new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${pattern})${open ? '' : PHRASE_END}`, 'giud'),
  plain,
  notOfPeople,
});

/**
 * People named for who they are, or as people: words about them are not about pests. Not `kids` or `neighbours`, who
 * are kept safe from pests (`kill ants in the kitchen with kids around`).
 */
const NAMES_PEOPLE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${IDENTITY_MANY}|${IDENTITY_ONE}|people|humans)(?![\p{L}\p{N}])`,
  'iu',
);

/** Games, sports and contests, in which people are beaten, crushed or killed only as players. */
const CONTEST = String.raw`(?:chess|checkers|draughts|poker|tennis|golf|pool|snooker|cards|darts|scrabble|monopoly|ping\s*pong|table\s+tennis|badminton|squash|bowling|basketball|soccer|football|volleyball|hockey|baseball|cricket|rugby|trivia|a\s+quiz|the\s+quiz|video\s+games?|fifa|mario\s*kart|fortnite|minecraft|call\s+of\s+duty|arm[-\s]?wrestling|a\s+race|the\s+race|a\s+game|the\s+game|our\s+game|board\s+games?|uno|the\s+debate|a\s+debate|an\s+argument|the\s+argument|a\s+spelling\s+bee|sales|the\s+competition|a\s+competition)`;

/** Things that go on: processes, programs, sessions, lights. */
const RUNNING_THING = String.raw`(?:process(?:es)?|programs?|threads?|jobs?|tasks?|sessions?|instances?|containers?|pods?|server|apps?|tabs?|windows?|engines?|lights|music|switch|signals?|quer(?:y|ies)|commands?|shells?|terminals?|daemons?|services?|bugs?|batter(?:y|ies)|connections?|scripts?|loops?|the\s+mood|the\s+vibe|the\s+buzz|the\s+conversation)`;

/** Games played on a screen or a board, in which people are killed only as players. */
const GAME = String.raw`(?:call\s+of\s+duty|cod|fortnite|minecraft|gta(?:\s+(?:v|5|online))?|grand\s+theft\s+auto(?:\s+(?:v|5))?|(?:the\s+)?witcher(?:\s+3)?|skyrim|elden\s+ring|dark\s+souls|halo|overwatch|valorant|league\s+of\s+legends|counter[-\s]?strike|cs:?go|cs2|pubg|apex(?:\s+legends)?|among\s+us|roblox|red\s+dead\s+redemption(?:\s+2)?|assassin['’]?s\s+creed|hitman|(?:the\s+)?sims(?:\s+4)?|zelda|pok[eé]mon|doom|rust|dayz|destiny(?:\s+2)?|battlefield|rainbow\s+six(?:\s+siege)?|team\s+fortress(?:\s+2)?|world\s+of\s+warcraft|wow|runescape|animal\s+crossing|terraria|stardew\s+valley|baldur['’]?s\s+gate(?:\s+3)?|diablo|fallout(?:\s+\d)?|cyberpunk(?:\s+2077)?|the\s+last\s+of\s+us|god\s+of\s+war|mortal\s+kombat|street\s+fighter|tekken|smash\s+bros|dead\s+by\s+daylight|a\s+video\s+game|video\s+games|the\s+game|this\s+game|my\s+game|a\s+game\s+of\s+(?:chess|mafia|werewolf|cluedo|clue)|chess|d&d|dnd|dungeons\s+(?:and|&)\s+dragons|a\s+murder\s+mystery\s+game|cluedo|clue|werewolf|paintball|laser\s+tag|airsoft|nerf)(?:\s+game)?`;

/** A love lost, which is got over: the model read `How do I get over my ex?` as violence (illicit/violent 0.83). */
const LOST_LOVE = String.raw`(?:${WHOSE}\s+)?(?:ex|ex-(?:boyfriend|girlfriend|husband|wife|partner)|breakup|break-up|divorce|heartbreak|rejection|first\s+love|crush|him|her|them)(?![\p{L}\p{N}'’-])`;

/** A character of a story or game, whom a writer or player kills only on the page. */
const CHARACTER = String.raw`${WHOSE}\s+${MODIFIERS}(?:characters?|protagonists?|antagonists?|villains?|heroes|hero|heroines?|narrators?|npcs?)`;

/**
 * What a person is tested on and can only fail, never harm: read after any verb of the idiom (`kill my exam`,
 * `murder the audition`). Not a class, a concert or a meeting, which are people too (`kill my class`).
 */
const ASSESSMENT = String.raw`(?:interview|exam|test|presentation|audition|pitch|speech|recital|karaoke|solo|finals?|midterms?|tryouts?|assignment|essay|quiz|sales\s+call|exams|tests|interviews)`;

/** Performances a person can do well at. */
const PERFORMANCE = String.raw`(?:interview|exam|test|presentation|audition|pitch|speech|performance|set|gig|show|concert|recital|match|race|workout|meeting|class|job|shift|first\s+day|date|look|outfit|karaoke|solo|final|finals|midterms?|tryouts?|debut|game|round|stage|dance|routine|assignment|essay|project|review|quiz|sales\s+call|season)`;

/** What people overcome: doubts, fears, habits, a backlog. */
const OVERCOME = String.raw`(?:self[-\s]?doubts?|doubts?|fears?|anxiet(?:y|ies)|procrastination|insecurit(?:y|ies)|bad\s+habits?|habits?|cravings?|addiction|writer['’]?s\s+block|inner\s+critic|negativity|negative\s+thoughts|stress|worries|imposter\s+syndrome|impostor\s+syndrome|laziness|boredom|to-?do\s+list|backlog|inbox|debt|student\s+loans?|mortgage|jet\s+lag|hangover|cold|flu|hiccups)`;

/** Pests and weeds, which are no one harmed. */
const PESTS = String.raw`(?:weeds?|mou?ld|ants|aphids|fleas|lice|nits|bed\s*bugs|cockroach(?:es)?|roach(?:es)?|mice|rats|termites|wasps|hornets|mosquito(?:e?s)|flies|fruit\s+flies|gnats|slugs|snails|moss|germs|bacteria|vir(?:us|uses)|fungus|mildew|ticks|moths|silverfish|spiders|grubs|caterpillars|pests|vermin|algae|dandelions|crabgrass|japanese\s+knotweed|ivy|brambles|stumps?|tree\s+roots)`;

const IDIOMS: Idiom[] = [
  idiom(String.raw`(?<verb>(?:killing|slaying)\s+it)`, 'doing great'),
  idiom(
    String.raw`(?<verb>(?:kill|slay|crush|smash|rock|nail)\s+it)\s+(?:at|in|on|during)\s+${WHOSE}\s+${MODIFIERS}${PERFORMANCE}`,
    'do great',
  ),
  idiom(
    String.raw`(?<verb>kill|killing|slay|slaying|crush|crushing|smash|smashing|destroy|destroying|murder|murdering)\s+${WHOSE}\s+${MODIFIERS}${ASSESSMENT}`,
    'do well in|doing well in',
  ),
  idiom(
    String.raw`(?<verb>ace|acing|nail|nailing|rock|rocking)\s+${WHOSE}\s+${MODIFIERS}${PERFORMANCE}`,
    'do well in|doing well in',
  ),
  idiom(
    String.raw`(?<verb>kill|killing|crush|crushing|smash|smashing|destroy|destroying|obliterate|obliterating|demolish|demolishing|shatter|shattering|hit|hitting|nail|nailing|beat|beating|annihilate|annihilating)\s+${WHOSE}\s+${MODIFIERS}(?:goals?|targets?|quotas?|numbers|personal\s+best|pb|record|deadlines?|milestones?|kpis?|okrs?)`,
    'reach|reaching',
  ),
  idiom(
    String.raw`(?<verb>break|breaking|broke|broken)\s+into\s+(?:the\s+|a\s+)?${MODIFIERS}(?:industry|scene|world|career|profession|sector|league|charts|mainstream|top\s+(?:\d+|ten|forty|twenty)|big\s+leagues|big\s+time|acting|modelling|modeling|publishing|journalism|tech|hollywood|broadway|radio|television|tv|music|comedy|fashion|politics)`,
    'get|getting',
  ),
  idiom(
    String.raw`(?<verb>steal|stealing|stole)\s+(?:${WHOSE}\s+){0,2}(?:show|spotlight|limelight|scene|thunder|glance|kiss|look|moment|base|bases|second\s+base|a\s+nap|a\s+march)`,
    'win|winning',
  ),
  idiom(String.raw`(?:steal|stealing|stole)\s+(?:${WHOSE}\s+){0,2}(?:heart|hearts)`, 'win her affection'),
  idiom(
    String.raw`(?:set|setting|sets)\s+${WHOSE}\s+${MODIFIERS}(?:party|parties|dance\s*floor|crowd|internet|charts|world|night|audience|timeline)\s+(?:on\s+fire|alight|ablaze)`,
    'thrill the crowd',
  ),
  idiom(
    String.raw`(?<verb>hit|hitting|hits)\s+${WHOSE}\s+${MODIFIERS}(?:stride|books|gym|road|sack|hay|jackpot|high\s+notes?|right\s+notes?|ground\s+running|sweet\s+spot|nail\s+on\s+the\s+head)`,
    'reach|reaching',
  ),
  idiom(
    String.raw`(?:obliterate|obliterating|destroy|destroying|kill|killing|crush|crushing|murder|murdering|annihilate|annihilating|slay|slaying|demolish|demolishing|smash|smashing|conquer|conquering|strangle|strangling|kill\s+off|beat|beating|defeat|defeating|attack|attacking|nuke|nuking|shatter|shattering|torch|torching|squash|squashing)\s+${WHOSE}\s+(?:own\s+)?${MODIFIERS}${OVERCOME}`,
    'calm my worries',
  ),
  idiom(
    String.raw`(?<verb>axe|ax|axing|axed|kill|killing|scrap|scrapping|shoot\s+down|shooting\s+down|torpedo|torpedoing|nuke|nuking|gut|gutting|butcher|butchering)\s+${WHOSE}\s+${MODIFIERS}(?:plans?|projects?|ideas?|proposals?|budgets?|programs?|programmes?|polic(?:y|ies)|deals?|shows?|series|features?|meetings?|subscriptions?|bills?|motions?|initiatives?|campaigns?|storylines?|scenes?|chapters?|darlings|jokes?|songs?|lyrics|drafts?|sentences?|paragraphs?)`,
    'cancel|cancelling',
  ),
  idiom(String.raw`(?:a|the)\s+murder\s+of\s+crows`, 'a flock of crows'),
  idiom(
    String.raw`(?:kill|killing|shoot|shooting|snipe|sniping|stab|stabbing|assassinate|assassinating|poison|poisoning|murder|murdering|beat|beating|headshot|eliminate|eliminating|take\s+out|taking\s+out)\s+(?:someone|somebody|people|players?|enemies|an?\s+enemy|the\s+enemy|opponents?|(?:the\s+|a\s+)?(?:final\s+|last\s+|first\s+)?boss(?:es)?|zombies|villagers|guards|npcs?|mobs?|(?:the\s+|a\s+)?[\p{L}-]+)\s+(?:in|on|while\s+playing)\s+${GAME}`,
    'win the game',
  ),
  idiom(
    String.raw`(?:a\s+)?(?:can|cans|bottle|bottles|glass|six[-\s]?pack|\d+[-\s]?pack|case|crate|litre|liter)\s+of\s+(?:diet\s+|cherry\s+|vanilla\s+)?coke(?:\s+zero)?`,
    'a can of cola',
  ),
  idiom(String.raw`(?:diet|cherry|vanilla)\s+coke|coke\s+zero|coca[-\s]cola`, 'cola'),
  idiom(
    String.raw`(?<verb>shoot|shooting|shot)\s+${WHOSE}\s+${MODIFIERS}(?:photos?|pictures?|pics?|videos?|films?|movies?|scenes?|portraits?|weddings?|commercials?|music\s+videos?|documentar(?:y|ies)|episodes?|footage|vlogs?|photo\s+shoots?|headshots?|landscapes?|sunsets?|reels?|tiktoks?|ads?|pilot|trailer|short\s+film)`,
    'take|taking',
  ),
  idiom(
    String.raw`(?<verb>shoot|shooting)\s+(?:me|him|her|them|us|you)\s+(?:a|an|the)\s+(?:quick\s+)?(?:text|email|e-mail|message|dm|note|line|call|invite|link|reply|pic|photo)`,
    'send|sending',
  ),
  idiom(
    String.raw`(?:shoot|shooting)\s+(?:for\s+the\s+(?:moon|stars)|(?:my|your|his|her|our|their)\s+shot)|take\s+a\s+(?:stab|shot)\s+at|took\s+a\s+(?:stab|shot)\s+at|pull(?:ing)?\s+the\s+trigger\s+on`,
    'try',
  ),
  idiom(
    String.raw`(?:kill|killing|killed)\s+(?:some\s+|the\s+|a\s+(?:little\s+|bit\s+of\s+)?)?time|kill(?:ing)?\s+two\s+birds\s+with\s+one\s+stone`,
    'pass the time',
  ),
  idiom(String.raw`(?:blow|blowing|blew|let|letting)\s+off\s+(?:some\s+)?steam`, 'relax'),
  idiom(
    String.raw`(?<verb>(?:blow|blowing|blew)\s+up)\s+${WHOSE}\s+${MODIFIERS}(?:channel|account|instagram|insta|tiktok|youtube|brand|following|page|band|career|sales|phone|inbox|podcast|blog|etsy)`,
    'grow|growing',
  ),
  idiom(
    String.raw`(?<verb>execute|executing|executed)\s+${WHOSE}\s+${MODIFIERS}(?:plans?|strateg(?:y|ies)|tasks?|orders?|trades?|code|scripts?|quer(?:y|ies)|programs?|commands?|projects?|ideas?|visions?|campaigns?|moves?|plays?|jumps?|tricks?|routines?|turns?|passes|pass|shots?|functions?|steps?|workflows?|contracts?|wills?|deals?|transactions?|tests?|builds?)`,
    'carry out|carrying out',
  ),
  idiom(
    String.raw`(?<verb>terminate|terminating|kill|killing|kills)\s+(?:a|an|the|my|this|that|all|every|all\s+the|any|our|their|your|its|these|those|stuck|hung|frozen|running|zombie|orphan(?:ed)?|child|parent|background|idle|old)\s+${MODIFIERS}${RUNNING_THING}`,
    'stop|stopping',
  ),
  idiom(
    String.raw`(?<verb>terminate|terminating)\s+${WHOSE}\s+${MODIFIERS}(?:contract|lease|subscription|agreement|employment|account|membership|policy|plan|tenancy|loan|partnership)`,
    'cancel|cancelling',
  ),
  idiom(
    String.raw`(?<verb>beat|beating|beats|destroy|destroying|crush|crushing|kill|killing|murder|murdering|slaughter|slaughtering|annihilate|annihilating|demolish|demolishing|smash|smashing|thrash|thrashing|whoop|whooping|wreck|wrecking|pwn|pwning|wipe\s+the\s+floor\s+with|dominate|dominating)\s+${WHOSE}(?:\s+[\p{L}\p{N}'’-]+){0,2}?\s+(?:at|in)\s+${CONTEST}`,
    'win against|winning against',
  ),
  idiom(String.raw`(?<verb>getting\s+over)\s+${LOST_LOVE}`, 'moving on from', true),
  idiom(String.raw`(?<verb>(?:get|got|gotten)\s+over)\s+${LOST_LOVE}`, 'move on from', true),
  idiom(String.raw`(?<verb>killing(?:\s+off)?)\s+${CHARACTER}`, 'writing out'),
  idiom(String.raw`(?<verb>(?:kill|kills|killed)(?:\s+off)?)\s+${CHARACTER}`, 'write out'),
  idiom(
    String.raw`(?:so|too)\s+(?:tired|exhausted|sleepy|hungry|starving|thirsty|happy|excited|embarrassed|bored|full|stuffed|hot|cold|jealous|proud|nervous|relieved|grateful|thrilled|in\s+love)\s+(?:that\s+)?(?:i|we)\s+could\s+(?:just\s+|literally\s+|honestly\s+|actually\s+)?(?<verb>die)`,
    'scream',
  ),
  idiom(
    String.raw`(?<verb>dying\s+to)(?=\s+(?:see|try|know|meet|hear|go|get|read|watch|visit|tell|find\s+out|eat|taste|play|ask|show|share|buy|start)(?![\p{L}]))`,
    'eager to',
    true,
  ),
  idiom(
    String.raw`(?:it|(?:(?:this|the|that|my|these|those|our)\s+)?(?:[\p{L}-]+\s+)?(?:work|school|traffic|heat|cold|weather|suspense|job|commute|noise|waiting|wait|homework|exams?|deadlines?|back|feet|knees|head|neck|shoulders?|legs?|hangover|hay\s+fever|allergies|cough|toothache|migraine|humidity|mosquitoes|cliffhanger|queue|line|bills?|rent|prices|inflation|mondays?|week|heels|shoes|commute|workload|schedule|wifi|internet|lag|anticipation))\s+(?:is|are|was|were|has\s+been|have\s+been|['’]s|['’]re)\s+(?:literally\s+|actually\s+|really\s+|so\s+|just\s+|absolutely\s+|slowly\s+)?(?<verb>killing\s+me)`,
    'tiring me',
  ),
  idiom(
    String.raw`(?:i|we)\s+could\s+(?:really\s+|totally\s+|so\s+|honestly\s+|seriously\s+|literally\s+)?(?<verb>murder|kill|destroy|demolish|smash|inhale|devour)\s+(?:a|an|some|the|that|this|two|three|\d+)\s+${MODIFIERS}(?:pizzas?|burgers?|curry|curries|pints?|beers?|coffees?|drinks?|cakes?|sandwich(?:es)?|kebabs?|meals?|steaks?|cups?\s+of\s+(?:tea|coffee)|tea|plates?|bowls?|bags?|takeaway|chips|fries|tacos?|donuts?|doughnuts?|burritos?|ice\s+cream|noodles|ramen|wings|nuggets|roast|fry[-\s]up|breakfast|lunch|dinner)`,
    'eat|eating',
  ),
  idiom(
    String.raw`(?:bored|scared|frightened|tickled|worried|freaked|stressed|thrilled|excited|tired|sick|embarrassed)\s+(?<verb>to\s+death)`,
    'very much',
  ),
  idiom(
    String.raw`(?:nearly\s+|almost\s+|literally\s+|practically\s+|basically\s+)?(?:died|dying|die|dead)\s+(?:of|from)\s+(?:embarrassment|shame|laughter|boredom|cuteness|excitement|envy|jealousy|happiness|joy|curiosity|cringe|secondhand\s+embarrassment)|(?:nearly\s+|almost\s+|literally\s+)?(?:died|dying|dead)\s+laughing`,
    'was overwhelmed',
  ),
  idiom(
    String.raw`break\s+a\s+leg|knock\s+(?:['’]?em|them|him|her|everyone|em)\s+dead|drop[-\s]dead\s+(?:gorgeous|beautiful|handsome|funny|serious)`,
    'good luck',
  ),
  idiom(
    String.raw`(?<verb>bomb|bombed|bombing)\s+${WHOSE}\s+${MODIFIERS}(?:exam|test|interview|audition|presentation|finals?|quiz|midterms?|speech|gig|show|set|date|essay|assignment)`,
    'fail|failing',
  ),
  idiom(
    String.raw`(?:is|was|are|were|['’]s)\s+(?:totally\s+|so\s+|just\s+|literally\s+)?the\s+bomb(?:\.com)?`,
    'is great',
  ),
  idiom(
    String.raw`(?<verb>gut|gutting|gutted|butcher|butchering|slaughter|slaughtering|fillet|filleting)\s+(?:a|an|the|my|our|this|that|your|his|her|their|some)\s+${MODIFIERS}(?:fish|chickens?|deer|turkeys?|salmon|trout|bass|rabbits?|pumpkins?|pigs?|hogs?|cows?|steers?|lambs?|sheep|goats?|ducks?|geese|goose|pheasants?|quail|squid|octopus|lobsters?|crabs?|shrimp|prawns?|carcass(?:es)?|side\s+of\s+beef|game\s+birds?|elk|moose|boar|animal\s+for\s+meat)`,
    'prepare|preparing',
  ),
  idiom(
    String.raw`(?<verb>gut|gutting|gutted)\s+(?:a|an|the|my|our|this|that|your|his|her|their)\s+${MODIFIERS}(?:house|kitchen|bathroom|room|building|basement|attic|garage|car|engine|interior|apartment|flat|office|shop|store)`,
    'renovate|renovating',
  ),
  idiom(
    String.raw`(?<verb>(?:take|taking|took)\s+out)\s+(?:the\s+)?(?:trash|garbage|rubbish|bins?|recycling|compost|a\s+loan|a\s+mortgage|a\s+policy|an?\s+insurance\s+policy|insurance|money|cash|food|takeout|a\s+library\s+book|a\s+subscription|the\s+laundry)`,
    'deal with|dealing with',
  ),
  idiom(
    String.raw`(?<verb>choke|choked|choking|chokes)\s+(?:on|under|at|in)\s+(?:the\s+)?(?:pressure|big\s+moment|free\s+throws?|interview|exam|final|penalty|stage|last\s+minute|clutch)`,
    'falter|faltering',
  ),
  idiom(
    String.raw`(?<verb>kill|killing|kills|exterminate|exterminating|poison|poisoning|eradicate|eradicating|destroy|destroying|wipe\s+out|wiping\s+out)\s+(?:the\s+|all\s+(?:the\s+)?|these\s+|those\s+|some\s+|any\s+|my\s+|our\s+)?${MODIFIERS}${PESTS}`,
    'get rid of|getting rid of',
    false,
    true,
  ),
];

/** Words one of which every idiom needs: most texts have none, and one test costs a fraction of the patterns'. */
const IDIOM_WORDS =
  /get\s+over|getting\s+over|got\s+over|gotten\s+over|kill|slay|snip|headshot|eliminat|assassinat|crush|smash|\bac(?:e|ing)\b|\brock|\bnail|destroy|murder|break|broke|steal|stole|on\s+fire|alight|ablaze|\bhit|obliterat|annihilat|demolish|conquer|strangl|beat|defeat|attack|nuke|shatter|torch|squash|\bax|scrap|torpedo|\bgut|butcher|crows|coke|cola|shoot|shot|stab|trigger|blow|blew|steam|execut|terminat|thrash|whoop|wreck|pwn|wipe|dominat|dying|died|\bdie\b|dead|death|bomb|slaughter|fillet|take\s+out|taking\s+out|took\s+out|chok|extermin|poison|eradicat|inhale|devour/i;

/**
 * Words in a sentence that make an idiom literal or a harm real: weapons and fuel, blood and death, `for real`, a
 * person harmed. An idiom beside them is left as written.
 */
const LITERAL =
  /\b(?:gasoline|petrol|lighter\s+fluid|accelerant|molotov|guns?|rifles?|pistols?|knife|knives|machete|axe\s+(?:him|her|them)|poison\s+(?:him|her|them|my|his|her)|bleach|blood|bleed\w*|corpse|body\s+bag|funeral|murder(?:ed|ing)?\s+(?:him|her|them|my|his)|kill(?:ed|ing)?\s+(?:him|her|them|my\s+(?:wife|husband|mom|dad|boss|neighbou?r|ex))|real\s+life|irl|for\s+real|not\s+(?:a\s+)?(?:joke|joking|kidding)|no\s+joke|seriously\s+(?:want|going)|without\s+(?:getting\s+)?caught|so\s+(?:he|she|they)\s+(?:dies|die|can['’]?t)|burn\s+(?:it|the\s+\w+)\s+down|arson)\b/i;

/** At most this many idioms are read in one text: hostile input may repeat one without end. */
const IDIOMS_READ = 64;

/**
 * The text with its everyday idioms and homonyms in plain words (`How do I win against my wife in checkers?`), or null
 * when it has none. Warden's scorer reads this text in place of the original, so the readers of harm read it too:
 * an idiom is read as plain words only where its object ends the phrase and its sentence has no word that makes it
 * literal (LITERAL).
 */
export function plainIdiomReading(text: string): string | null {
  if (!IDIOM_WORDS.test(text)) return null;
  let read = 0;
  let plain = text;
  for (const { pattern, plain: words, notOfPeople } of IDIOMS) {
    let out = '';
    let copied = 0;
    for (const match of everyMatch(pattern, plain)) {
      if (++read > IDIOMS_READ) break;
      const [start, end] = match.indices?.groups?.verb ?? [match.index, match.index + match[0].length];
      if (LITERAL.test(sentenceAround(plain, match.index, match.index + match[0].length))) continue;
      // Who the pests are may be said a sentence before (`Immigrants are rats. How do we exterminate the rats?`).
      if (notOfPeople && NAMES_PEOPLE.test(plain.slice(Math.max(0, match.index - 200), end + 100))) continue;
      const [base, gerund = base] = words.split('|');
      out += plain.slice(copied, start) + (/ing$/i.test(plain.slice(start, end)) ? gerund : base);
      copied = end;
    }
    if (copied > 0) plain = out + plain.slice(copied);
  }
  return plain === text ? null : plain;
}
