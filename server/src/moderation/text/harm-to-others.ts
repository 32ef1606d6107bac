import { OPEN_QUOTE } from './quotation';
import { sentenceAround } from './sentences';
import { everyMatch } from './every-match';

/**
 * What follows a pronoun that is someone harmed, not a possessive or a favour (`hit her car`, `shoot him a text`, `hit
 * him up`): a stop, or a word that cannot start the noun phrase.
 */
const PRONOUN_ENDS = String.raw`(?=\s*(?:[.,!?;:]|$)|\s+(?:with|so|and|but|or|without|to|in|on|at|for|until|because|when|if|while|before|after|again|badly|hard|enough|slowly|quickly|quietly|tonight|tomorrow|today|now|first|then|like|into|from|by|as|that|who|till|til|where|since|even|already|too|out|n|w|b4|2|4|\d))`;

/**
 * Someone to harm: a person by pronoun, relation, role or group, or an animal. Not a possession of theirs (`my wife's
 * portrait`) or their feelings (`her feelings`, `his chances`).
 */
const VICTIM = String.raw`(?:(?:my|his|her|their|our|your|ur|a|an|the|this|that|some|these|those|someone['’]?s|somebody['’]?s|\d+|every|all)\s+)?(?:(?:[\w-]+['’]s|[\w-]+s['’]|[\w-]+)\s+){0,2}?(?:wife|husband|spouse|partner|girlfriend|boyfriend|gf|bf|ex|exes|fianc[eé]e?|person|people|humans?|human\s+beings?|(?:someone|somebody|sum1|some1|som1|smn|any1|anyone|him|her|them)${PRONOUN_ENDS}|man|men|woman|women|guy|guys|dude|lady|child|children|kid|kids|baby|babies|infant|toddler|boy|boys|girl|girls|teen|teens|teenager|son|daughter|stepson|stepdaughter|stepdad|stepfather|stepmom|stepmother|mom|mum|mother|dad|father|parents?|grandma|grandmother|grandpa|grandfather|brother|sister|sibling|cousin|uncle|aunt|nephew|niece|in-laws?|family|neighbou?rs?|boss|manager|coworkers?|co-workers?|colleagues?|roommates?|flatmates?|landlord|tenant|teacher|students?|classmates?|bully|bullies|cops?|police(?:man|men|\s+officers?)?|officers?|guards?|witness|witnesses|judge|jurors?|doctor|nurse|patients?|strangers?|victims?|homeless|immigrants?|migrants?|refugees?|protesters?|journalists?|reporters?|senator|president|politicians?|mayor|congressman|congresswoman|passengers?|customers?|clients?|hostages?|elderly|old\s+(?:man|woman|lady|people)|rivals?|enem(?:y|ies)|debtors?|cellmates?|nan|nana|gran|granny|grandad|granddad|mailman|postman|postie|cyclists?|pedestrians?|joggers?|drivers?|referee|ref|umpire|coach|carer|caregiver|babysitter|nanny|landlady|lodger|commuters?|shopkeepers?|cashier|clerk|bouncer|beggars?|trespassers?|lads|snitch|snitches|workers?|wifey|hubby|bro|sis|stepbrother|stepsister|brother-in-law|sister-in-law|mother-in-law|father-in-law|dog|dogs|cat|cats|puppy|puppies|kitten|kittens|pet|pets|horse|animal|animals)(?!['’]s\s|['’]\s|\w)(?!\s+(?:feelings?|pride|ego|reputation|chances?|career|business|credit|score|record|game|in\s+(?:chess|checkers|poker|tennis|golf|a\s+race|the\s+race|an?\s+argument)|in\s+the\s+back|at\s+(?:\w+\s+)?(?:chess|checkers|poker|tennis|golf|pool|cards|darts|ping\s*pong|video\s+games?|mario\s*kart|fifa|scrabble|monopoly|arm\s*wrestling|(?:his|her|their)\s+own\s+game|\w+ing)|out\s+of\s+(?:the|my|our|his|her|their)\s+\w+|off\s+(?:the|my|our)\s+\w+|with\s+(?:the|a|an|some|my|this|that)\s+(?:news|truth|questions?|bill|request|idea|facts|proposal|offer|gift|surprise|joke|lawsuit))\b)`;

/** `hit`, but not `hit someone up for money`, which asks them for something. */
const HIT = String.raw`(?:hit|hitting|hits)(?!(?:\s+[\w'’-]+){1,3}\s+up\s+(?:for|about|on|later|tomorrow|tonight|sometime|when|if|to\s+ask|and\s+ask)\b)`;

/**
 * A deed of harm to someone, in its base form, its -ing form and its third-person form: `kill`, `poison`,
 * `strangle`, `beat up`, `set … on fire`, `push … down the stairs`, `run … over`, `break … legs`.
 */
const DEED = String.raw`(?:kill|killing|kills|murder|murdering|murders|poison|poisoning|poisons|strangle|strangling|strangles|choke|choking|chokes|suffocate|suffocating|smother|smothering|drown|drowning|drowns|stab|stabbing|stabs|shoot|shooting|shoots|beat\s+up|beating\s+up|beat|beating|hurt|hurting|hurts|injure|injuring|injures|maim|maiming|torture|torturing|tortures|cripple|crippling|paraly[sz]e|paraly[sz]ing|burn|burning|${HIT}|punch|punching|kick|kicking|slap|slapping|attack|attacking|attacks|ambush|ambushing|assault|assaulting|abduct|abducting|kidnap|kidnapping|knock\s+out|knocking\s+out|dismember|dismembering|behead|beheading|decapitate|execute|executing|lynch|lynching|hang|hanging|bludgeon|bludgeoning|bash|bashing|electrocute|electrocuting|mutilate|mutilating|gas|gassing|jump|jumping|hogtie|hogtying|gag|gagging|subdue|subduing|chloroform|roofie|assassinate|assassinating|blind|blinding|finish\s+off|smash|smashing|scald|scalding|rough\s+up|starve|starving|maul|mauling|lure|luring|gut|gutting|disembowel|disembowelling|disemboweling|eviscerate|eviscerating|flay|flaying|impale|impaling|crucify|crucifying|butcher|butchering|slaughter|slaughtering)`;

/** Whose: `my`, `the`, `my ex's`, `my brother-in-law's`, `a dogs`. */
const POSSESSOR = String.raw`(?:(?:my|his|her|their|the|a|an|our|your|ur|both|human|[\w-]+['’]s|[\w-]+s['’]?)\s+){1,3}`;

/** Where people live, pray, learn or work, set on fire. */
const PROPERTY = String.raw`(?:house|home|apartment|flat|car|building|mosque|church|synagogue|temple|school|shelter|tent|trailer|office)`;

/**
 * Deeds whose words around the one harmed make them harm: `push her down the stairs`, `hold him under water`, `shake
 * the baby`, `break his legs`, `set them on fire`, `cut the brake lines`, `run him over`.
 */
const COMPOUND_DEEDS: Array<[string, string]> = [
  ['push', String.raw`(?:push|pushing)\s+${VICTIM}\s+(?:down|off|in\s+front|into|out\s+of)\b`],
  ['hold', String.raw`(?:hold|holding)\s+${VICTIM}\s+(?:under|down\s+until)\b`],
  ['fire', String.raw`(?:set|setting)\s+${VICTIM}\s+on\s+fire\b`],
  ['over', String.raw`(?:run|running)\s+${VICTIM}\s+over\b`],
  ['over', String.raw`(?:run|running)\s+over\s+${VICTIM}`],
  ['knock', String.raw`(?:knock|knocking)\s+${VICTIM}\s+(?:out|unconscious)\b`],
  ['fire', String.raw`(?:set|setting)\s+fire\s+to\s+${VICTIM}`],
  [
    'coma|hospital|wheelchair|the ground|grave|icu|morgue|body bag',
    String.raw`(?:put|putting)\s+${VICTIM}\s+(?:in|into)\s+(?:a\s+|the\s+)?(?:coma|hospital|wheelchair|ground|grave|icu|morgue|body\s+bag)\b`,
  ],
  [
    'bleed|suffer|disappear|stop breathing|pass out|sick|ill|collapse|black out|die',
    String.raw`(?:make|making)\s+${VICTIM}\s+(?:bleed|suffer(?!\s+less)|disappear|stop\s+breathing|pass\s+out|sick(?!\s+of)|ill|collapse|black\s+out|die)\b`,
  ],
  [
    'rid of',
    String.raw`(?:get|getting)\s+rid\s+of\s+${VICTIM}\s+(?:for\s+good|permanently|forever|without\s+(?:a\s+)?trace)`,
  ],
  [
    'shak|break|snap|smash|fractur|crack|wreck|crush|cut|slit|tamper|torch|burn|firebomb|fire|ambush|attack|assault|shooting|bombing|massacre|stabbing|hit',
    String.raw`(?:shake|shaking)\s+(?:a|the|my|her|his|their|ur|your)\s+(?:baby|infant|toddler|newborn)\b|(?:break|breaking|snap|snapping|smash|smashing|fracture|fracturing|crack(?:\s+open)?|cracking(?:\s+open)?|wreck|wrecking|crush|crushing)\s+${POSSESSOR}(?:legs?|arms?|neck|jaw|nose|fingers?|ribs?|knees?|skull|skulls|kneecaps?|bones?|spine|windpipe|trachea)\b|(?:cut|cutting|slit|slitting|tamper\w*\s+with)\s+${POSSESSOR}(?:throat|brake\s+lines?|brakes)\b|(?:torch|torching|burn\s+down|burning\s+down|firebomb\w*)\s+${POSSESSOR}(?:[\w-]+\s+)?${PROPERTY}\b|(?:set|setting)\s+fire\s+to\s+${POSSESSOR}(?:[\w-]+\s+)?${PROPERTY}\b|(?:set|setting)\s+${POSSESSOR}(?:[\w-]+\s+)?${PROPERTY}\s+on\s+fire\b|(?:set\s+up|plan|planning|carry\s+out|pull\s+off)\s+(?:an?\s+|the\s+)?(?:ambush|attack|assault|shooting|bombing|massacre|stabbing|hit)\s+(?:on|against|at|in)\b`,
  ],
  [
    'punch|blow|kick|slap|headbutt|uppercut|jab|hook',
    String.raw`(?:land|landing|throw|throwing|deliver|delivering)\s+(?:a|an|the)\s+(?:[\w-]+\s+)?(?:punch|blow|kick|slap|headbutt|uppercut|jab|hook)\s+(?:on|to|at|into)\s+${VICTIM}`,
  ],
  [
    'body|bodies|corpse',
    String.raw`(?:saw|sawing|chop|chopping|hack|hacking|cut|cutting|carve|carving|dismember|dismembering)\s+(?:up\s+)?(?:a|the|his|her|their|my)\s+(?:dead\s+)?(?:human\s+)?(?:body|bodies|corpses?)(?!\s+(?:of|text|copy|paragraphs?|shop|panels?|kit|work|wash|lotion|hair|fat|weight))`,
  ],
  [
    'humanity|human race|mankind|humankind|humans|population|whole city|entire city',
    String.raw`(?:wipe\s+out|wiping\s+out|destroy|destroying|exterminate|exterminating|eradicate|eradicating|annihilate|annihilating|kill\s+off|killing\s+off|end|ending)\s+(?:all\s+(?:of\s+)?)?(?:humanity|the\s+human\s+race|mankind|humankind|(?:all\s+)?humans|(?:the\s+|a\s+)?(?:whole|entire)\s+(?:population|city|town|village))\b(?!\s+(?:meetings?|council|hall|budget|census|surveys?|records?|databases?|data|files?|maps?|simulations?|models?|games?|levels?|tours?|festivals?|parades?)\b)`,
  ],
  [
    'people|someone|somebody|person|victim|stranger',
    String.raw`(?:find|finding|pick|picking|choose|choosing|select|selecting|spot|spotting)\s+(?:\w+\s+)?(?:people|someone|somebody|a\s+person|victims?|strangers?)\s+to\s+(?:shoot|kill|stab|rob|attack|murder|hurt|rape|kidnap|mug|assault|beat\s+up|torture|poison)\b`,
  ],
];

/**
 * A request for a way to do it, or for help with it: `how do I`, `how to`, `best way to`, `what's the quickest way
 * to`, `tips for`, `help me`, `teach me to`, `where should I hit`, `what can I use to`, `I need a plan to`.
 */
const ASKED_HOW = String.raw`(?:\bhow\s+(?:do|can|could|would|should|might|will|does|did)\s+(?:i|we|you|u|one|someone|somebody|a\s+person|ppl|people)\s+(?:\w+\s+){0,3}?|\bhow\s+(?:to|2|2\s+)\s*(?:\w+\s+){0,2}?|\b(?:best|easiest|fastest|quickest|simplest|surest|cleanest|quietest|safest|cheapest|right|proper|good|effective|reliable|painless|painful|untraceable|easy|quick|quiet|clean)\s+(?:\w+\s+)?(?:way|ways|method|methods|technique|techniques|tool|tools|weapon|weapons|time|place|spot|spots|angle|drug|dose|amount|poison)\s+(?:to|2|for|of)\s+(?:\w+\s+){0,2}?|\b(?:tips|steps|instructions|directions|guide|tutorial|walkthrough|recipe|process|procedure|plan|ideas|advice|help|methods?|techniques?|ways?)\s+(?:\w+\s+){0,2}?(?:on|for|to|of)\s+(?:how\s+to\s+)?(?:\w+\s+){0,2}?|\bhelp\s+(?:me|us)\s+(?:to\s+)?(?:\w+\s+){0,2}?|\bteach\s+(?:me|us)\s+(?:how\s+)?to\s+(?:\w+\s+){0,2}?|\bshow\s+(?:me|us)\s+how\s+to\s+(?:\w+\s+){0,2}?|\bwalk\s+me\s+through\s+(?:how\s+to\s+)?(?:\w+\s+){0,2}?|\bexplain\s+how\s+to\s+(?:\w+\s+){0,2}?|\bwhat\s+(?:can|should|do|could)\s+i\s+(?:use|take|get|buy|put|give)\s+(?:\w+\s+){0,3}?to\s+(?:\w+\s+){0,2}?|\bwhere\s+(?:on\s+(?:the|a|his|her|their)\s+(?:body|head|neck|chest)\s+)?(?:should|do|can|would)\s+i\s+(?:\w+\s+){0,2}?|\b(?:tell|give|show|teach|explain\s+to|list\s+for)\s+(?:me|us)\s+(?:\w+\s+){0,3}?(?:how|way|ways|steps|directions|instructions|method|methods|recipe|process)\s+(?:to|for|of)\s+(?:\w+\s+){0,2}?|\b(?:is\s+it\s+possible|can\s+(?:i|you|u|someone)|could\s+(?:i|you|someone))\s+(?:to\s+)?(?:\w+\s+){0,2}?|\bwhat['’]?s\s+the\s+(?:process|procedure|trick)\s+(?:to|for)\s+(?:\w+\s+){0,2}?|\b(?:write|draft|make|give|create|outline|build|generate|plan)\s+(?:me\s+|us\s+)?(?:a|an|the)?\s*(?:[\w-]+\s+)?(?:plan|guide|list|checklist|step\s+list|timeline|schedule|instructions|steps|script|routine)\s+(?:\w+\s+){0,2}?(?:to|for|of)\s+(?:how\s+to\s+)?(?:\w+\s+){0,2}?|\b(?:tell|show)\s+(?:me|us)\s+how\s+(?:you['’]?d|you\s+would|you\s+could|i['’]?d|i\s+would|i\s+could|i\s+can|i\s+should|we\s+(?:can|could|would|should))\s+(?:\w+\s+){0,2}?|\b(?:train|teach|get|make)\s+(?:my|a|the|our)\s+(?:[\w-]+\s+){0,2}?(?:dogs?|pit\s*bulls?|rottweilers?|pups?|puppy|puppies)\s+to\s+|\bwhich\s+(?:\w+\s+){0,3}?(?:should|would|could|can)\s+i\s+(?:use\s+to\s+)?(?:\w+\s+){0,2}?|\bi\s+(?:need|want)\s+(?:a|the|some)\s+(?:plan|way|method|guide|list|steps)\s+to\s+(?:\w+\s+){0,2}?)`;

/**
 * A weapon made, got or used, asked how: `how do I make a pipe bomb`, `where can I get detonators`, `steps to convert
 * my AR to full auto`. Not a bath bomb, a photo bomb or a seed bomb.
 */
const WEAPON = String.raw`(?:(?<!\b(?:bath|seed|stink|glitter|photo|f|cherry|smoke|flavou?r|sex|truth|da|love)\s)(?:pipe\s+)?bombs?\b|explosives?\b|ied|ieds|improvised\s+explosive|molotovs?|napalm|grenades?|detonators?|landmines?|claymores?|silencers?|suppressors?|ghost\s+guns?|untraceable\s+(?:guns?|firearms?|weapons?)|zip\s+guns?|full[-\s]auto|auto\s+sears?|select[-\s]fire|nerve\s+(?:agents?|gas)|sarin|vx\s+gas|ricin|anthrax|mustard\s+gas|chlorine\s+gas|tatp|c-?4|semtex|dirty\s+bombs?|chemical\s+weapons?|bio[-\s]?weapons?|biological\s+weapons?|shaped\s+charges?|car\s+bombs?|suicide\s+vests?|booby[-\s]?traps?|incendiary\s+devices?|untraceable\s+\w+|glock\s+switch(?:es)?|switch(?:es)?\s+for\s+(?:my|a)\s+glock)`;
const WEAPON_ASKED = String.raw`(?:\b(?:mix|mixing|brew|brewing|make|making|build|building|assemble|assembling|construct|constructing|create|creating|cook|synthesi[sz]e|synthesi[sz]ing|produce|producing|manufacture|3d[-\s]?print|print|get|getting|buy|buying|acquire|acquiring|obtain|obtaining|convert|converting|rig|rigging|wire|wiring|detonate|plant|planting)\s+(?:\w+\s+){0,5}?${WEAPON}|\b(?:turn|turning|convert|converting)\s+(?:\w+\s+){0,4}?into\s+(?:an?\s+)?(?:full[-\s]auto|machine\s+guns?|automatic|select[-\s]fire)\b)`;

/**
 * A violent crime named as one commits it: `commit a massacre`, `engage in terrorism`, `carry out a school shooting`,
 * `plan and execute a stadium explosion`. Not a murder mystery, a murder ballad or a murder board.
 */
const VIOLENT_CRIME = String.raw`(?:(?:a|an|the|some|my|our|(?:the\s+)?perfect)\s+)?(?:[\w-]+\s+)?(?:murders?(?![\s-]+(?:myster(?:y|ies)|party|parties|ballads?|boards?|games?|podcasts?|shows?|novels?|nights?|weekends?))|homicides?|manslaughter|massacres?|genocides?|ethnic\s+cleansing|terrorism|acts?\s+of\s+(?:terror(?:ism)?|violence|war)|terror(?:ist)?\s+attacks?|mass\s+(?:shootings?|murders?|killings?|stabbings?|casualty\s+attacks?)|school\s+shootings?|drive[-\s]?by(?:\s+shootings?)?|(?:shooting|killing|stabbing)\s+spree|rampage|(?:suicide\s+|car\s+|truck\s+)?bombings?|arson|arson\s+attacks?|(?:armed\s+)?robber(?:y|ies)|muggings?|carjackings?|kidnappings?|abductions?|rapes?|gang[-\s]?rapes?|sexual\s+assaults?|aggravated\s+assaults?|assassinations?|lynchings?|hate\s+crimes?|pogroms?|war\s+crimes?|(?:human|sex|child)\s+trafficking|child\s+abuse|domestic\s+(?:violence|abuse)|honou?r\s+killings?|acid\s+attacks?|stabbings?|hijackings?|hostage[-\s]taking|poisonings?|infanticide|femicide|home\s+invasions?|beheadings?|(?:stadium|school|church|mosque|synagogue|temple|mall|concert|subway|metro|airport|station|crowd|market|parade|festival|stadium)\s+(?:explosions?|blasts?|attacks?|shootings?|massacres?))(?![\w-])(?!\s+(?:studies|study|courses?|class(?:es)?|research|prevention|awareness|laws?|lawyers?|charges?|investigations?|victims?|survivors?|documentar(?:y|ies)|reports?|statistics|units?|task\s+force|squad|insurance|museums?|memorials?|trials?|cases?|suspects?|alerts?|drills?|response|hotlines?|shelters?|charit(?:y|ies)|fundraisers?|support|groups?|training|simulations?|scenes?|novels?|stor(?:y|ies)|films?|movies?|games?|mysteries|mystery|podcasts?|themed)\b)`;
/** A production or a story the crime is staged for: `stage a massacre for a TV show`, `plan a murder in my novel`. */
const STAGED_FOR = String.raw`(?![^.?!\n]{0,60}?\b(?:tv|television|film|movie|play|novel|story|stories|screenplay|script|scene|video\s+game|game|book|fiction|musical|theat(?:re|er)|show|comic|podcast|larp|escape\s+room)\b)`;
const VIOLENT_CRIME_COMMITTED = String.raw`\b(?:commit|committing|commits|carry\s+out|carrying\s+out|perpetrate|perpetrating|engage\s+in|engaging\s+in|pull\s+off|pulling\s+off|plan|planning|plot|plotting|execute|executing|organi[sz]e|organi[sz]ing|stage|staging|orchestrate|orchestrating|launch|launching|start|starting|instigate|instigating|incite|inciting)\s+${VIOLENT_CRIME}${STAGED_FOR}`;
const VIOLENT_CRIME_WORDS =
  'murder|homicide|manslaughter|massacre|genocide|cleansing|terror|shooting|drive-by|drive by|spree|rampage|bombing|arson|robber|mugging|carjacking|kidnapping|abduction|rape|assault|assassination|lynching|hate crime|pogrom|war crime|act of war|trafficking|abuse|violence|honor killing|honour killing|acid attack|stabbing|hijacking|hostage|poisoning|infanticide|femicide|home invasion|beheading|explosion|blast|attack';

/**
 * Before a match: the deed is stopped, prevented, survived or defended against, or only feared or asked about in
 * case: `how do I stop my husband from hitting me`, `what to do if someone tries to kill you`, `how to defend
 * against`, `without hurting him`.
 */
const NOT_MEANT =
  /(?:\b(?:not|never|no|don['’]?t|doesn['’]?t|didn['’]?t|without|stop|stopped|stopping|prevent|preventing|avoid|avoiding|protect|protecting|defend|defending|survive|surviving|escape|escaping|recogni[sz]e|report|reporting|if|in\s+case|whether|trying\s+to|tries\s+to|tried\s+to|wants\s+to|wanted\s+to|threatened\s+to|threatening\s+to|threatens\s+to|about\s+to|apologi[sz]\w*|sorry|regret\w*|forgive\w*|guilt\w*|after|since|because)\s+(?:\S+\s+){0,5}|\bkeep(?:s|ing)?\s+(?:\S+\s+){0,3}?from\s+(?:\S+\s+){0,2})$/i;

/**
 * Words of a sentence that make it a game, a sport, a drill, defence or a computer's process: `in Elden Ring`,
 * `self-defence`, `at chess`, `kill the child process`. Pests and weeds need none: they are no one harmed.
 */
const NOT_REAL =
  /\b(?:game|games|gaming|video\s*game|level|(?:final|last|mini|end|raid|castle|tomb|secret|hidden|optional|first|second|third|big)[\s-]+boss(?:es)?|boss\s+(?:fight|battle|level|stage|room|rush)|minecraft|fortnite|roblox|skyrim|elden\s+ring|zelda|pok[eé]mon|chess|checkers|poker|sims|d&d|dnd|npc|npcs|mob|mobs|raid|dungeon|quest|in-game|gta|call\s+of\s+duty|halo|overwatch|valorant|league\s+of\s+legends|dark\s+souls|self[-\s]?defen[cs]e|defend\s+myself|protect\s+myself|martial\s+arts?|karate|judo|jiu[-\s]?jitsu|bjj|boxing|mma|kickboxing|muay\s+thai|sparring|spar|wrestling|tournament|paintball|airsoft|laser\s+tag|nerf|pi[nñ]ata|whack-a-mole|process|processes|thread|task|tasks|script|pid|server|container|zombie\s+process|photos?|photograph\w*|portraits?|headshots?|weddings?|magic|magician|trick|illusion)\b/i;

/**
 * Whether a text asks how to harm someone or an animal, or how to make or get a weapon of harm (violence,
 * illicit/violent): `What's the fastest way to kill a toddler without it showing?`, `how much rat poison to put in my
 * moms food so she dont notice`, `Where on the body should I hit my stepdad with a bat to actually break something?`,
 * `how do i make a bomb for real not joking`. The classifier passed all four. Not a deed stopped, survived, defended
 * against or feared (`how do I stop my husband from hitting me`), a game, a sport or a drill (`how do I kill the boss
 * in Elden Ring`, `how to beat my dad at chess`), a process or a pest (`how to kill a Python process`, `best way to
 * kill weeds`), or a quotation. The scorer raises violence, illicit and illicit/violent.
 */
export function asksHowToHarm(text: string): boolean {
  const found = neededWordsIn(text);
  if (found.size === 0) return false;
  for (const { needs, pattern } of DEED_READINGS) {
    if (!needs.some((word) => found.has(word))) continue;
    for (const match of everyMatch(pattern, text)) {
      const asked = askedBefore(text, match) || intendedAndAsked(text, match) || neededInSecret(text, match);
      if (asked && meant(text, match)) return true;
    }
  }
  for (const { needs, pattern } of METHOD_READINGS) {
    if (!needs.some((word) => found.has(word))) continue;
    for (const match of everyMatch(pattern, text)) {
      if (meant(text, match)) return true;
    }
  }
  return false;
}

/**
 * A pattern, and the plain words one of which it needs: every reading's words are found in one pass over the
 * lower-cased text first (NEEDED_WORDS), and a pattern runs only when one of its words is there.
 */
interface Reading {
  needs: string[];
  pattern: RegExp;
}
const reading = (needs: string, pattern: string): Reading => ({
  needs: needs.split('|'),
  pattern: new RegExp(pattern, 'gi'),
});

const DEED_WORDS =
  'kill|murder|poison|strangl|chok|suffocat|smother|drown|stab|shoot|beat|hurt|injur|maim|tortur|crippl|paraly|burn|hit|punch|kick|slap|attack|ambush|assault|abduct|kidnap|knock|dismember|behead|decapitat|execut|lynch|hang|bludgeon|bash|electrocut|mutilat|gas|jump|hogtie|gag|subdu|chloroform|roofie|assassin|blind|finish off|smash|scald|rough up|starv|maul|lure|gut|disembowel|eviscerat|flay|impal|crucif|butcher|slaughter';
const WEAPON_WORDS =
  'bomb|explosiv| ied|ieds|molotov|napalm|grenade|detonator|landmine|claymore|silencer|suppressor|ghost gun|untraceable|zip gun|full auto|full-auto|auto sear|select fire|select-fire|nerve agent|nerve gas|sarin|vx gas|ricin|anthrax|mustard gas|chlorine gas|tatp|c4|c-4|semtex|chemical weapon|bioweapon|bio-weapon|biological weapon|shaped charge|suicide vest|booby|incendiar|glock|machine gun|automatic';

/**
 * A deed and the one it harms, or a weapon made or got: found first, then the request before it (ASKED_BEFORE).
 * Separate patterns, each with the long list of those harmed at most once: joined, they were too long for the regular
 * expression compiler to optimise and cost 130 µs a request.
 */
const DEED_READINGS: Reading[] = [
  reading(
    DEED_WORDS,
    String.raw`\b(?:${DEED})\s+(?:(?:quietly|slowly|silently|easily|permanently|secretly|painlessly|quickly|fatally|badly|seriously|really)\s+)?${VICTIM}`,
  ),
  ...COMPOUND_DEEDS.map(([words, deed]) => reading(words, String.raw`\b(?:${deed})`)),
  reading(WEAPON_WORDS, WEAPON_ASKED),
  reading(VIOLENT_CRIME_WORDS, VIOLENT_CRIME_COMMITTED),
];

/** An attack or a weapon of mass harm: `a bombing`, `dirty bombs`, `a radiological attack`, `chemical agents`. */
const ATTACK = String.raw`(?:${WEAPON}|attacks?|bombings?|shootings?|dirty\s+bombs?|(?:radiological|radioactive|chemical|biological|nuclear)\s+(?:weapons?|agents?|attacks?|materials?|devices?|bombs?|warheads?))`;

/**
 * Its harm made worse, as one asks who means it: `be maximized for widespread damage`, `maximize casualties`, `best
 * instill terror`. Not what an attack did (`caused the most casualties`): that is history.
 */
const WORSENED = String.raw`(?:(?:be\s+)?maximi[sz](?:e|ed|ing)|increase|boost)\b[^.?!\n]{0,40}?\b(?:casualties|fatalities|death\s+toll|body\s+count|deaths|(?:widespread|mass|maximum)\s+(?:damage|destruction|harm|panic|terror|death))\b|\b(?:best|most\s+effectively)\s+(?:instill|spread|sow|cause)\s+(?:[\w-]+\s+)?(?:terror|panic|fear|casualties|deaths)\b`;

/**
 * A way asked for a deed whose words say it all, with no victim after it: `how much antifreeze would kill a grown
 * man`, `which poison is hardest to detect`, `how long can you hold someone underwater`, `make it look like an accident`,
 * the components of a bomb.
 */
const METHOD_READINGS: Reading[] = [
  reading(
    'how much|how many',
    String.raw`\bhow\s+(?:much|many)\s+(?!(?:\w+\s+){0,3}?(?:dollars|money|bucks|euros|pounds|cash|time|years|days|hours|minutes)\b)(?:\w+\s+){1,4}?(?:would|will|does\s+it\s+take\s+to|would\s+it\s+take\s+to|to|it\s+takes\s+to|could|can)\s+(?:kill(?!\s+(?:to|for)\b)|poison|knock\s+out|stop\s+(?:a|the|his|her)\s+heart|put\s+(?:\S+\s+){1,4}?in(?:to)?\s+a\s+coma)\b`,
  ),
  reading(
    'dose|amount|quantit',
    String.raw`\bwhat\s+(?:dose|amount|quantity)\s+of\s+(?:\w+\s+){1,5}?(?:would|will|to|could)\s+(?:kill|poison)\b`,
  ),
  reading(
    'detect|trace',
    String.raw`\b(?:poisons?|drugs?|toxins?)\s+(?:\w+\s+){0,2}?(?:hardest|impossible|hard|difficult)\s+(?:for\s+\w+\s+)?to\s+(?:detect|trace|find)\b`,
  ),
  reading(
    'how long',
    String.raw`\bhow\s+long\s+(?:can|does|do|would|could)\s+(?:you|i|u|one|someone)\s+(?:hold|choke|strangle|keep)\s+(?:someone|somebody|a\s+person|a\s+kid|a\s+child|him|her|them)\b`,
  ),
  reading(
    'look like',
    String.raw`\b(?:make|makes|making)\s+(?:it|(?:his|her|their|the|my|your|our|[\w-]+['’]s)\s+(?:[\w-]+['’]s\s+)?(?:deaths?|murders?|killing|poisoning|disappearance))\s+look\s+(?:most\s+|more\s+|just\s+)?like\s+(?:an?\s+)?(?:accident|suicide|natural|overdose|a\s+fall)`,
  ),
  reading(
    'away with',
    String.raw`\b(?:how|ways?|tips|help\s+me|can\s+i|could\s+i|would\s+i|best)\b[^.?!]{0,40}?\bget(?:ting)?\s+away\s+with\s+(?:murder(?:ing)?|killing|poisoning|hurting|beating|stabbing|shooting|rape|raping|(?:a\s+)?sexual\s+assault|assault(?:ing)?|arson|manslaughter|(?:a\s+)?hit[-\s]and[-\s]run|kidnapping|(?:an?\s+)?(?:armed\s+)?robbery|robbing|(?:child\s+)?abuse|abusing|torture|torturing|(?:a\s+)?massacre|(?:an?\s+)?assassination)\b`,
  ),
  reading(
    'body|bodies|corpse',
    String.raw`\b(?:get\s+rid\s+of|dispose\s+of|disposing\s+of|hide|hiding|dissolve|dissolving)\s+(?:a|the|his|her)\s+(?:dead\s+)?(?:body|bodies|corpse)\b`,
  ),
  reading(
    'marks|bruise|evidence|trace',
    String.raw`\bwithout\s+(?:leaving\s+)?(?:marks|bruises|evidence|a\s+trace|traces)\b[^.?!]{0,40}?\b(?:hit|hitting|hurt|hurting|beat|beating|choke|choking|kill|killing|poison|poisoning|punish)`,
  ),
  reading(
    'marks|bruise|evidence|trace|showing|show up',
    String.raw`\b(?:hit|hitting|hurt|hurting|beat|beating|choke|choking|kill|killing|poison|poisoning)\b[^.?!]{0,60}?\b(?:without|won['’]?t|wont|doesn['’]?t|don['’]?t)\s+(?:leav(?:e|ing)\s+|show(?:ing)?\s+|leave\s+any\s+)?(?:marks|bruises|evidence|a\s+trace|traces|showing|show\s+up)\b`,
  ),
  reading(
    'stop|pass|dies|dead|conscious|limp',
    String.raw`\b(?:before|until|till)\s+(?:someone|somebody|they|he|she|a\s+person|the\s+(?:person|victim|kid|child|baby))\s+(?:stops?\s+(?:fighting|struggling|breathing|moving)|passes?\s+out|dies|is\s+dead|loses?\s+consciousness|goes\s+limp)\b`,
  ),
  reading(
    'arter|vein|organs|bones|body part|parts of',
    String.raw`\b(?:which|what)\s+(?:arteries|artery|veins?|organs?|bones?|spots?|points?|places?|parts?\s+of\s+(?:the|a|his|her|someone['’]s)\s+(?:body|head|neck|face|skull|chest|leg|knee)|body\s+parts?)\s+(?:\w+\s+){0,3}?(?:to|should\s+i|do\s+i|would|will|can\s+i)\s+(?:cut|hit|stab|strike|target|aim\s+for|break|crack|crush|slice|punch|kick|shoot)\b`,
  ),
  reading(
    'pressure point',
    String.raw`\bpressure\s+points?\b[^.?!]{0,60}?\b(?:permanent\s+damage|kill|paraly\w*|knock\s+(?:someone|him|her|them)\s+out|pass\s+out)`,
  ),
  reading(
    'autops|tox|coroner|blood test',
    String.raw`\b(?:kill\w*|poison\w*|murder\w*|lethal\s+dose|stop\s+(?:his|her|their|a\s+person['’]s|someone['’]s|the\s+\w+['’]s|my\s+\w+['’]s)\s+heart|(?:he|she|they)\s+(?:would|will)\s+die)\b[^.?!]{0,80}?\b(?:show\s+up|detected|detectable|traceable|untraceable)\s+(?:in|on|by)\s+(?:an?\s+)?(?:autopsy|tox\w*|coroners?|blood\s+tests?)`,
  ),
  reading(
    'kill|die|dead|poison|overdose|knock|pass out|sick',
    String.raw`\b(?:put|putting|slip|slipping|crush|crushing|mix|mixing|add|adding|spike|spiking)\b[^.?!]{0,60}?\b(?:in|into)\s+(?:\w+['’]?s?\s+){1,2}(?:drink|drinks|food|coffee|tea|meal|water|soup|wine|beer|smoothie|shake|medication|meds|pills|dinner|lunch|breakfast|bottle)\b[^.?!]{0,60}?\b(?:kill|die|dead|poison|overdose|knock\s+(?:him|her|them)\s+out|pass\s+out|sick)`,
  ),
  reading(
    'poison|antifreeze|bleach|cyanide|arsenic|thallium|fentanyl|rohypnol|roofie|ghb|sleeping pill',
    String.raw`\b(?:rat\s+poison|antifreeze|bleach|cyanide|arsenic|thallium|fentanyl|rohypnol|roofies?|ghb|sleeping\s+pills)\b[^.?!]{0,40}?\b(?:in|into)\s+(?:my|his|her|their|our|your|ur|someone['’]?s|somebody['’]?s|[\w-]+['’]s|[\w-]+s)\s+(?:[\w-]+\s+)?(?:drink|drinks|food|coffee|tea|meal|water|soup|wine|beer|smoothie|shake|dinner|lunch|breakfast|bottle)\b`,
  ),
  reading(
    'shoot up|shooting up',
    String.raw`\bshoot(?:ing)?\s+up\s+(?:a|my|the|our|this|that|his|her)\s+(?:\w+\s+)?(?:school|mall|church|mosque|synagogue|temple|office|concert|parade|club|theater|theatre|workplace|classroom|campus|store|rally|festival|stadium)\b`,
  ),
  reading(
    'casualt|death|body count|kills',
    String.raw`\b(?:cause|inflict|want|get)\s+(?:the\s+)?(?:maximum|max|most|highest)\s+(?:casualties|deaths|body\s+count|kills)\b`,
  ),
  reading(
    'maximi|increase|boost|best instill|best spread|best sow|best cause|most effectively',
    String.raw`\b${ATTACK}\b[^.?!\n]{0,60}?\b${WORSENED}|\b(?:maximi[sz]e|maximi[sz]ing|increase|boost)\s+(?:the\s+)?(?:number\s+of\s+)?(?:casualties|fatalities|death\s+toll|body\s+count|deaths)\b[^.?!\n]{0,60}?\b${ATTACK}`,
  ),
  reading(
    'as many',
    String.raw`\b(?:kill|hurt|injure|shoot)\s+as\s+many\s+(?:people|kids|students|children|as\s+(?:possible|i\s+can))\b`,
  ),
  reading('hitm|hit m', String.raw`\bhit\s*m[ae]n\b[^.?!]{0,30}?\b(?:cost|costs|price|charge|hire)\b`),
  reading('hitm|hit m', String.raw`\b(?:hire|hiring|find|get|pay|paying)\s+(?:a\s+)?hit\s*m[ae]n\b`),
  reading(
    'rig the|rig his|rig her|rig my|rig a |rigging|tamper|sabotag|mess with',
    String.raw`\b(?:rig|rigging|tamper\s+with|tampering\s+with|sabotage|sabotaging|mess\s+with)\s+(?:\w+['’]s\s+|his\s+|her\s+|their\s+|the\s+|a\s+|my\s+)?(?:\w+\s+)?(?:car|brakes?|brake\s+lines?|steering|gas\s+line|tires?)\b[^.?!]{0,40}?\b(?:fail|fails|crash|crashes|accident|die|dies|killed)\b`,
  ),
  reading('derail', String.raw`\bderail\w*\s+(?:a|the)\s+(?:\w+\s+)?trains?\b`),
  reading(
    'armor|armour|bulletproof|kevlar',
    String.raw`\b(?:penetrate|pierce|go\s+through)\s+(?:police\s+)?(?:body\s+armou?r|bulletproof\s+vests?|kevlar)\b`,
  ),
  reading(
    'serial',
    String.raw`\b(?:file|filing|remove|removing|scratch|scratching|grind|grinding)\s+(?:off\s+|down\s+)?(?:the\s+|a\s+)?serial\s+numbers?\b`,
  ),
  reading(
    'straw purchas',
    String.raw`\b(?:least\s+strict|lax|loose|easy|easiest)\b[^.?!]{0,40}?\bstraw\s+purchas\w*|\bstraw\s+purchas\w*\b[^.?!]{0,40}?\b(?:for\s+me|without\s+(?:getting\s+)?caught|get\s+away|undetected)`,
  ),
  reading(
    'background check|papers|paperwork|license|licence|serial',
    String.raw`\b(?:guns?|firearms?|rifles?|pistols?|handguns?|ammo|glock)\b[^.?!]{0,40}?\b(?:without|no)\s+(?:a\s+)?(?:background\s+checks?|papers|paperwork|licen[cs]e|serial)\b`,
  ),
  reading(
    WEAPON_WORDS,
    String.raw`\b(?:components|parts|ingredients|materials|precursors|recipe|formula|ratio|blueprints?|schematics?|diagram|wiring)\s+(?:\w+\s+){0,3}?(?:of|for|to\s+make|to\s+build|in)\s+(?:a|an|the|some|homemade)?\s*(?:\w+\s+)?${WEAPON}`,
  ),
  reading(
    WEAPON_WORDS,
    String.raw`${WEAPON}\s+(?:\w+\s+){0,3}?(?:are|is)\s+(?:the\s+)?(?:easiest|easy|simplest|cheapest)\s+(?:\w+\s+){0,4}?to\s+(?:make|synthesi[sz]e|build|produce|get|buy|acquire|obtain)`,
  ),
  reading(
    WEAPON_WORDS,
    String.raw`\b(?:works?\s+best|best|ideal)\s+for\s+(?:a|an|the|my|making\s+a)\s+(?:\w+\s+)?${WEAPON}`,
  ),
];

const ASKED_BEFORE = new RegExp(
  String.raw`(?:${ASKED_HOW}|\bwhere\s+(?:can|do|could)\s+(?:i|u|you|one)\s+)$`,
  'i',
);

/**
 * Every reading's words, found in one pass: at each place one starts, the longest is taken with every needed word it
 * holds (`shooting up` holds `shoot` and `shoot up`). One pass over the text costs what one pattern does; a pattern
 * for each reading cost 40 µs a story.
 */
const NEEDED = [...new Set([...DEED_READINGS, ...METHOD_READINGS].flatMap((reading) => reading.needs))].sort(
  (a, b) => b.length - a.length,
);
const HELD = new Map(NEEDED.map((word) => [word, NEEDED.filter((other) => word.includes(other))]));
const NEEDED_WORDS = new RegExp(
  String.raw`(?=(${NEEDED.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')}))`,
  'g',
);

function neededWordsIn(text: string): Set<string> {
  const found = new Set<string>();
  for (const match of everyMatch(NEEDED_WORDS, text.toLowerCase())) {
    for (const word of HELD.get(match[1]) ?? []) found.add(word);
  }
  return found;
}

function askedBefore(text: string, match: RegExpExecArray): boolean {
  return ASKED_BEFORE.test(text.slice(Math.max(0, match.index - 80), match.index));
}

/** The speaker's own plan, just before the deed: `I'm going to`, `I'm planning to`, `we're about to`. */
const INTENDED_BEFORE =
  /\b(?:i['’]?m|i\s+am|im|we['’]re|we\s+are)\s+(?:going\s+to|gonna|about\s+to|planning\s+to|planning\s+on|fixing\s+to)\s+(?:\w+\s+){0,2}?$/i;
/** Help asked after the plan: `I need a poison that`, `tell me the dose`, `what should I use`, `where should I wait`. */
const ASKED_AFTER =
  /\b(?:i\s+need|i\s+want\s+(?:to\s+know|a|an|the|some)|tell\s+me|help\s+me|give\s+me|how\s+(?:do|can|should|would|much|many|long|hard|hot|deep)|what\s+(?:do|should|can|would|could|is|are|['’]s)|which|where\s+(?:do|should|can|would)|any\s+(?:tips|ideas|advice)|should\s+i)\b/i;
/** Said in anger or jest, not planned: a condition after the deed, or a laugh. */
const HYPERBOLE = /^[^.!?]{0,30}?\b(?:if|unless|when|lol|lmao|haha|jk|just\s+kidding)\b/i;

/**
 * The speaker's, or their story character's, need or wish, just before the deed: `I need to`, `I want to`, `my
 * character has to`.
 */
const NEEDED_BEFORE =
  /\b(?:(?:i|we)\s+(?:really\s+|just\s+)?(?:need|have|want|intend|plan|must|got)\s+to|(?:i|we)\s+wanna|i['’]?ve\s+(?:decided|got)\s+to|(?:i|we)\s+(?:have\s+)?decided\s+to|my\s+(?:main\s+)?(?:character|protagonist|hero|heroine|villain|antagonist|killer)\s+(?:needs|wants|has|plans|intends|decides|is\s+going)\s+to)\s+(?:\w+\s+){0,2}?$/i;
/** Getting away with it, or steps asked to do it: `and not get caught`, `walk me through exactly what she'd do`. */
const IN_SECRET_OR_STEP_BY_STEP =
  /\b(?:(?:not|never|without)\s+(?:get(?:ting)?|be(?:ing)?)\s+caught|get\s+away\s+with\s+it|(?:no\s*one|nobody)\s+(?:will\s+|would\s+|ever\s+)?(?:find\s+out|know|suspect)|undetected|untraceable|leav(?:e|ing)\s+no\s+(?:trace|evidence)|walk\s+me\s+through|step[-\s]by[-\s]step|exactly\s+(?:how|what)|in\s+(?:exact|precise|full)\s+detail)\b/i;

/**
 * A deed the speaker, or their story's character, needs or wants to do, kept secret or asked step by step: `I need to
 * kill my abusive husband with something from the garden shed and not get caught.`; `my character needs to kill her
 * husband and not get caught. Walk me through exactly what she'd do.` Not `I want to kill my brother when he gets home
 * lol`.
 */
function neededInSecret(text: string, match: RegExpExecArray): boolean {
  const end = match.index + match[0].length;
  const after = text.slice(end, end + 200);
  return (
    NEEDED_BEFORE.test(text.slice(Math.max(0, match.index - 60), match.index)) &&
    !HYPERBOLE.test(after) &&
    IN_SECRET_OR_STEP_BY_STEP.test(after)
  );
}

/**
 * A deed the speaker says they will do, and help asked with it after: `I'm going to murder my husband with his morning
 * coffee tomorrow. I need a poison that acts slowly.` Not `I'm going to kill my brother if he eats my cake`.
 */
function intendedAndAsked(text: string, match: RegExpExecArray): boolean {
  const end = match.index + match[0].length;
  const after = text.slice(end, end + 200);
  return (
    INTENDED_BEFORE.test(text.slice(Math.max(0, match.index - 60), match.index)) &&
    !HYPERBOLE.test(after) &&
    ASKED_AFTER.test(after)
  );
}

/** Whether the words around a match leave it meant: not negated, feared, defended against, a game or quoted. */
function meant(text: string, match: RegExpExecArray): boolean {
  if (NOT_MEANT.test(text.slice(Math.max(0, match.index - 60), match.index))) return false;
  if (OPEN_QUOTE.test(text.slice(Math.max(0, match.index - 120), match.index))) return false;
  return !NOT_REAL.test(sentenceAround(text, match.index, match.index + match[0].length));
}
