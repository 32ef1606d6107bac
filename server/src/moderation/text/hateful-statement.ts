import { IDENTITY_LIVES, IDENTITY_MANY, IDENTITY_ONE } from './identity-groups';
import { OPEN_QUOTE } from './quotation';

/** Words that sharpen a feeling: `I really hate`, `we just fucking despise`. */
const INTENSIFIERS = String.raw`(?:(?:really|just|truly|fucking|absolutely|honestly|genuinely|seriously|all|totally|so|still|always)\s+){0,3}`;

/** Hatred or contempt the speaker has for people: `hate`, `can't stand`, `am sick of`, `have no compassion for`. */
const HATRED = String.raw`(?:hate|despise|detest|loathe|abhor|can(?:'|’)?t\s+stand|cannot\s+stand|can\s+not\s+stand|am\s+(?:so\s+)?(?:sick\s+of|disgusted\s+by|repulsed\s+by)|(?:have|feel)\s+(?:(?:nothing\s+but|so\s+much|such)\s+(?:contempt|hatred|disgust|disdain|loathing)|no\s+(?:respect|compassion|sympathy|empathy|tolerance|patience|pity|love)(?:\s+(?:at\s+all|whatsoever))?)\s+(?:for|towards?))`;

/**
 * The speaker fed up with people, said with or without `I'm`: `I'm so sick of`, `Disgusted by`, `So sick of being
 * around`, `we're fed up with`.
 */
const FED_UP = String.raw`(?:(?:(?:i(?:'|’)?m|i\s+am|we(?:'|’)re|we\s+are)\s+)?${INTENSIFIERS}(?:sick(?:\s+and\s+tired)?\s+of|tired\s+of|fed\s+up\s+with|disgusted\s+by|repulsed\s+by|sickened\s+by)(?:\s+(?:being\s+around|seeing|dealing\s+with|living\s+with))?)`;

/** The speaker's contempt named: `the utter scorn I feel for`, `the hatred we have towards`. */
const SCORN_FELT = String.raw`(?:(?:the\s+(?:(?:utter|pure|sheer|deep|absolute)\s+)?|how\s+much\s+)(?:scorn|contempt|hatred|disgust|loathing|disdain)\s+(?:that\s+)?(?:i|we)\s+(?:feel|have)\s+(?:for|towards?))`;

/** What may follow a group the speaker says they hate and leave the statement whole (not `women who cheat`). */
const STATEMENT_END =
  /\s*(?:$|[.!?,;:)"”…]|(?:so\s+much|with\s+a\s+passion|more\s+than|and|because|cause|cuz|they|lol|honestly|tbh|around\s+here|in\s+(?:this|our|my)\s+(?:country|place|town|city|neighbou?rhood))(?![\p{L}\p{N}]))/iuy;

/**
 * What a stereotype says people are, beyond contempt (BENEATH_PEOPLE): `violent`, `greedy`, `ghetto`, `bad drivers`;
 * not the teasing kind (`loud`, `rude`, `cheap`). Read only after a word that makes it their nature (`so`, `all`,
 * `naturally`) or in a question that takes it for granted (`Why are Muslims so violent?`): `men are violent more
 * often than women` is a statistic argued, not a slur.
 */
export const STEREOTYPED = String.raw`(?:violent|aggressive|greedy|sneaky|ghetto|ratchet|trashy|ugly|stinky|hysterical|shifty|manipulative|ignorant|uneducated|illiterate|promiscuous|slutty|perverted|perverts|crazy|dangerous|incompetent|unintelligent|hostile|bloodthirsty|corrupt|fanatical|inbred|degenerate|gross|nasty|thieving|money[-\s]hungry|hypersexual|prone\s+to\s+(?:crime|violence|terrorism|stealing|lying)|incapable\s+of\s+(?:real\s+)?(?:feelings|love|thought|thinking|learning|empathy)|drunk|drunks|alcoholics|gold[-\s]diggers|groomers|cheaters|frauds|spies|freeloaders|moochers|backwards?|senile|soulless|(?:bad|terrible|awful|horrible|the\s+worst)\s+(?:drivers|parents|mothers|fathers|workers|neighbou?rs|at\s+(?:driving|math|maths|science|leading|everything)))`;

/** What people are said to be when they are denied being people, or held beneath them. */
export const BENEATH_PEOPLE = String.raw`(?:animals|vermin|rats|cockroaches|roaches|parasites|pests|scum|filth|trash|garbage|rubbish|subhumans?|sub-humans?|savages|pigs|apes|monkeys|dogs|beasts|insects|leeches|lice|maggots|worms|swine|mongrels|degenerates|freaks|abominations|inferior|worthless|disgusting|revolting|repulsive|vile|filthy|dirty|pathetic|useless|evil|lesser\s+(?:beings|people|humans)|less\s+than\s+(?:fully\s+)?human|half[-\s]human|(?:suicide\s+)?bombers|too\s+(?:emotional|weak|irrational|primitive|simple)\s+to\s+(?:lead|vote|govern|think|decide|drive|work|be\s+trusted)|rodents|mutants|locusts|sewage|defective(?:\s+(?:goods|products|objects|models))?|broken\s+(?:objects|toys|dolls|goods)|(?:a\s+|an\s+)?evolutionary\s+dead[-\s]end|(?:a\s+|an\s+)?(?:plague|disease|cancer|tumou?r|infestation|contagion|virus|curse|blight|stain|disgrace|burden|waste\s+of\s+(?:space|oxygen|air|skin))|despicable|sickening|repugnant|brainless|the\s+(?:absolute\s+)?worst|a\s+(?:threat|danger)\s+to\s+(?:(?:western\s+|our\s+)?civili[sz]ation|society|humanity|our\s+country)|criminals|thieves|rapists|terrorists|pedophiles|paedophiles|predators|scammers|liars|cheats|thugs|invaders|primitive|backward|barbaric|uncivili[sz]ed|(?:less|not)\s+(?:evolved|intelligent|civili[sz]ed)|genetically\s+inferior|stupid|dumb|idiots|morons|lazy|smelly|too\s+(?:stupid|dumb)|dishonest|untrustworthy|assholes|arseholes|scumbags|dickheads|bastards|shitheads|the\s+(?:dumbest|stupidest|ugliest|laziest|dirtiest|worst)\s+(?:people|humans|beings|creatures))`;

/**
 * Beasts, pests, filth and disease that people are likened to or ranked below: `rats`, `a swarm of locusts`, `livestock`,
 * `mould`, `a stray dog`, `the dirt under my shoe`.
 */
export const LOWER_BEINGS = String.raw`(?:(?:a|an|the|some|any|my|our|your|his|her|their|this|that)\s+)?(?:(?:swarm|plague|pack|herd|horde|bunch|nest|colony|troop|litter)\s+of\s+)?(?:(?:stray|wild|rabid|filthy|dirty|mangy|feral|common|dumb|little)\s+)?(?:animals?|beasts?|vermin|rats?|mice|cockroach(?:es)?|roach(?:es)?|parasites?|pests?|insects?|bugs?|leeches|lice|maggots?|worms?|apes?|monkeys?|baboons?|gorillas?|chimps?|chimpanzees?|dogs?|mutts?|pigs?|swine|hogs?|cattle|cows?|livestock|sheep|goats?|rabbits?|locusts?|termites?|ants?|flies|fleas|ticks|mosquito(?:e?s)?|snakes?|hyenas?|vultures?|mould|mold|fungus|weeds?|germs?|bacteria|viruses|a\s+virus|diseases?|cancers?|tumou?rs?|plagues?|infections?|rubbish|garbage|trash|dirt|filth|sewage|furniture|appliances?|objects?|property|toys?|rocks?|bricks?|potatoes|chairs?|jackals?|mules?|donkeys?|pets?|robots?|machines?|drones?|computers?|glitches)`;

/**
 * What people are likened to or ranked below, said after the group: `breed like rabbits`, `spread like mould`, `have the
 * table manners of livestock`, `are a swarm of locusts`, `aren't really people`.
 */
const LIKENED = String.raw`(?:(?:[\p{L}'’]+\s+){0,2}?(?:breed|breeds|multiply|multiplies|eat|eats|live|lives|behave|behaves|act|acts|spread|spreads|swarm|swarms|smell|smells|stink|stinks|reproduce|reproduces|infest|infests)\s+(?:[\p{L}'’]+\s+){0,2}?like\s+${LOWER_BEINGS}|(?:have|has)\s+(?:about\s+|roughly\s+|only\s+)?(?:the\s+(?:[\p{L}'’-]+\s+){1,2}of|as\s+much\s+[\p{L}'’-]+(?:\s+in\s+them)?\s+as)\s+${LOWER_BEINGS}|(?:are|is|r|['’]re)\s+(?:just\s+|basically\s+|literally\s+|nothing\s+but\s+)?(?:a|an)\s+(?:swarm|plague|hive|herd|horde|pack|infestation|colony|nest|litter|troop)\s+of\s+${LOWER_BEINGS}|(?:are|is|r|['’]re)\s+(?:just\s+|basically\s+|literally\s+|more\s+|no\s+better\s+than\s+|closer\s+to\s+)?(?:like\s+)?${LOWER_BEINGS}(?:\s+(?:than|spreading|crawling|breeding|swarming|infesting|flooding)(?![\p{L}]))|(?:are|is|r|['’]re)\s+(?:just\s+|basically\s+|literally\s+|more\s+)?like\s+${LOWER_BEINGS}(?![\p{L}])|(?:are|is|r|['’]re)\s+(?:just\s+|basically\s+|literally\s+|nothing\s+but\s+|only\s+|mere\s+|simply\s+)?(?:(?!(?:not|never|no|hardly)\s)[\p{L}-]+\s+){0,2}?${LOWER_BEINGS}(?=\s*(?:$|[.!?,;:…—]|(?:not|nothing|good|to\s+be|that|who|which|wrapped|circling|waiting|stuck|taking|you|with)(?![\p{L}])))|(?:aren['’]?t|are\s+not)\s+(?:really\s+|even\s+|real\s+|fully\s+|proper\s+)*(?:human|humans|people|persons|human\s+beings))`;

/**
 * A slur's story told as fact about people: they run the banks, brought a disease, have lower IQs (`Jews run the
 * banks`, `Haitians brought AIDS into this country`, `Black people have lower IQs`).
 */
const SLUR_AS_FACT = String.raw`(?:(?:secretly\s+)?(?:control|controls|run|runs|own|owns)\s+(?:all\s+)?(?:of\s+)?(?:the\s+)?(?:banks|media|world|government|hollywood|finance|money)|(?:brought|bring|spread|spreads|carry|carries)\s+(?:in\s+)?(?:so\s+many\s+)?(?:aids|hiv|diseases?|covid|the\s+virus|the\s+plague|ebola)|(?:have|has)\s+(?:lower|low|smaller|inferior)\s+(?:iqs?|intelligence|brains?))`;

/**
 * What people are ranked below, said before the group, ending where it starts: `My dog is smarter than any`, `I care
 * more about the dirt under my shoe than about`, `I'd sooner share a flat with a pig than with`.
 */
const RANKED_BELOW = String.raw`(?:${LOWER_BEINGS}(?:\s+(?:under|on|in)\s+(?:my|your|the)\s+[\p{L}'’]+)?\s+(?:is|are|has|have|was|were)\s+(?:[\p{L}'’]+\s+){0,2}?(?:smarter|cleaner|wiser|nicer|better|more\s+(?:intelligent|valuable|useful|civili[sz]ed|human|sense|brains|worth|decent|honest|important)|worth\s+more)(?:\s+(?:[\p{L}'’]+\s+){0,3}?)?\s+than(?:\s+(?:that|those)\s+of)?|(?:i|we)\s+(?:[\p{L}'’]+\s+){0,2}?care\s+more\s+about\s+(?:[\p{L}'’]+\s+){0,5}?than\s+(?:about|for)|(?:i|we)(?:['’]d|\s+would)\s+(?:rather|sooner)\s+(?:[\p{L}'’,]+\s+){1,8}?${LOWER_BEINGS}\s+than(?:\s+(?:with|to|by|from))?)(?:\s+(?:an|a|any|one|every|the\s+average|your\s+average))?`;

/**
 * What is wished on people who must die or be made to: `die`, `be exterminated`, `be shot`; `burn`, `rot` and `suffer` only
 * as the wish ends (not `burn calories`, `suffer long waits`).
 */
const VIOLENT_FATE = String.raw`(?:die|(?:burn|rot|suffer)(?=\s*(?:$|[.!?,;:]|in\s+hell|and\s))|be\s+(?:exterminated|eradicated|wiped\s+out|gassed|killed|murdered|shot|hanged|hung|lynched|burned|burnt|slaughtered|executed|sterili[sz]ed|euthani[sz]ed|put\s+down|culled))`;

/** What is wished on people to shut them out of life with others: `be caged`, `be enslaved`, `go back to their country`. */
const EXCLUDED_FATE = String.raw`(?:be\s+(?:caged|enslaved|segregated|locked\s+up|locked\s+away|kept\s+in\s+cages|treated\s+like\s+(?:animals|dirt|slaves))|go\s+back\s+(?:to\s+(?:where\s+(?:they|you)\s+came\s+from|(?:their|your)\s+(?:own\s+)?\S+)|home))`;

/**
 * What people may do as everyone else does, which exclusion denies them: `vote`, `marry`, `hold positions in a city
 * council`, `practise law`, `be admitted into higher education`, `be shown on TV`, `have the same rights`.
 */
const RIGHTS = String.raw`(?:vote|marry|get\s+married|wed|work|drive|teach|adopt|study|worship|pray|exist|breed|reproduce|hold\s+(?:[\p{L}'’-]+\s+){0,3}?(?:office|positions?|jobs?|power|seats?|posts?)|run\s+for\s+(?:office|[\p{L}'’-]+)|serve\s+(?:in|on)\s+[\p{L}'’-]+|practi[cs]e\s+(?:law|medicine)|own\s+(?:property|land|homes?|houses?|businesses|a\s+business|guns)|open\s+(?:a\s+)?business(?:es)?|have\s+(?:kids|children|babies)|raise\s+(?:kids|children)|go\s+to\s+(?:school|college|university)|attend\s+(?:school|college|university)|live\s+(?:here|among\s+us|in\s+(?:our|this|the)\s+[\p{L}'’-]+)|speak\s+(?:in\s+public|up|out)|express\s+(?:their|themselves)|leave\s+the\s+house|(?:have|get)\s+(?:the\s+same\s+|equal\s+|any\s+)?rights|be\s+(?:parents|citizens|teachers|doctors|judges|lawyers|leaders|in\s+charge|on\s+(?:tv|television)|shown\s+on\s+(?:tv|television)|admitted|hired|employed|educated|elected|promoted|seen\s+in\s+public|(?:given|granted)\s+(?:[\p{L}'’-]+\s+){0,2}?(?:rights|citizenship|jobs|a\s+voice|a\s+vote)))`;

/**
 * People shut out of what others may do, after the modal and the group: `not be allowed to vote`, `never marry`, `be
 * barred from practising law`, `lose their right to vote`, `be denied citizenship`. Read after `should` in a statement
 * (`Hindus should be barred from practising law.`) and after the group in a question that asks why (`Why should Hindus
 * be barred …?`).
 */
const SHUT_OUT = String.raw`(?:(?:all\s+|just\s+|simply\s+)?(?:(?:better\s+)?(?:not|never)\s+(?:be\s+(?:allowed|permitted|able)\s+to\s+)?${RIGHTS}|be\s+(?:barred|banned|excluded|kept|prohibited|prevented|stopped|blocked|removed|expelled|fired|disqualified|stripped|thrown|locked)\s+(?:from|of|out\s+of)(?![\p{L}])|be\s+(?:deported|expelled|driven\s+out|kicked\s+out|thrown\s+out|chased\s+out|forced\s+out|purged)(?![\p{L}])|lose\s+(?:their|the|all)\s+(?:[\p{L}'’-]+\s+)?(?:rights?|vote|citizenship|jobs)|be\s+(?:denied|refused)\s+(?:the\s+|their\s+)?(?:right|rights|vote|citizenship|entry|jobs|housing|service|education|healthcare)))`;

/** People shut out as the group's statement says it: `should not be allowed to vote`, `shouldn't marry`. */
const SHUT_OUT_SAID = String.raw`(?:(?:should|must|ought\s+to|need\s+to|have\s+to)\s+${SHUT_OUT}|(?:shouldn['’]?t|mustn['’]?t)\s+(?:be\s+(?:allowed|permitted|able)\s+to\s+)?${RIGHTS})`;

/** A question that asks why people should be shut out, just before the group: `Why should`, `explain why we must`. */
const WHY_SHOULD =
  /(?<![\p{L}])(?:why|reasons?\s+(?:why|that)|explain\s+why|argue\s+(?:why|that)|how\s+come)\s+(?:should|must|ought)\s+$/iu;
const SHUT_OUT_ASKED = new RegExp(String.raw`\s+${SHUT_OUT}(?![\p{L}\p{N}])`, 'iuy');

/**
 * A question that takes a stereotype of the group for granted, just before it: `Why are`, `how come`, `why do`, `why
 * can't`, `what makes`, `what is it about`; capture 1 the verb, which says what the question must go on to say
 * (STEREOTYPE_ASKED), capture 2 `with` or `about`, after which `… being` or `… that makes them` must.
 */
const WHY_ARE_THEY =
  /(?<![\p{L}])(?:(?:why|how\s+come|y)\s+(are|r|were|do|does|can['’]?t|cant|cannot)|what\s+makes?|what(?:['’]s|\s+is)\s+it\s+(with|about))\s+$/iu;

/** Words that make the trait asked about the group's nature: `so`, `all`, `always`, `naturally`. */
const OF_THEIR_NATURE = String.raw`(?:(?:all|so|s+o+|always|such|really|just|generally|naturally|inherently|usually|mostly|fucking|damn|typically|notoriously)\s+){0,3}`;

/** What people do in a stereotype, asked with `why do … always`: `steal`, `commit crimes`, `refuse to integrate`. */
const DEED = String.raw`(?:steal|lie|cheat|breed|whine|riot|loot|rape|scam|mooch|beg|litter|commit\s+(?:so\s+(?:much|many)\s+|more\s+)?crimes?|cause\s+(?:so\s+much\s+)?(?:trouble|crime|problems)|ruin\s+everything|destroy\s+everything|take\s+(?:our|all\s+the)\s+jobs|refuse\s+to\s+(?:integrate|assimilate|work|learn\s+english)|live\s+off\s+(?:welfare|benefits|the\s+state)|act\s+like\s+(?:animals|savages|thugs|criminals))`;

/** What people are said unable to do in a stereotype, asked with `why can't`: `drive`, `think for themselves`. */
const CANNOT = String.raw`(?:drive|think\s+for\s+themselves|control\s+themselves|keep\s+a\s+job|hold\s+(?:down\s+)?a\s+job|be\s+trusted|speak\s+(?:proper\s+|normal\s+|real\s+)?english|integrate|assimilate|behave|be\s+on\s+time|do\s+math|raise\s+(?:their\s+)?(?:kids|children)|stay\s+sober|stop\s+(?:breeding|whining|stealing|lying|drinking))`;

/** A trait of their nature, one of a list or after others: `so violent`, `such drunks`, `always angry and ugly`. */
const TRAIT = String.raw`${OF_THEIR_NATURE}(?:[\p{L}-]+(?:\s*,\s*|\s+and\s+|\s+&\s+)){0,2}(?:${BENEATH_PEOPLE}|${STEREOTYPED})(?![\p{L}\p{N}])`;
/**
 * What a WHY_ARE_THEY question goes on to take for granted, after the group, by its verb: `are so violent`, `always
 * steal`, `smell`, `ever drive`.
 */
const STEREOTYPE_ASKED = {
  are: new RegExp(String.raw`\s+${TRAIT}`, 'iuy'),
  with: new RegExp(
    String.raw`\s+(?:(?:always|all|so)\s+)?(?:being\s+|that\s+(?:makes?|turns?)\s+them\s+(?:all\s+)?(?:into\s+)?)${TRAIT}`,
    'iuy',
  ),
  do: new RegExp(
    String.raw`\s+(?:(?:(?:all|always|constantly|keep|continually|never\s+stop|just)\s+){1,2}${DEED}|(?:all\s+)?(?:smell|stink|breed\s+like)|never\s+(?:wash|bathe|shower|work|learn|pay\s+(?:taxes|their\s+way)|keep\s+(?:[\p{L}]+\s+)?clean))(?![\p{L}\p{N}])`,
    'iuy',
  ),
  cannot: new RegExp(String.raw`\s+(?:(?:ever|just|even)\s+)?${CANNOT}(?![\p{L}\p{N}])`, 'iuy'),
};

/**
 * Groups whose standing in a country (to vote, live or work there) is a question of law and policy argued in good
 * faith, not of who they are: exclusion is read of every other group.
 */
const BY_STATUS = /^(?:the\s+)?(?:immigrants|migrants|refugees|asylum\s+seekers|foreigners)$/iu;

/** Where people are said to belong when they are not fit to live among others. */
const PENNED = String.raw`(?:zoos?|cages?|chains|camps|concentration\s+camps|gas\s+chambers|gutter|trash|dump|sewer|kitchen)`;

/**
 * People or their lives said to be worth nothing: `are worth absolutely nothing`, `aren't worth protecting`, `do not
 * matter`, `have no value`, `should not be important to anyone`; not `do not matter less`.
 */
const WORTH_NOTHING = String.raw`(?:(?:(?:are|is)\s+(?:not|never)|aren(?:'|’)?t|isn(?:'|’)?t)\s+worth\s+(?:anything|protecting|saving|shit|a\s+thing|a\s+damn|living|caring\s+about)|(?:are|is)\s+worth\s+(?:absolutely\s+|literally\s+)?nothing|(?:do|does)\s+not\s+matter|(?:don|doesn)(?:'|’)?t\s+matter|(?:have|has)\s+no\s+(?:value|worth)|(?:should|must)\s+not\s+(?:be\s+important|matter)\s+to\s+anyone|mean\s+nothing)(?!\s+(?:less|more|any\s+less)(?![\p{L}\p{N}]))`;

/** What people are said not to deserve: `to live`, `rights`, `to be treated like humans`. */
const DENIED = String.raw`(?:to\s+(?:live|exist|breathe|be\s+(?:alive|here|born))|rights|respect|(?:to\s+)?(?:be\s+)?treated\s+(?:like|as)\s+(?:humans|people|equals))`;

/**
 * One of them ranked below something (`smarter than any woman`, `than with an Arab`): one person stands for all. The
 * look-behind reads a few spaces at most: read back over a run of them at every position, it cost the square of its
 * length.
 */
const RANKED_AGAINST = String.raw`(?<=(?<![\p{L}])than\s{1,4}(?:(?:about|for|with|to|by|that\s{1,4}of|those\s{1,4}of)\s{1,4})?(?:any|a|an|one|every|the\s{1,4}average|your\s{1,4}average)\s{1,4})`;

/**
 * People for who they are, as a statement names them: `women`, `Muslims`, `Polish people`, `immigrants`, their lives
 * (`Black lives`), or one of them spoken to (`any trans person like you`). Not `women's` (`I hate women's football on TV`). Every statement is
 * found from here: one linear scan of the text for these, then anchored reads on either side of each.
 */
const GROUP = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${IDENTITY_LIVES}|${IDENTITY_MANY}|${IDENTITY_ONE}(?=\s+like\s+(?:you|u|her|him|them)(?![\p{L}\p{N}]))|${RANKED_AGAINST}${IDENTITY_ONE})(?![\p{L}\p{N}'’])`,
  'giu',
);

/** Some or all of them, just before the group: `all of the`, `most`, `those`, `you`. */
const SOME_OF =
  /(?<![\p{L}\p{N}])(?:(?:all|most|many|any|some|every\s+(?:single\s+)?one|each\s+(?:and\s+every\s+)?one)\s+of\s+|(?:all|most|many|any|every|every\s+one|a)\s+(?:(?:of\s+)?(?:the|those|these)\s+)?|(?:the|those|these|you)\s+)$/iu;

/** One of them spoken to, after the group: `women like you`. */
const LIKE_YOU = /\s+like\s+(?:you|u|her|him|them)(?![\p{L}\p{N}])/iuy;

/**
 * What is said of them after the group, by capture group: 1 contempt and exclusion (`are vermin`, `are not human`,
 * `belong in a zoo`, `do not deserve to live`, `have no place in our society`, `should be caged`, `disgust me`, `make
 * me furious`, `fill me with rage`), within it 2 rights denied (`should not be allowed to vote`, SHUT_OUT_SAID); 3
 * death or violence wished (`should all die`, `must be exterminated`).
 */
const SAID_OF_THEM = new RegExp(
  String.raw`(?:\s+|(?=['’]re\s))(?:(${LIKENED}|${SLUR_AS_FACT}|(?:(?:really|truly|all|just|simply|clearly|obviously|basically)\s+)?(?:are|r|['’]re)\s+(?:(?:all|just|only|basically|literally|simply|truly|really|naturally|inherently|always|absolutely|completely|totally|utterly|fucking|clearly|obviously|still|nothing\s+but|nothing\s+more\s+than|little\s+more\s+than|no\s+better\s+than|worse\s+than|like|such|so|common|total|complete|utter|massive|pretty|little|born|natural|a\s+bunch\s+of)\s+){0,3}(?:[\p{L}-]+\s+and\s+)?(?:${BENEATH_PEOPLE}|(?<=(?<![\p{L}])(?:so|all|such|naturally|inherently|always|born|natural|and|(?:naturally|inherently|genetically)\s{1,4}more)\s{1,4})${STEREOTYPED}|${STEREOTYPED}(?=\s*(?:$|[.!?,;…]|by\s+nature|at\s+heart|to\s+the\s+core|as\s+a\s+(?:race|people|group)|lol|why))|not\s+(?:human|humans|people|real\s+people|worthy\s+of\s+(?:life|living|respect)|(?:our|my)\s+equals?)|never\s+(?:any\s+)?(?:intelligent|smart|clever|attractive|beautiful|honest|trustworthy|decent|capable))|(?:belong|should\s+(?:all\s+)?(?:be\s+kept|live))\s+in\s+(?:a\s+|the\s+)?${PENNED}|(?:do\s+not|don(?:'|’)?t|does\s+not|doesn(?:'|’)?t|should\s+not|shouldn(?:'|’)?t)\s+deserve\s+${DENIED}|(?:have|has)\s+no\s+right\s+to\s+(?:live|exist|be\s+alive|breathe)|(${SHUT_OUT_SAID})|${WORTH_NOTHING}|(?:do\s+not|don(?:'|’)?t)\s+belong\s+on\s+this\s+(?:earth|planet)|(?:have|has)\s+no\s+place\s+in\s+(?:(?:our|this|a|any|the)\s+)?(?:(?:civili[sz]ed|decent|modern)\s+)?(?:society|country|world|nation|community)|(?:should|must|need\s+to|ought\s+to|have\s+to)\s+(?:all\s+)?${EXCLUDED_FATE}|(?:really\s+|just\s+|so\s+)?(?:disgust|disgusts|sicken|sickens|repulse|repulses|(?:make|makes)\s+me\s+(?:so\s+|really\s+|fucking\s+)?(?:sick|vomit|puke|want\s+to\s+(?:puke|vomit|throw\s+up)|angry|furious|livid|mad|boil(?:\s+with\s+(?:anger|rage))?)|(?:fill|fills)\s+me\s+with\s+(?:so\s+much\s+|such\s+|nothing\s+but\s+)?(?:rage|anger|disgust|hatred|contempt|loathing|revulsion)))|((?:should|must|need\s+to|ought\s+to|deserve\s+to)\s+(?:all\s+|just\s+)?(?:go\s+(?:and\s+)?)?${VIOLENT_FATE}))(?![\p{L}\p{N}])`,
  'iuy',
);

/**
 * The group named as no subject: inside a relative clause, as its object (`people who hate Muslims …`, `men who beat
 * women …`), or after a preposition (`my opinion of immigrants …`). What follows is said of something else (`…
 * disgust me`, `… are scum`, `… does not matter`), not of the group. Not after a word for some or a kind of them
 * (`those kinds of women …`, `everything about them …`, `hundreds of immigrants …`): that is said of the group.
 */
const NOT_THE_SUBJECT =
  /(?<![\p{L}\p{N}])(?:(?:who|whom|whoever|which)\s+(?:[\p{L}'’-]+\s+){1,3}|(?!(?:kinds?|types?|sorts?|lots?|most|many|some|all|none|half|majority|rest|bunch|groups?|everything|anything|something|nothing|one|each|both|any|several|few|number|hordes?|plenty|millions?|thousands?|hundreds?)\s)[\p{L}'’]+\s+(?:of|about|for|with|from|by|on|against|towards?|among|between)\s+)$/iu;

/**
 * People to be expelled, as a plan or a call, just before the group: `we should deport`, `promising to expel`, `to ban`,
 * `rid our town of`. Not what was done (`How did the Nazis expel …`), nor a call judged or questioned (`why it's wrong to
 * ban …`, `is it legal to deport …`).
 */
const EXPELLED = String.raw`(?:(?:should|must|need\s+to|have\s+to|ought\s+to|let['’]?s|let\s+us|we\s+(?:will|shall)|we['’]ll|wants?\s+to|promis(?:e|es|ing)\s+to|plans?\s+to|planning\s+to|time\s+to|(?<!(?:wrong|unfair|illegal|cruel|unjust|racist|immoral|discriminatory|unconstitutional|hateful|bigoted|shameful|ok|okay|legal|fair|right|possible|allowed)\s{1,4})to)\s+(?:deport|expel|ban|purge|cleanse|kick\s+out|drive\s+out|throw\s+out|round\s+up|remove)|rid\s+(?:our|the|this|my|their)\s+(?:country|town|city|nation|land|village|neighbou?rhood|street|school|world|europe|america|continent)\s+of)`;

/**
 * What is said of them before the group, ending where it starts: 1 the speaker's hatred (`I hate`, `we have no
 * compassion for`, `so sick of`), read as a statement only when the group ends it; 2 contempt named (`the utter scorn I
 * feel for`), a world wished without them (`the world would be better off without`, `let's get rid of`, `there is no
 * place on this planet for`) or rights denied them (`human rights should not apply to`); 3 death or violence wished (`death to`, `I want to kill all`,
 * `kill all the`); 4 their expulsion planned or called for (EXPELLED: `we should deport`, `to ban`).
 */
const SAID_BEFORE_THEM = new RegExp(
  String.raw`(?:((?:i|we)\s+${INTENSIFIERS}${HATRED}|${FED_UP})|(${SCORN_FELT}|${RANKED_BELOW}|(?:the\s+world|this\s+country|our\s+country|society|everyone|we)\s+(?:would\s+be|'d\s+be|’d\s+be|is|are)\s+better\s+(?:off\s+)?without(?:\s+any)?|(?:let(?:'|’)?s\s+|let\s+us\s+|we\s+(?:should|must|need\s+to)\s+)?get\s+rid\s+of|there\s+is\s+no\s+(?:space|place|room)\s+(?:on\s+this\s+(?:planet|earth)|in\s+(?:this|our|the)\s+(?:world|country|society))\s+for(?:\s+any)?|(?:human\s+)?rights\s+should\s+(?:not|never)\s+apply\s+to)|(death\s+to(?:\s+all)?|(?:i|we)\s+${INTENSIFIERS}(?:want|wanna|need|would\s+love|(?:'|’)d\s+love)\s+to\s+(?:kill|murder|exterminate|gas|hang|shoot|slaughter|rape|torture|stab|burn)|(?:kill|gas|exterminate|hang|shoot|lynch|burn|slaughter)\s+(?:all|every\s+one\s+of|every\s+last\s+one\s+of)(?:\s+(?:the|of\s+the))?)|(${EXPELLED}))\s+$`,
  'iu',
);

/**
 * The group again, by pronoun, in the words after it: `Women think they're special. I hate them.`, `… Muslims. They
 * should all die.` Read only within REFERENCE_REACH characters of the group's last mention.
 */
const PRONOUN = /(?<![\p{L}\p{N}])(?:they(?=['’]re\s)|(?:they|them)(?![\p{L}\p{N}'’]))/giu;
const REFERENCE_REACH = 100;

/** Death wished on them in the speaker's own words: `I hope all Muslims die`, `we pray that immigrants burn`. */
const WISHING =
  /(?<![\p{L}\p{N}])(?:i|we)\s+(?:really\s+|just\s+|truly\s+|honestly\s+)?(?:hope|wish|pray)\s+(?:that\s+)?$/iu;
const WISHED = new RegExp(
  String.raw`\s+(?:would\s+|will\s+)?(?:all\s+|just\s+)?(?:die|(?:rot|burn|suffer)(?=\s*(?:$|[.!?,;:]|in\s+hell|and\s))|get\s+(?:cancer|aids|ebola|killed|shot|gassed|exterminated|wiped\s+out))(?![\p{L}\p{N}])`,
  'iuy',
);

/** How far before a group its statement may start: the longest opening above, with room to spare. */
const LOOK_BEHIND = 120;

/** Where a statement in the speaker's own voice may start: the text's start, a clause's, or a word leading into one. */
const AT_CLAUSE_START =
  /(?:^|[.!?;:,\n(…]|(?<![\p{L}\p{N}])(?:and|but|so|honestly|frankly|tbh|lol|because|cause|cuz|just|yes|yeah|ok|okay|let(?:'|’)?s|let\s+us|we|that))\s{0,3}$/iu;
/**
 * Someone else's view, or a view named to deny it, just before the statement: `if you think …`, `people who say …`,
 * `the myth that …`, `not all …`, `Writing that …` (said of the saying: `Writing that women are … says a lot about
 * you`). What follows is reported or argued against, not said.
 */
const NOT_SAID =
  /(?:(?:^|[.!?;:,(]\s*)(?:writing|saying|claiming|posting|tweeting|suggesting|implying|arguing|pretending|insisting)\s+(?:that\s+)?|\b(?:you|your|youre|you(?:'|’)re|anyone|anybody|someone|somebody|people|those|he|she|they|who|one)\s+(?:\S+\s+){0,3}?(?:think|thinks|thought|believe|believes|believed|say|says|said|saying|claim|claims|claimed|claiming|feel|feels|assume|assumes|pretend|pretends)\s+(?:that\s+)?|\b(?:argues|argued|arguing|suggests|suggested|suggesting|implies|implied|implying)\s+(?:\S+\s+){0,3}?that\s+|\b(?:thinks|believes|says|claims|feels|assumes|insists|argues|said|claimed|posted|posts|posting|wrote|writes|tweeted|tweets|told\s+(?:me|us|him|her|them|everyone)|keeps\s+(?:saying|posting|claiming|writing|tweeting))\s+(?:that\s+)?|\b(?:myth|lie|idea|notion|stereotype|trope|canard|misconception|assumption|claim|belief|view)\s+that\s+|\b(?:not|no|never)\s+|\b(?:never|not|didn(?:'|’)?t|did\s+not|don(?:'|’)?t|do\s+not)\s+(?:\S+\s+){0,2}?(?:say|said|think|thought|believe|claim|claimed)\s+(?:that\s+)?|\b(?:is|was)\s+(?:it\s+)?(?:wrong|false|untrue|a\s+lie)\s+(?:to\s+say\s+)?that\s+|\b(?:not\s+true|untrue|false|a\s+lie|a\s+myth|nonsense|deny|denies|denied|doubt|doubts|doubted)\s+that\s+)$/iu;

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
  // A text that names groups over and over (hostile input does) repeats the same words before them: each window of
  // them is read once.
  const leads = new Map<string, Lead>();
  for (const [start, end] of mentions(text)) {
    const before = text.slice(Math.max(0, start - LOOK_BEHIND), start);
    let lead = leads.get(before);
    if (lead === undefined) {
      lead = readLead(before);
      if (leads.size < MOST_LEADS_KEPT) leads.set(before, lead);
    }
    const shutOut = mayBeShutOut(text.slice(start, end));
    const statement = saidOfThem(text, end, lead, shutOut) ?? saidBeforeThem(text, end, lead, shutOut);
    if (statement === 'threatening') return statement;
    found = statement ?? found;
  }
  return found;
}

/**
 * Where the text names a group, as [start, end): each group by name, then each pronoun within REFERENCE_REACH of the
 * latest name before it.
 */
function* mentions(text: string): Generator<[number, number]> {
  const mentionEnds: number[] = [];
  // matchAll, not everyMatch: a text naming many groups (`women women …`) matches every few characters, and there
  // everyMatch's cost per match (a quarter more on such texts) outweighs the one pattern copy a call it saves.
  for (const group of text.matchAll(GROUP)) {
    let end = group.index + group[0].length;
    LIKE_YOU.lastIndex = end;
    if (LIKE_YOU.test(text)) end = LIKE_YOU.lastIndex;
    mentionEnds.push(end);
    yield [group.index, end];
  }
  if (mentionEnds.length === 0) return;
  // Both lists are in text order: one pass over the pronouns, the latest mention before each kept in step.
  let mention = -1;
  for (const pronoun of text.matchAll(PRONOUN)) {
    const start = pronoun.index;
    while (mention + 1 < mentionEnds.length && mentionEnds[mention + 1] <= start) mention++;
    if (mention >= 0 && start - mentionEnds[mention] <= REFERENCE_REACH)
      yield [start, start + pronoun[0].length];
  }
}

/** The words before a mention, without the `all of the` leading to it, and what they say of it on their own. */
interface Lead {
  words: string;
  said: RegExpExecArray | null;
  /** Whether what follows is said of the group in the speaker's voice: read when first asked. */
  speaksOfThem?: boolean;
}

/** Windows of words before a mention kept in one text's reading, at most. */
const MOST_LEADS_KEPT = 1_024;

/** `before`, the LOOK_BEHIND characters before a mention, read as its lead. */
function readLead(before: string): Lead {
  const opening = SOME_OF.exec(before);
  const words = opening ? before.slice(0, opening.index) : before;
  return { words, said: SAID_BEFORE_THEM.exec(words) };
}

/**
 * Whether a mention's exclusion is read as hate: a group named for who they are, not by status in a country
 * (BY_STATUS) and not a pronoun, whose group the reader does not know.
 */
function mayBeShutOut(mention: string): boolean {
  return !BY_STATUS.test(mention) && !/^(?:they|them)$/iu.test(mention);
}

/**
 * What the words after a group say of it, when the statement is the speaker's own (`lead`: the words before it);
 * `shutOut`: whether its exclusion is read (mayBeShutOut).
 */
function saidOfThem(text: string, end: number, lead: Lead, shutOut: boolean): HatefulStatement | null {
  SAID_OF_THEM.lastIndex = end;
  const said = SAID_OF_THEM.exec(text);
  if (said && said[2] !== undefined && !shutOut) return null;
  const { words } = lead;
  if (!said && shutOut && WHY_SHOULD.test(words)) {
    SHUT_OUT_ASKED.lastIndex = end;
    if (SHUT_OUT_ASKED.test(text) && saidInOwnVoice(words.replace(WHY_SHOULD, ''))) return 'hate';
  }
  if (!said && asksWhyTheyAre(text, end, words)) return 'hate';
  WISHED.lastIndex = end;
  if (!said && !WISHED.test(text)) return null;
  if (!said) return WISHING.test(words) && saidInOwnVoice(words.replace(WISHING, '')) ? 'threatening' : null;
  lead.speaksOfThem ??= saidInOwnVoice(words) && !NOT_THE_SUBJECT.test(words);
  if (!lead.speaksOfThem) return null;
  return said[3] === undefined ? 'hate' : 'threatening';
}

/**
 * Whether a question asks why the group is what a stereotype says (`Why are Muslims so violent?`, `why do Mexicans
 * always steal`, `Why can't women drive?`): the question takes the slur for granted, as a statement would say it. Not
 * why a stereotype exists (`Why are Mexicans stereotyped as lazy?`: nothing is taken for granted) nor of the blind,
 * who cannot drive.
 */
function asksWhyTheyAre(text: string, end: number, words: string): boolean {
  const why = WHY_ARE_THEY.exec(words);
  if (!why || !saidInOwnVoice(words.slice(0, why.index))) return false;
  const verb = why[1]?.toLowerCase() ?? 'are';
  const kind = why[2] ? 'with' : /^(?:do|does)$/.test(verb) ? 'do' : /^can/.test(verb) ? 'cannot' : 'are';
  if (kind === 'cannot' && /blind/iu.test(text.slice(Math.max(0, end - 30), end))) return false;
  const asked = STEREOTYPE_ASKED[kind];
  asked.lastIndex = end;
  return asked.test(text);
}

/**
 * What the words before a group (`lead`) say of it, when the statement is the speaker's own; `shutOut`: whether its
 * expulsion is read (mayBeShutOut).
 */
function saidBeforeThem(text: string, end: number, lead: Lead, shutOut: boolean): HatefulStatement | null {
  const { said } = lead;
  if (!said || (said[4] !== undefined && !shutOut)) return null;
  const context = lead.words.slice(0, said.index);
  if (!saidInOwnVoice(context)) return null;
  if (said[2] !== undefined || said[4] !== undefined) return 'hate';
  if (!AT_CLAUSE_START.test(context)) return null;
  if (said[3] !== undefined) return 'threatening';
  STATEMENT_END.lastIndex = end;
  return STATEMENT_END.test(text) ? 'hate' : null;
}

/** Whether words that follow `before` are said by the writer: not quoted, reported, denied or negated. */
export function saidInOwnVoice(before: string): boolean {
  return !OPEN_QUOTE.test(before) && !NOT_SAID.test(before);
}
