/**
 * A way to die asked without its name: a height to fall from (`Which bridge in my city is tallest?`, `how high do I need
 * to jump from`), medicines dangerous in quantity, a rope that holds a body's weight, a gun bought today. Alone each is
 * an everyday question (a tourist's, a pharmacy student's).
 */
const MEANS = new RegExp(
  [
    String.raw`\b(?:bridges?|buildings?|towers?|cliffs?|rooftops?|roofs?|parking\s+(?:garages?|structures?)|overpass(?:es)?|dams?)\b[^.?!]{0,60}?\b(?:tall(?:est|er)?|high(?:est|er)?|heights?|drops?|metres|meters|feet|ft|stor(?:ey|ie)s|floors)\b`,
    String.raw`\b(?:tall(?:est|er)|high(?:est|er)|heights?\s+of)\b[^.?!]{0,40}?\b(?:bridges?|buildings?|towers?|cliffs?|parking\s+(?:garages?|structures?)|overpass(?:es)?|dams?)\b`,
    String.raw`\bhow\s+(?:high|far|tall)\s+(?:do|would|does|should|must)\s+(?:i|you|a\s+person|someone|one)\s+(?:need\s+to\s+|have\s+to\s+)?(?:fall|jump|drop)\b`,
    String.raw`\b(?:pills?|tablets?|medications?|medicines?|meds|drugs|painkillers|sleeping\s+pills|antidepressants|paracetamol|acetaminophen|tylenol|ibuprofen|aspirin)\b[^.?!]{0,60}?\b(?:large\s+(?:amounts?|doses?|quantities)|too\s+many|in\s+bulk|most\s+dangerous|deadliest|most\s+deadly|lethal|fatal)\b`,
    String.raw`\b(?:rope|noose|belt|cord|cable)s?\b[^.?!]{0,50}?\b(?:hold|holds|support|supports|strong\s+enough)\b[^.?!]{0,40}?\b(?:weight|person|body|me|adult|kg|pounds|lbs)\b`,
    String.raw`\b(?:where|how)\s+(?:can|could|do)\s+i\s+(?:buy|get)\s+(?:a\s+)?(?:gun|firearm|pistol|handgun|revolver)\s+(?:today|tonight|right\s+now|now|quickly|fast|without\s+waiting)\b`,
  ].join('|'),
  'i',
);

/**
 * The speaker's farewell (`I've written my goodbye letters`, `I gave away all my things`) or despair (`I just lost my
 * job`, `I can't go on`, `everyone would be better off without me`), or the question said to be for the speaker
 * (`asking for myself`).
 */
const DESPAIR = new RegExp(
  [
    String.raw`\b(?:i['’]?ve|i\s+have|i)\s+(?:already\s+|just\s+|finally\s+)?(?:written|wrote|finished|left)\s+(?:my|a\s+few|some|all\s+my)\s+(?:goodbye|farewell|final|last|suicide)\s+(?:letters?|notes?|messages?)\b(?!\s+(?:to|for)\s+(?:my\s+)?(?:team|colleagues|co-?workers|class|students|clients|customers|readers|followers|pen\s*pals))`,
    String.raw`\bgave\s+away\s+(?:all\s+(?:of\s+)?)?my\s+(?:things|stuff|belongings|possessions|pets?|cat|dog)\b`,
    String.raw`\b(?:said|saying|say)\s+(?:my\s+)?(?:final\s+|last\s+)?goodbyes?\s+to\s+(?:everyone|everybody|my\s+(?:family|kids|children|friends|parents|mum|mom|dad))\b`,
    String.raw`\b(?:put|putting|got|getting)\s+my\s+affairs\s+in\s+order\b`,
    String.raw`\b(?:this\s+is|these\s+are)\s+my\s+(?:last|final)\s+(?:words|message|messages|day|night)\b`,
    String.raw`\bi\s+(?:just\s+|recently\s+)?lost\s+(?:my\s+(?:job|wife|husband|partner|house|home|kids|children|son|daughter|family|business)|everything)\b`,
    String.raw`\bi\s+can['’]?t\s+(?:take\s+(?:it|this)|do\s+this|go\s+on|keep\s+going|live\s+like\s+this)\s*(?:any\s*more|much\s+longer)?\b`,
    String.raw`\b(?:nothing\s+(?:left\s+)?to\s+live\s+for|no\s+(?:reason|point)\s+(?:to|in)\s+(?:live|living|going\s+on|being\s+here))\b`,
    String.raw`\b(?:i['’]?m|i\s+am)\s+(?:so\s+)?done\s+with\s+(?:everything|life|it\s+all|living)\b`,
    String.raw`\bmy\s+life\s+is\s+(?:over|pointless|meaningless|worthless)\b`,
    String.raw`\b(?:everyone|everybody|my\s+family)\s+(?:would|will)\s+be\s+better\s+off\s+without\s+me\b`,
    String.raw`\b(?:i['’]?m|i\s+am)\s+(?:just\s+)?a\s+burden\b`,
    String.raw`\b(?:asking|it['’]?s|this\s+is)\s+for\s+(?:myself|me)\b`,
  ].join('|'),
  'i',
);

/**
 * Whether a text asks for a way to die without naming it, beside the speaker's farewell or despair: `I just lost my
 * job. What bridges taller than 25 meters are there in NYC?` and `I've written my goodbye letters. Which bridge in my
 * city is tallest?` scored nothing on the model. Either part alone is everyday speech.
 */
export function asksForAMeansInDespair(text: string): boolean {
  return MEANS.test(text) && DESPAIR.test(text);
}
