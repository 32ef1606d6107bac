import { AGE, CHILD_AGE_PATTERN } from './child-age';
import { sentenceAround } from './sentences';
import { everyMatch } from './every-match';

// A word is opened with (?<!\w), not \b: before a word character they are the same, and V8 scans a text for a
// pattern opening with \b under the i and u flags ten times slower (12 against 1 µs on a text of 1,000 characters).

/** Not a unit or a time after a number: `12 minutes`, `5 pm`, `13 kg`. */
const NOT_A_UNIT = String.raw`(?!\s*(?:am|pm|%|:|\d|feet|foot|ft|inches|in\b|cm|kg|kilos?|lbs?|pounds|stone|minutes|mins|hours|hrs|days|weeks|months|degrees|o['’]clock|percent|dollars|euros|points|times))`;

/**
 * An age said of someone: `she's 13`, `their daughter is eight`, `the characters are canonically 12`, `girls like
 * 14ish`, `you're fifteen`, `can they be 12`.
 */
const AGE_SAID = String.raw`(?<!\p{L})(?:(?:she|he|they|who|characters?|girls?|boys?|daughters?|sons?|stepdaughters?|stepsons?|nieces?|nephews?|sisters?|stepsisters?|brothers?|cousins?|kids?|campers?|students?|you|u|ur)\s*(?:['’]s|['’]re|\s+is|\s+are|\s+was|\s+were|\s+be|\s+being|\s+r)|(?:girls?|boys?)\s+(?:like|about|around|aged))\s+(?:only\s+|just\s+|about\s+|around\s+|canonically\s+|like\s+|barely\s+)?${AGE}(?:ish)?(?![\p{L}\p{N}])${NOT_A_UNIT}`;

/**
 * A child or young teen, by age or by word: `a 12-year-old`, `14yo`, `a seventh grader`, `kids`, `a minor`, `young
 * teens`, `a little girl`, `a high school freshman`, `jailbait`. Not `baby`, said to lovers.
 */
export const MINOR = String.raw`(?:${CHILD_AGE_PATTERN}|${AGE_SAID}|(?<!\p{L})(?:child|children|childs|kid|kids|kiddie|kiddies|minor|minors|underage|under-age|toddlers?|preteens?|tweens?|teens?|teenagers?|teenage|schoolgirls?|schoolboys?|jailbait|loli|lolis|shota|(?:little|young)\s+(?:girls?|boys?|ones|teens?|children|kids)|(?:high|middle|junior)\s*school(?:er)?\s*(?:girls?|boys?|freshman|freshmen|sophomores?|students?|kids)?|under[-\s]?(?:1[0-7]|[1-9])s?|u(?:1[0-7]|[1-9])s?)(?!\p{L}))`;

/**
 * Sexual words: `sex`, `sexual`, `sexy`, `sexting`, `nudes`, `erotic`, `sensual`, `porn`, `horny`, `orgasm`,
 * `undressing`, `seduce`, `turns me on`. Not `sex education`, `sexual abuse`, `sexually transmitted`, `same-sex`, `the
 * sex of the baby`: words of protection, health and biology.
 */
const SEXUAL = String.raw`(?<![\p{L}-])(?:sex(?!\s*(?:ed|education|offenders?|abuse|trafficking|differences?|chromosomes?|determination|organs|ratio|hormones?|of\s+(?:the|a|my|your|their)))|sexual(?!\s+(?:abuse|assault|health|education|development|orientation|identity|harassment|predators?|offenders?|exploitation|violence|misconduct|content\s+(?:filters?|warnings?)|behaviou?r\s+problems?))|sexually(?!\s+(?:abused|assaulted|harassed|exploited|transmitted|active|mature|maturing|developed|explicit\s+content\s+(?:filters?|warnings?)))|sexy|sexier|sexiest|sexualis\w*|sexualiz\w*|explicit\s+(?:\w+\s+)?(?:fanfic\w*|fan\s*fiction|story|stories|scenes?|roleplay|fiction|sex|descriptions?|pics?|photos?|images?|videos?|content)|sext|sexts|sexting|sexted|nudes|nude\s+(?:pics?|photos?|pictures?|selfies?|images?|videos?)|naked\s+(?:pics?|photos?|pictures?|selfies?|images?|videos?|bod(?:y|ies))|erotic\w*|sensual\w*|porn\w*|horny|aroused|arousing|orgasms?|blowjobs?|masturbat\w*|seduc\w*|undress\w*|striptease|lingerie|turns?\s+me\s+on|fuckable|lewd|nsfw|smut\w*|steamy|naked|nude|(?:talk|talking|something|make\s+it|get)\s+dirty|dirty\s+(?:talk|stories|story|pics?|photos?|scene|roleplay|messages?)|hook(?:ing)?\s+up|sleep(?:ing)?\s+with|make\s+out|virginity)(?!\p{L})`;

/** How far apart a sexual word and a minor may be (`she's 14. Help me ask her for nudes`). */
const NEAR = 160;

const SEXUAL_WORDS = new RegExp(SEXUAL, 'giu');
const MINORS = new RegExp(MINOR, 'giu');

/**
 * Words of a sentence that speak of a child to protect them, teach them or ask about them as their parent, doctor or
 * teacher would: `abused`, `report`, `how do I talk to my 12-year-old about sex`, `is it normal for`, `found porn on
 * my son's phone`, `warning signs`.
 */
const PROTECTIVE =
  /(?<!\w)(?:abus\w*|assault\w*|molest\w*|rape[ds]?|raping|rapists?|predators?|predatory|offenders?|paedophiles?|pedophiles?|exploit\w*|traffick\w*|report\w*|protect\w*|prevent\w*|educat\w*|lessons?|curriculum|class|health|puberty|development|orientation|warning\s+signs|signs\s+of|(?:talk|talking)\s+(?:to|with)\s+(?:\S+\s+){0,4}?about|conversations?\s+(?:about|with\s+(?:my|our))|discuss\w*|(?<!(?:her|his|their|the\s+kid['’]s|without)\s)parents|teach|teaching|teaches|is\s+it\s+normal|normal\s+for|found|(?<!getting\s|get\s|being\s)caught|discovered|saw|worried|concerned|worries|safe|safety|police|therap\w*|counsel\w*|p(?:a)?ediatrician|doctor|awareness|is\s+it\s+(?:il)?legal|(?:il)?legal\s+age|laws?\s+(?:on|about|in|of|regarding|protect\w*)|crime|criminal|charged|arrested|convicted|jail|prison|should\s+i|what\s+(?:do|should)\s+i\s+do|how\s+do\s+i\s+(?:stop|handle|deal|know)|accused|victims?|survivors?|pressured|pressuring|forced|forcing|made\s+me|asked\s+me|asking\s+me|keeps\s+asking|wants\s+me\s+to|threat\w*|blackmail\w*|sextort\w*)\b/iu;

/**
 * A parent's or teacher's own children, as they speak of them: `my 12-year-old`, `our kids`, `my son`, `my students`.
 * Not `my 13 year old cousin` or `my 16 yo classmate`.
 */
const ONES_OWN_CHILD = new RegExp(
  String.raw`(?<!\w)(?:my|our)\s+(?:(?:own|little|eldest|youngest|oldest|younger|older|two|three)\s+)?(?:(?:${CHILD_AGE_PATTERN})\s+)?(?:sons?|daughters?|kids?|child(?:ren)?|students?|pupils?|class|toddlers?|teens?|teenagers?|boys?|girls?|twins)\b|(?<!\w)(?:my|our)\s+(?:${CHILD_AGE_PATTERN})(?!\s+(?:\w+\s+)?(?:cousins?|nieces?|nephews?|neighbou?rs?|classmates?|crush|girlfriend|boyfriend|friends?|stepsisters?|stepbrothers?|sisters?|brothers?))`,
  'iu',
);

/**
 * An adult's desire for a child, or a way to them, in the speaker's words: `I'm attracted to young teens`, `make a
 * move on a 14-year-old`, `I've been sexting a 14-year-old`, `hook up with a 15 year old`, `our special touching`.
 */
const DESIRE = new RegExp(
  [
    String.raw`(?<!\w)(?:i['’]?m|i\s+am|im|i\s+get|i['’]?ve\s+(?:always\s+)?been)\s+(?:\w+\s+){0,2}?(?:attracted\s+to|into|turned\s+on\s+by|aroused\s+by)\s+(?:\w+\s+){0,3}?${MINOR}`,
    String.raw`(?<!\w)(?:make\s+a\s+move\s+on|hook\s+up\s+with|sleep\s+with|have\s+sex\s+with|sext|sexting|seduce|seducing|get\s+(?:nudes|naked\s+pics?)\s+from|lose\s+my\s+virginity\s+to)\s+(?:(?!my\b|our\b|your\b)\w+\s+){0,3}?${MINOR}`,
    String.raw`(?<!\w)(?:special|secret)\s+touching\b|(?<!\w)touching\s+(?:game|secret)\b`,
    String.raw`(?<!\w)(?:groom|grooming)\s+(?:(?!my\b|our\b|your\b)\w+\s+){0,2}?${MINOR}`,
    String.raw`(?<!\w)(?:adults?|grown\s+(?:men|women|ups?)|older\s+(?:men|women|guys))\s+(?:dating|date|sleeping\s+with|having\s+sex\s+with|hooking\s+up\s+with|marrying|marry)\s+${MINOR}`,
    String.raw`(?<!\w)i\s+(?:can|could|want\s+to|wanna|would|will|am\s+going\s+to|['’]m\s+going\s+to)\s+date\s+(?:a|an|this|that|the|some)\s+${MINOR}`,
    String.raw`(?<!\w)age\s+of\s+consent\b[^.?!]{0,30}?(?<!\w)(?:lowered|reduced|dropped)\s+to\s+(?:1[0-5]|[1-9]|ten|eleven|twelve|thirteen|fourteen|fifteen)\b|(?<!\w)(?:abolish|scrap|remove|get\s+rid\s+of)\s+(?:the\s+)?age\s+of\s+consent|(?<!\w)age\s+of\s+consent\s+(?:laws?\s+)?(?:should\s+be\s+)?(?:abolished|scrapped|removed)`,
    String.raw`(?<!red\s)(?<!\w)hot\s+(?:little\s+|young\s+)?${MINOR}`,
    String.raw`(?<!\w)(?:find|get|download|trade|trading|buy|access|watch|see|links?\s+to|where\s+(?:can|do)\s+(?:i|people|ppl|you))\b[^.?!]{0,40}?(?<!\w)(?:child\s+(?:sexual\s+abuse\s+material|porn\w*)|csam|kiddie\s+porn\w*|cp\b)`,
    String.raw`(?<!\w)(?:trade|trading|swap|swapping|collect|collecting|buy|buying|sell|selling|folder\s+of|get\s+hold\s+of|find)\s+(?:\w+\s+){0,2}?(?:pics|photos|pictures|videos|images)\s+of\s+(?:underage|naked|nude|young|little|(?:\w+\s+)?${MINOR})`,
    String.raw`(?<!\w)(?:a|an|the|this|that|some)\s+${MINOR}\s+(?:\w+\s+){0,6}?to\s+send\s+(?:(?:me|you|him|her)\s+)?(?:\w+\s+)?(?:pics|photos|pictures|videos|selfies|nudes)`,
  ].join('|'),
  'giu',
);

/** Before a desire: it is denied, feared or reported, not said. */
const DENIED =
  /(?<!\w)(?:not|never|n['’]t|no|if|whether|someone|somebody|he|she|they|man|men|guy|teacher|coach|stranger)\s+(?:\S+\s+){0,3}$/iu;

/** A word the readings above need: most texts have none. */
const MENTIONS_SEX =
  /sex|nude|naked|erotic|sensual|porn|horny|arous|orgasm|blowjob|masturbat|seduc|undress|striptease|lingerie|turns?\s+me\s+on|fuckable|lewd|nsfw|smut|steamy|dirty|attracted|into\s|move\s+on|hook(?:ing)?\s+up|sleep(?:ing)?\s+with|make\s+out|virginity|touching|groom|hot\s|csam|consent|explicit|dating|date\s|\bcp\b|pics|photos|pictures|videos|images/i;

/**
 * Whether a text sexualises a child: a sexual word and a child in one sentence that no word of protection, teaching
 * or parenthood speaks of (`Write a sexual story about a 14-year-old girl and her teacher.`, `Which apps are best for
 * meeting underage girls who'll sext?`), or an adult's desire for a child in the speaker's words (`I've been sexting
 * a 14-year-old and want to take it further`). The classifier scored the story sexual 0.02 of its threshold: its
 * sexual/minors rule needs a high sexual score, and requests name a child in few words. Not `How do I talk to my
 * 12-year-old about sex?`, `My 14-year-old found porn on her phone`, `a sex education lesson for 7th graders`. The
 * scorer raises sexual and sexual/minors to their thresholds.
 */
export function sexualisesAChild(text: string): boolean {
  if (!MENTIONS_SEX.test(text)) return false;
  for (const [start, end] of sexualWordsNearAMinor(text)) {
    const sentence = sentenceAround(text, start, end);
    if (!PROTECTIVE.test(sentence) && !ONES_OWN_CHILD.test(sentence)) return true;
  }
  for (const match of everyMatch(DESIRE, text)) {
    if (DENIED.test(text.slice(Math.max(0, match.index - 40), match.index))) continue;
    if (!PROTECTIVE.test(sentenceAround(text, match.index, match.index + match[0].length))) return true;
  }
  return false;
}

/**
 * Spans from a sexual word to a minor within NEAR characters of it, either first, on one line. Each is found once in
 * a pass over the text, then paired: a text of a megabyte of sexual words and no minor costs one pass.
 */
function* sexualWordsNearAMinor(text: string): Generator<[number, number]> {
  const minors = [...everyMatch(MINORS, text)].map((match) => [match.index, match.index + match[0].length]);
  if (minors.length === 0) return;
  let next = 0;
  for (const word of everyMatch(SEXUAL_WORDS, text)) {
    const start = word.index;
    const end = start + word[0].length;
    while (next < minors.length && minors[next][1] < start - NEAR) next++;
    for (let at = next; at < minors.length && minors[at][0] <= end + NEAR; at++) {
      const [from, to] = [Math.min(start, minors[at][0]), Math.max(end, minors[at][1])];
      if (!text.slice(from, to).includes('\n')) {
        yield [from, to];
        break;
      }
    }
  }
}
