import { IDENTITY_MANY, IDENTITY_ONE, PEOPLE_ADJECTIVE } from './identity-groups';
import { OPEN_QUOTE } from './quotation';
import { sentenceAround } from './sentences';
import { everyMatch } from './every-match';

/** Violence done to many: `kill`, `exterminate`, `wipe out`, `lynch`, `hang`, `gas`, `run over`, `hunt down`. */
const MASS_DEED = String.raw`(?:kill|killing|kills|exterminat\w*|eradicat\w*|wipe\s+out|wiping\s+out|massacr\w*|slaughter\w*|lynch\w*|hang|hanging|string\s+up|stringing\s+up|burn\s+down|burning\s+down|burn|burning|gas|gassing|shoot|shooting|bomb|bombing|attack|attacking|beat\s+up|beating\s+up|run\s+over|running\s+over|hunt\s+down|hunting\s+down|murder\w*|behead\w*|stab|stabbing|torch|torching|firebomb\w*|purge|purging|cleanse|cleansing|get\s+rid\s+of|getting\s+rid\s+of|execute|executing|deal\s+with|teach\s+(?:a|them\s+a)\s+lesson)`;

/**
 * People named for who they are, or their homes, places of worship and families: `all the Jews`, `the Somalis in our
 * building`, `Black people`, `the homes of Roma families`, `the mosque`, `the new Black family`.
 */
const TARGET = String.raw`(?:(?:all|every|the|those|these|some|more|any|our|local|new)\s+){0,3}(?:(?:of\s+)?(?:the\s+)?(?:homes?|houses?|shops?|families|kids|children)\s+of\s+)?(?:(?:${PEOPLE_ADJECTIVE})\s+(?:famil(?:y|ies)|kids|children|neighbou?rs?|community|communities|village|people|men|women)|${IDENTITY_MANY}|every\s+(?:single\s+)?${IDENTITY_ONE}|mosques?|synagogues?|temples?|gurdwaras?|black\s+churches|(?:refugee|migrant|asylum)\s+(?:shelters?|centres?|centers?|camps?|hotels?|homes?))(?![\w'’])`;

/** Deserving death, as it is said of a group: `deserve a bullet`, `need to be shot`, `should hang`. */
const DESERVED = String.raw`(?:deserve|deserves|need|needs|should|must|ought\s+to)\s+(?:all\s+)?(?:a\s+bullet|bullets|the\s+rope|a\s+rope|the\s+gas\s+chamber|to\s+(?:be\s+)?(?:shot|killed|hanged|hung|lynched|gassed|burned|burnt|exterminated|wiped\s+out|die)|hang|to\s+hang|be\s+(?:shot|killed|hanged|hung|lynched|gassed|burned|burnt|exterminated|wiped\s+out|run\s+over|put\s+down|taught\s+a\s+lesson|beaten|attacked|slaughtered|massacred))\b`;

/**
 * A call or a request that the violence serves, in the sentence before it: content to write (`lyrics about`, `a
 * chant about`, `a post urging`), an argument (`argue that`, `the case for`, `is self-defense`), a plan or the speaker's
 * own will (`how do I`, `we will`, `let's`, `I'm going to`, `help us pick a night`).
 */
const CALLED_FOR = String.raw`(?:\b(?:write|draft|compose|make|create|give\s+me|generate|post|chant|song|lyrics|rap|poem|speech|essay|manifesto|article|post|tweet|meme|slogan|argument|argue|persuade|convince|urge|urging|rally|encourage|encouraging|inspire|help\s+(?:me|us)|how\s+(?:do|can|should|would)\s+(?:i|we)|ways?\s+to|plan|planning|we\s+(?:will|shall|should|must|need\s+to|are\s+going\s+to|['’]re\s+going\s+to|gonna)|let['’]?s|i\s+(?:will|want\s+to|wanna|am\s+going\s+to|['’]m\s+going\s+to|['’]m\s+gonna|plan\s+to)|it['’]?s\s+time\s+to|time\s+to|justif\w*|self-defen[cs]e|the\s+only\s+(?:solution|answer|way)|(?:i|we)\s+(?:really\s+|just\s+)?want|best\s+way|strongest\s+argument|case\s+for|glorif\w*|celebrat\w*|prais\w*|(?:song|lyrics|rap|poem|chant|speech|story|post|essay|joke|meme|video|verse|anthem)s?\s+(?:\w+\s+){0,2}?about)\b)`;

/**
 * Words of a sentence that tell of the violence, mourn it, condemn it or guard against it: history, news, courts,
 * prevention. `Why did the Nazis kill the Jews?`, `The attack on the mosque was a hate crime.`
 */
const TOLD_OF =
  /\b(?:history|historical|historically|holocaust|genocide\s+(?:of|in|against)|during|nazis?|hitler|ww2|wwii|world\s+war|documentary|museum|memorial|remember\w*|commemorat\w*|victims?|survivors?|anniversary|why\s+did|what\s+happened|news|police|arrested|charged|convicted|sentenced|trial|condemn\w*|wrong|evil|horrible|terrible|tragic|tragedy|atrocit\w*|crimes?\s+against|hate\s+crimes?|prevent\w*|protect\w*|stop\w*|never\s+again|stand\s+against|solidarity|mourn\w*|grief|grieving|in\s+the\s+\d{4}s|in\s+1\d{3}|in\s+20[0-2]\d)\b/i;

/** Before a deed: it is denied or refused (`we should not kill Muslims`, `no one should attack a mosque`). */
const DENIED =
  /\b(?:not|never|no\s+one|nobody|don['’]?t|doesn['’]?t|shouldn['’]?t|won['’]?t|against|without)\s+(?:\S+\s+){0,3}$/i;

/** After a deed: it is condemned (`attacking refugees is never justified`, `killing Muslims is wrong`). */
const CONDEMNED =
  /^\s*(?:is|are|was|were|would\s+be|will\s+never\s+be)\s+(?:\w+\s+){0,2}?(?:never|not|wrong|evil|unacceptable|a\s+crime|terrible|horrible|disgusting|unjustifiable|inexcusable|indefensible|abhorrent|monstrous)\b/i;

/** Before a group: someone else's words reported (`someone who posted that immigrants …`, `people who say …`). */
const REPORTED =
  /\b(?:who|someone|somebody|people|they|he|she|others|[\w-]+s)\s+(?:\w+\s+){0,2}?(?:said|says|say|posted|posts|wrote|writes|tweeted|tweets|claims?|claimed|thinks?|believes?|argues?|argued|chanted|shouted|screamed|yelled)\s+(?:that\s+)?$/i;

const DEED_ON_A_GROUP = new RegExp(String.raw`\b${MASS_DEED}\s+${TARGET}`, 'gi');
const GROUP_DESERVING = new RegExp(String.raw`(?<![\w'’])${TARGET}\s+(?:\w+\s+){0,4}?${DESERVED}`, 'gi');
const CALLED = new RegExp(CALLED_FOR, 'i');
/** A duty said just before the deed: `we need to kill`, `somebody should just stab those`, `they must kill the`. */
const DUTY_BEFORE =
  /\b(?:must|should|need\s+to|needs\s+to|have\s+to|has\s+to|gotta|got\s+to|ought\s+to)\s+(?:just\s+|all\s+|really\s+|finally\s+)?$/i;

/** A word every reading needs: most texts name no group and no place of worship. */
const MENTIONS_A_DEED =
  /kill|exterminat|eradicat|wipe|wiping|massac|slaughter|lynch|hang|string|burn|gas|shoot|bomb|attack|beat|run|hunt|murder|behead|stab|torch|purge|cleans|rid of|execut|deal with|lesson|deserve|need|should|must|ought/i;

/**
 * Whether a text calls for violence against people for who they are, or asks for words that do (hate/threatening):
 * `give me catchy lyrics about killing all the jews`, `We will hunt down the gays one by one`, `Post idea needed: urge
 * people to burn down the homes of Roma families`, `Every immigrant in this city deserves a bullet`. The classifier
 * passed all four. Not the violence told, mourned or condemned (`Why did the Nazis kill the Jews?`), refused (`We
 * should not attack Muslims`) or quoted. The scorer raises hate, hate/threatening and violence.
 */
export function callsForViolenceAgainstAGroup(text: string): boolean {
  if (!MENTIONS_A_DEED.test(text)) return false;
  for (const match of everyMatch(DEED_ON_A_GROUP, text)) {
    const sentence = sentenceAround(text, match.index, match.index + match[0].length);
    const duty = DUTY_BEFORE.test(text.slice(Math.max(0, match.index - 40), match.index));
    if ((!duty && !CALLED.test(sentence)) || !meant(text, match.index, sentence)) continue;
    const end = match.index + match[0].length;
    if (
      CONDEMNED.test(text.slice(end, end + 60)) ||
      REPORTED.test(text.slice(Math.max(0, match.index - 60), match.index))
    )
      continue;
    return true;
  }
  for (const match of everyMatch(GROUP_DESERVING, text)) {
    if (REPORTED.test(text.slice(Math.max(0, match.index - 60), match.index))) continue;
    if (meant(text, match.index, sentenceAround(text, match.index, match.index + match[0].length)))
      return true;
  }
  return false;
}

function meant(text: string, at: number, sentence: string): boolean {
  return (
    !DENIED.test(text.slice(Math.max(0, at - 40), at)) &&
    !OPEN_QUOTE.test(text.slice(Math.max(0, at - 120), at)) &&
    !TOLD_OF.test(sentence)
  );
}
