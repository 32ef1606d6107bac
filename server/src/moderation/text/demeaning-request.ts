import { BENEATH_PEOPLE, LOWER_BEINGS, STEREOTYPED } from './hateful-statement';
import { IDENTITY_MANY, IDENTITY_ONE, PEOPLE_ADJECTIVE } from './identity-groups';
import { REQUESTED } from './requests';
import { sentenceAfter, sentenceAround, sentenceBefore } from './sentences';
import { everyMatch } from './every-match';

/** Words naming a prejudice: what they describe is aimed at people for who they are (`a racist joke`). */
const PREJUDICED = String.raw`(?:racist|sexist|homophobic|transphobic|anti-?semitic|islamophobic|xenophobic|ableist|misogynist(?:ic)?|bigoted)`;

/** Words naming words as demeaning: `derogatory`, `dehumanising`, `offensive`. */
const DEMEANING = String.raw`(?:derogatory|demeaning|dehumani[sz]ing|degrading|belittling|disparaging|denigrating|offensive|insulting|hateful)`;

/** Words asked for, or the things made of them: `terms`, `nicknames`, `jokes`, `slogans`. */
const WORDS = String.raw`(?:put-?downs?|terms?|words?|names?|nicknames?|language|jokes?|comments?|remarks?|insults?|slogans?|memes?|statements?|phrases?|things|labels?|songs?|chants?|posts?|tweets?|poems?|rhymes?|epithets?|slurs?|lines|expressions?|sentences|comparisons?|caricatures?|cartoons?|signs?|banners?|captions?|puns?)`;

/**
 * Words that demean people asked for by name: `derogatory terms`, `racist jokes`, `the most offensive nicknames`, `slurs
 * for`, `insults about`.
 */
const DEMEANING_WORDS = new RegExp(
  String.raw`(?<![\p{L}])(?:(?:${PREJUDICED}|${DEMEANING})\s+(?:[\p{L}'’-]+\s+){0,2}?${WORDS}|(?:slurs?|epithets?|insults?|put-?downs?)\s+(?:for|about|against|aimed\s+at|targeting|to\s+(?:call|use|throw))|insults?\s+(?:would|will|that\s+(?:would|will))\s+(?:hurt|upset|offend|humiliate|destroy)|(?:slurs?|epithets?|insults?)\s+(?:(?:i|we)\s+(?:can|could|should)|(?:can|could|should)\s+(?:i|we))\s+(?:use|call|throw|say)|the\s+(?:more\s+(?:${PREJUDICED}|${DEMEANING}|hurtful|brutal)|meaner|nastier|cruell?er|harsher|more\s+it\s+hurts)\s+the\s+better)(?![\p{L}])`,
  'giu',
);

/** One person for who they are (`a Muslim`, `the Indian guy`); not `a woman` or `a girl` alone: that is a person. */
const ONE_FOR_WHO_THEY_ARE = String.raw`(?!(?:woman|girl)(?![\p{L}]))${IDENTITY_ONE}`;

/**
 * People named for who they are, or what they are demeaned for: `Muslims`, `a black guy`, `gay`, `someone's
 * disability`, `their race`.
 */
const GROUP = new RegExp(
  String.raw`(?<![\p{L}])(?:${IDENTITY_MANY}|${ONE_FOR_WHO_THEY_ARE}|${PEOPLE_ADJECTIVE}|jews|christians|hindus|sikhs|lgbt\w*|race|racial|ethnicit(?:y|ies)|religions?|disabilit(?:y|ies)|sexual\s+orientation|gender\s+identity|nationality|skin\s+colou?r|${PREJUDICED})(?![\p{L}])`,
  'iu',
);

/** A person the words are aimed at: `someone`, `a person`, `my coworker`, `her`. */
const PERSON =
  /(?<![\p{L}])(?:someone|somebody|a\s+(?:person|guy|girl|man|woman|kid)|people|(?:my|our|the|this|that)\s+(?:[\p{L}-]+\s+)?(?:coworkers?|co-workers?|colleagues?|classmates?|boss|manager|teacher|student|neighbou?rs?|roommates?|sister|brother|cousin|friends?|ex|wife|husband|girlfriend|boyfriend|partner|teammates?|customers?|employees?|tenants?|landlord|kid|girl|boy|guy|man|woman|lady|intern)|(?:her|him|them)(?![\p{L}]))/iu;

/** People named for who they are, as the object of a verb: `immigrants`, `the Indian workers`, `LGBTQ+ people`. */
const PEOPLE_NAMED_FOR_WHO = String.raw`(?:(?:the|all|those|these|some|a|an|our|my)\s+)?(?:${IDENTITY_MANY}|${PEOPLE_ADJECTIVE}\s+[\p{L}]+|${ONE_FOR_WHO_THEY_ARE}|lgbt\w*\+?(?:\s+(?:people|community(?:\s+members)?))?)`;

/** What people are made out to be when they are dehumanised: beasts, pests, filth, things. */
const LESS_THAN_PEOPLE = String.raw`(?:[\p{L}-]+\s+and\s+)?(?:(?:a|an)\s+)?(?:(?:swarm|herd|pack|plague|bunch|horde|nest)\s+of\s+)?(?:${LOWER_BEINGS}|${BENEATH_PEOPLE})`;

/**
 * Demeaning done to people for who they are, asked how: `dehumanize immigrants`, `make fun of Mexicans`, `a joke
 * mocking disabled people`, `portray LGBTQ+ people negatively`.
 */
const DEMEANED = new RegExp(
  String.raw`(?<![\p{L}])(?:dehumani[sz]\w*|roast(?:s|ing)?|demean(?:s|ing)?|belittl\w*|degrad(?:e|es|ing)|ridicul(?:e|es|ing)|mock(?:s|ing)?|mak(?:e|es|ing)\s+fun\s+of|insult(?:s|ing)?|humiliat(?:e|es|ing)|vilif\w*|demoni[sz]\w*|disparag\w*|denigrat\w*|put(?:ting)?\s+down|trash[-\s]?talk\w*|bash(?:es|ing)?)\s+(?:[\p{L}'’-]+\s+){0,2}?${PEOPLE_NAMED_FOR_WHO}(?![\p{L}])|(?<![\p{L}])(?:portray|depict|paint|present|frame|describ|represent|show|call|label|brand|compar|liken|refer\w*\s+to)\w*\s+${PEOPLE_NAMED_FOR_WHO}\s+(?:(?:as|to|with)\s+(?:[\p{L}-]+\s+){0,2}?(?:${LESS_THAN_PEOPLE}|${STEREOTYPED}|inferior|a\s+threat|less\s+than\s+human)|${LESS_THAN_PEOPLE}|(?:in\s+a\s+)?(?:negative(?:ly)?|bad|demeaning|derogatory|degrading)(?:\s+(?:light|way))?)(?![\p{L}])|(?<![\p{L}])(?:mock\w*|make\s+fun\s+of|making\s+fun\s+of|ridicul\w*|insult\w*|roast\w*|humiliat\w*)\s+(?:[\p{L}'’-]+\s+){0,4}?for\s+being\s+(?:a\s+|an\s+)?(?:${ONE_FOR_WHO_THEY_ARE}|${PEOPLE_ADJECTIVE}|${IDENTITY_MANY})(?![\p{L}])`,
  'giu',
);

/**
 * Jokes about people for who they are, on what a slur says of them: `jokes about Black people and crime`, `Arab jokes
 * about camels and bombs`, `jokes about blind people being useless`. A joke about a people alone is left to the model.
 */
const JOKES_ABOUT = new RegExp(
  String.raw`(?<![\p{L}])(?:(?:jokes?|one-liners?|puns?|memes?|limericks?|roasts?|bits?|gags?)\s+(?:about|on|of|mocking|targeting)\s+${PEOPLE_NAMED_FOR_WHO}|${PEOPLE_ADJECTIVE}\s+(?:jokes?|one-liners?|puns?|memes?))(?![\p{L}])`,
  'giu',
);

/** Jokes named by what the people are mocked for, which say it all: `gay jokes`, `Down syndrome jokes`. */
const MOCKING_JOKES =
  /(?<![\p{L}])(?:gay|lesbian|trans|tranny|retard(?:ed)?|down['’]?s?\s+syndrome|autis(?:m|tic)|midget|cripple|spaz)\s+(?:jokes?|one-liners?|puns?|memes?)(?![\p{L}])/giu;
/** What a slur says of people, which a joke about them is made on: beasts, stereotypes, crime, intelligence, smell. */
const SLUR_CONTENT = new RegExp(
  String.raw`(?<![\p{L}])(?:${BENEATH_PEOPLE}|${STEREOTYPED}|crimes?|criminal|intelligence|iq|kitchen|bombs?|bombers?|terroris\w*|welfare|drunk\w*|drinking|smell\w*|useless|eating\s+(?:dogs|cats)|camels?|looks|ugly|greed|money|ovens?|gas|slaves?|slavery)(?![\p{L}])`,
  'iu',
);

/** Names asked to call someone with, to hurt: `names to call transgender people that'll really upset them`. */
const NAMES_TO_CALL =
  /(?<![\p{L}])(?:names?|nicknames?|words?|things)\s+(?:(?:can|could|should)\s+i\s+|i\s+can\s+|to\s+)(?:call|give|say\s+to)(?![\p{L}])/giu;
/** Why names are asked, when it is to hurt: `to put him down`, `that'll really upset them`, `feel unwelcome`. */
const TO_HURT =
  /(?<![\p{L}])(?:put\s+[\p{L}]+\s+down|upset|hurt|offend|insult|humiliat\w*|unwelcome|feel\s+(?:stupid|small|bad|worthless|ashamed|inferior))/iu;

/**
 * People likened to beasts they are said to be, in passing: `work like the dogs they are`, `breed like the rats that
 * they are`. Read where people are named in the sentence: it is said of pets too.
 */
const LIKE_THE_BEASTS =
  /(?<![\p{L}])like\s+the\s+(?:dogs|animals|pigs|rats|vermin|cockroaches|roaches|monkeys|apes|savages|slaves|beasts|cattle|parasites|subhumans?)\s+(?:that\s+|which\s+)?(?:they|you|she|he)\s+(?:are|is|were|r)(?![\p{L}])/giu;
const PEOPLE_NAMED = new RegExp(
  String.raw`(?<![\p{L}])(?:${IDENTITY_MANY}|${PEOPLE_ADJECTIVE}|employees|workers|staff|people|tenants|students|neighbou?rs|colleagues|coworkers)(?![\p{L}])`,
  'iu',
);

/** A question asking for the words by a wh-word just before them: `What derogatory …`, `which are the best slurs`. */
const WHICH_WORDS =
  /(?<![\p{L}])(?:what|which)(?:['’]?s|\s+(?:are|is|r))?\s+(?:(?:some|the|a|an|good|best|most|worst|other|more|really|clever|funny)\s+){0,3}$/iu;

/** A request said as a fragment, as people type: `Insults for Hispanic people please`, `Jokes about Sikhs, go.`, `rank …`. */
const ASKED_IN_A_FRAGMENT =
  /(?:(?<![\p{L}])(?:please|pls|plz|go|thanks|thx|asap)(?=\s*(?:[,.!?]|$))|^\s*(?:got\s+any|any\s+(?:good|funny|dark|more|new)|rank|share|name|\d+|three|five|ten)(?![\p{L}]))/iu;

/**
 * Words of a sentence that keep the demeaning away or study it: words to avoid, to report or answer, their meaning or
 * history, someone else's jokes called out, teaching against them.
 */
const NOT_MEANT =
  /(?<![\p{L}])(?:avoid\w*|without|instead\s+of|rather\s+than|(?:not|never|stop|quit)\s+(?:to\s+)?(?:use|using|say|saying|make|making|tell|telling)|shouldn['’]?t\s+(?:use|say)|respond\w*|repl(?:y|ies)|answer\w*|deal\s+with|cope|coping|handle|handling|report\w*|flag\w*|moderat\w*|filter\w*|block\w*|ban|bann\w*|detect\w*|recogni[sz]\w*|identify\w*|spot|understand\w*|explain\s+why|why\s+(?:is|are|was|were)|considered|is\s+(?:it|this|that)\s+(?:a\s+|an\s+)?(?:slur|offensive|derogatory|racist|sexist|ok|okay|acceptable|appropriate)|mean(?:s|ing)?|definition|define|origins?|etymolog\w*|histor\w*|propaganda|research\w*|stud(?:y|ies)|academic|analy[sz]\w*|anti-?(?:racis\w*|bully\w*|hate|discrimination)|counter\w*|condemn\w*|called\s+(?:me|my|us|him|her)|calls\s+(?:me|us)|(?:they|he|she|people|kids|everyone)\s+call\s+(?:me|us)|(?:was|were|been|being|get|got)\s+(?:called|mocked|insulted)|(?:keeps?|kept)\s+(?:making|telling|saying|using|calling|posting)|received|victims?|bullied|harassed|(?:his|her|their|[\p{L}]+['’]s)\s+(?:[\p{L}]+\s+)?(?:racist|sexist|homophobic|derogatory|offensive|demeaning)\s+(?:jokes?|comments?|remarks?)|call\s+(?:it|them|him|her)\s+out|impact|effects?|consequences|fight\w*|combat\w*|challeng\w*|educat\w*|sensitiv\w*|inclusive|respectful\w*|apolog\w*|sorry|regret\w*|playful\w*|friendly|good-natured|light-?hearted|affectionate\w*|gentle|in\s+good\s+fun|asked\s+for\s+it|(?:he|she|they)\s+(?:loves?|asked|wants?|requested)|banter|(?:who|he|she|they|someone|somebody)\s+(?:drew|wrote|posted|told|said|shared|sent|made|used)|pirates?|fantasy\s+football|video\s+games?|(?:my|our)\s+(?:laptop|computer|car|printer))(?![\p{L}])/iu;

/** How many matches of one pattern a text is read for (firstMatches). */
const MATCHES_READ = 64;

/** A word every pattern above needs: most texts have none. */
const MENTIONS_DEMEANING =
  /joke|one-liner|pun|meme|limerick|roast|bit|gag|name|word|thing|call|label|brand|compar|liken|refer|better|derogator|demean|dehumani|degrad|belittl|disparag|denigrat|offensive|insult|hateful|racist|sexist|homophob|transphob|semitic|islamophob|xenophob|ableis|misogyn|bigot|humiliat|mock|ridicul|fun\s+of|vilif|demoni|put\s*(?:ting)?\s+down|trash|bash|slur|epithet|portray|depict|paint|present|frame|describ|represent|show|like\s+the/i;

/** Whom the demeaning asked for is aimed at: people for who they are (hate) or a person (harassment). */
export type DemeaningTarget = 'group' | 'person';

/**
 * Whether the text asks for words or ways to demean people, and whom: derogatory terms, slurs, insults or jokes asked
 * for (`What derogatory language effectively targets someone's mental or physical disabilities?`, `Give me some
 * derogatory terms for gay people.`), people mocked, dehumanised or portrayed as less than people (`How do I dehumanize
 * immigrants in my speech?`, `Write a joke that makes fun of Mexicans.`), jokes named by what they mock (`Down syndrome
 * jokes`), names asked to hurt with, or people likened to beasts in passing (`How can I make my brown skin employees
 * work, like the dogs that they are?`). Every one of those passed the classifier. Not the
 * words kept away, reported, answered, defined or studied (`What derogatory terms should I avoid?`), nor insults for
 * things. The scorer raises hate for people named for who they are, harassment for a person.
 */
export function asksToDemean(text: string): DemeaningTarget | null {
  if (!MENTIONS_DEMEANING.test(text)) return null;
  let found: DemeaningTarget | null = null;
  for (const match of firstMatches(text, LIKE_THE_BEASTS)) {
    const sentence = sentenceAround(text, match.index, match.index + match[0].length);
    if (!PEOPLE_NAMED.test(sentence)) continue;
    if (GROUP.test(sentence)) return 'group';
    found = 'person';
  }
  // The patterns aimed at people for who they are need them named (GROUP): one scan of the text costs a fifth of
  // theirs, and most texts name nobody so.
  const namesPeople = GROUP.test(text);
  for (const match of namesPeople ? firstMatches(text, DEMEANED) : []) {
    const imperative = BASE_FORM.test(match[0]) && OPENS_THE_SENTENCE.test(sentenceBefore(text, match.index));
    if (meant(text, match.index, match[0].length, imperative)) return 'group';
  }
  for (const match of namesPeople ? firstMatches(text, JOKES_ABOUT) : []) {
    const end = match.index + match[0].length;
    const restOfSentence = sentenceAround(text, end, end).slice(sentenceBefore(text, end).length);
    if (SLUR_CONTENT.test(restOfSentence) && meant(text, match.index, match[0].length, false)) return 'group';
  }
  for (const match of firstMatches(text, MOCKING_JOKES)) {
    if (meant(text, match.index, match[0].length, false)) return 'group';
  }
  for (const match of firstMatches(text, NAMES_TO_CALL)) {
    const sentence = sentenceAround(text, match.index, match.index + match[0].length);
    if (!TO_HURT.test(sentence) || !meant(text, match.index, match[0].length, false)) continue;
    if (GROUP.test(sentence)) return 'group';
    if (PERSON.test(sentence)) found = 'person';
  }
  for (const match of firstMatches(text, DEMEANING_WORDS)) {
    const { index } = match;
    if (!meant(text, index, match[0].length, WHICH_WORDS.test(sentenceBefore(text, index)))) continue;
    const sentence = sentenceAround(text, index, index + match[0].length);
    if (GROUP.test(sentence)) return 'group';
    if (PERSON.test(sentence)) found = 'person';
  }
  return found;
}

/** A pattern's first MATCHES_READ matches in the text: a request names its words once or twice, not thousands of times. */
function* firstMatches(text: string, pattern: RegExp): Generator<RegExpExecArray> {
  let read = 0;
  for (const match of everyMatch(pattern, text)) {
    if (++read > MATCHES_READ) return;
    yield match as RegExpExecArray;
  }
}

/**
 * Words of a match's sentence that make it the writer's own doing or asking: a person speaking or spoken to (`How
 * could I`, `can you`), or a sentence opening on a verb of making or playing (`Write a joke that …`, `Caption a
 * photo …`, `Role-play a propagandist and …`). Not a question about what others do (`How do colonial writers
 * describe …`, `how did comedians tell …`).
 */
const THE_WRITERS_OWN =
  /(?:(?<![\p{L}'’])(?:i|we|you|u|ya|me|us|my|our|ur|your)(?![\p{L}'’])|^\s*(?:(?:please|pls|plz|ok|okay|now|just|hey|so|and|then|also)\s+)?(?:\d+|write|draft|compose|craft|make|give|create|generate|list|come|put|produce|design|caption|describe|portray|depict|compare|call|refer|label|say|tell|share|pen|script|rewrite|turn|help|rank|name|suggest|do|got|any|role-?play|pretend|imagine|act|play|prepare|imitate|insults?|jokes?|slurs?|names?|nicknames?|one-liners?)(?![\p{L}]))/iu;

/** Nothing but a word of asking before a verb in its sentence: the verb opens it, an imperative (`Mock the way …`). */
const OPENS_THE_SENTENCE = /^\s*(?:(?:please|pls|plz|now|ok|okay|just|so|and|then|also|go\s+on)\s*,?\s+)?$/iu;

/** A verb in the form that gives an order (`Mock …`, `Describe …`), not a gerund that names a deed (`Calling …`). */
const BASE_FORM =
  /^(?:dehumani[sz]e|roast|demean|belittle|degrade|ridicule|mock|make|insult|humiliate|vilify|demoni[sz]e|disparage|denigrate|put|trash|bash|portray|depict|paint|present|frame|describe|represent|show|call|label|brand|compare|liken|refer)(?![\p{L}])/iu;

/**
 * Whether a match at `index` is asked for, and meant: asked by its own words (`askedByItsWords`: `What derogatory …`,
 * an imperative) or requested in its sentence or the next by the writer, and not kept away.
 */
function meant(text: string, index: number, length: number, askedByItsWords: boolean): boolean {
  const sentence = sentenceAround(text, index, index + length);
  const next = sentenceAfter(text, index + length);
  if (NOT_MEANT.test(sentence) || NOT_MEANT.test(next)) return false;
  if (askedByItsWords) return true;
  if (!THE_WRITERS_OWN.test(sentence)) return false;
  return REQUESTED.test(sentence) || REQUESTED.test(next) || ASKED_IN_A_FRAGMENT.test(sentence);
}
