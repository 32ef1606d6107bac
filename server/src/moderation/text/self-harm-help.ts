/** Low mood in everyday words, never a wish to die or a plan. */
const LOW = String.raw`(?:(?:really|so|very|pretty|kind\s+of|kinda|a\s+bit|a\s+little|quite|super|extremely)\s+)?(?:down|sad|low|blue|depressed|lonely|alone|anxious|stressed(?:\s+out)?|overwhelmed|hopeless|empty|lost|miserable|unhappy|awful|terrible|bad|burnt?\s+out|burned\s+out|exhausted|numb|worthless|unmotivated)`;

/** `lately`, `these days`, `for weeks`. */
const LATELY = String.raw`(?:\s+(?:lately|recently|these\s+days|all\s+the\s+time|every\s+day|for\s+(?:a\s+while|weeks|months|days)))?`;

/** What harm to oneself is called when someone wants to stop it, resist it, or help someone through it. */
const SELF_HARM = String.raw`(?:cutting(?:\s+myself)?|self[-\s]?harm(?:ing)?|hurting\s+(?:myself|yourself|themselves|himself|herself)|harming\s+(?:myself|yourself)|burning\s+myself|purging|restricting|binging|starving\s+myself|suicidal\s+(?:thoughts|feelings|urges)|thoughts\s+of\s+suicide|the\s+urges?\s+to\s+(?:cut|self[-\s]?harm|hurt\s+myself|kill\s+myself))`;

/**
 * A request for help against harm to oneself, or with low mood: to stop or resist it (`how do I stop cutting?`, `what
 * can I do instead of self-harming when the urge hits`, `grounding techniques for when I feel like hurting myself`), to
 * tell someone or to help someone through it (`how do I tell my parents I've been having suicidal thoughts?`), to care
 * for healed scars, or low mood said with help asked (`I'm feeling really down lately, what can I do?`). The classifier
 * reads the act named in it as instructions for it: `how do I stop cutting? I've been trying for months` scored
 * self-harm/instructions 8 times its threshold, and the live policy refused it; the low mood, 0.75.
 */
const HELP_SOUGHT = new RegExp(
  [
    String.raw`(?<!\w)how\s+(?:do|can|could|should|would)\s+(?:i|you|someone|we|people)\s+(?:finally\s+|actually\s+)?(?:stop|quit|resist|fight|beat|overcome|manage|cope\s+with|deal\s+with|get\s+over|recover\s+from|get\s+help\s+(?:for|with))\s+${SELF_HARM}`,
    String.raw`(?<!\w)(?:what\s+(?:can|could|should)\s+i\s+do|things\s+to\s+do|alternatives?|ideas)\s+instead\s+of\s+${SELF_HARM}`,
    String.raw`(?<!\w)(?:grounding|coping|distraction|calming)\s+(?:techniques?|skills?|strategies|methods|ideas|tips|exercises)\s+(?:for\s+)?(?:when|if)\s+i\s+(?:feel\s+like|want\s+to|get\s+the\s+urge\s+to)\s+(?:hurt|harm|cut)`,
    String.raw`(?<!\w)how\s+(?:do|can|should)\s+i\s+(?:tell|talk\s+to|open\s+up\s+to)\s+(?:my|a|the)\s+(?:\w+\s+){0,2}?(?:(?:about|that)\s+)?(?:i['’]ve\s+been|i\s+have\s+been|i['’]m|i\s+am|my)\s+(?:\w+\s+)?(?:having\s+)?${SELF_HARM}`,
    String.raw`(?<!\w)how\s+(?:do|can|should)\s+i\s+(?:help|support)\s+(?:my|a|the)\s+(?:\w+\s+){0,2}?(?:who|that)\s+(?:is|has\s+been|keeps|'s|’s)\s+${SELF_HARM}`,
    String.raw`(?<!\w)(?:take\s+care\s+of|heal|fade|treat)\s+(?:my\s+)?(?:old\s+|healed\s+)?(?:self[-\s]?harm\s+)?scars\b`,
    // Low mood said, help asked: `I'm feeling really down lately, what can I do?`
    String.raw`^\s*(?:i['’]?m|i\s+am|i['’]?ve\s+been|i\s+have\s+been|i\s+feel|i\s+keep|feeling)(?:\s+feeling)?\s+${LOW}(?:\s+and\s+${LOW})?${LATELY}[\s,.;!-]+(?:what\s+(?:can|should|do)\s+i\s+do|any\s+(?:advice|tips|ideas|suggestions)|how\s+(?:do|can|should)\s+i\s+(?:cope|feel\s+better|get\s+through\s+(?:it|this)|deal\s+with\s+(?:it|this))|can\s+you\s+help(?:\s+me)?|(?:please\s+)?help(?:\s+me)?)\s*[?.!]*\s*$`,
  ].join('|'),
  'iu',
);

/**
 * A medicine's safe dose asked (`What is the maximum safe dose of paracetamol per day?`, self-harm/instructions 0.99
 * on the model): a question about taking it safely, unless death is named in the text too (DEADLY).
 */
const SAFE_DOSE = new RegExp(
  String.raw`(?<!\w)(?:maximum|max|safe|recommended|daily|normal|usual|correct|right|standard)\s+(?:safe\s+|daily\s+|adult\s+)?(?:dose|dosage|amount)\s+(?:of|for)\s+(?:[\p{L}-]+\s+){0,2}?(?:paracetamol|acetaminophen|tylenol|ibuprofen|advil|motrin|aspirin|naproxen|aleve|melatonin|antihistamines?|benadryl|vitamin\s+\w+|iron|caffeine|cough\s+syrup|insulin|metformin|sertraline|zoloft|fluoxetine|prozac|my\s+(?:medication|meds|pills|prescription))`,
  'iu',
);

/** Death or an overdose named beside a dose: `the max dose of insulin before it kills me`. */
const DEADLY =
  /lethal|fatal|overdos|\bod\b|\bdie\b|\bdies\b|dying|death|dead|kill|end\s+(?:it|my\s+life|things)|suicid|never\s+wake|not\s+wake|stop\s+breathing/i;

/**
 * What help is never asked in: harm hidden or made to look like something else (`so deep`, `look accidental`, `without
 * anyone noticing`). A text with any of it is read as the model reads it.
 */
const CONCEALED =
  /accident|without\s+(?:anyone|anybody|my\s+\w+|them|him|her)\s+(?:noticing|knowing|finding|seeing)|(?:no\s*one|nobody)\s+(?:will\s+|would\s+)?(?:notice|know|find|see)|\bhid(?:e|den|ing)\b|\bdeep(?:er|est)?\b|unnoticed|look\s+like/i;

/**
 * Whether a text asks for help against harm to oneself or low mood (HELP_SOUGHT), or a medicine's safe dose (SAFE_DOSE),
 * and hides nothing (CONCEALED). The scorer then holds self-harm/instructions under its threshold, unless a reader of
 * self-harm read a way asked for, an intent or urging in it: help asked for is not a request for instructions, though
 * the text still scores self-harm and may be flagged for it.
 */
export function seeksHelpWithSelfHarm(text: string): boolean {
  return (HELP_SOUGHT.test(text) || (SAFE_DOSE.test(text) && !DEADLY.test(text))) && !CONCEALED.test(text);
}
