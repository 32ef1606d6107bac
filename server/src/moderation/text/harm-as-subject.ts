import { IDENTITY_MANY, IDENTITY_ONE } from './identity-groups';

/**
 * Words that make a question about a harm ask for a way to do it, or make it about the speaker or the reader: a way
 * or method, a superlative (`the easiest`, `the deadliest`), a dose or amount, concealment, a purpose or condition
 * (`to`, `for`, `so`, `without`, `if`), the first and second persons; someone's things or personal data (`What is
 * Taylor Swift's home address?`), which is no subject but a person's; and the rhetorical question's `not`, `just` and
 * `all` (`Why do people not just shoot the homeless?`), which urges the harm.
 */
const ASKS_MORE = new RegExp(
  String.raw`(?<![\p{L}'’])(?:ways?|methods?|means|techniques?|steps?|step-by-step|instructions?|guide|tutorial|recipe|formula|ingredients|materials|tools?|tips|tricks?|plan|dose|doses|dosage|amount|quantity|enough|much|many|how|best|worst|most|least|\p{L}+iest|fastest|strongest|cheapest|surest|safest|cleanest|painless(?:ly)?|effective(?:ly)?|efficient(?:ly)?|lethal|deadly|untraceable|undetect(?:able|ed)|unnoticed|caught|secretly|quietly|reliably|guaranteed|real|really|actually|deserve|deserves|should|must|ought|need|needs|have\s+to|has\s+to|to|for|from|without|with|so|that|if|when|while|where|which|whom|whose|into|using|use|not|never|just|all|every|[\p{L}-]+['’]s|addresse?s?|passwords?|e-?mails?|phones?|numbers?|logins?|credentials|details|locations?|whereabouts|ssn|pins?|accounts?|cards?|i|i['’](?:m|ve|d|ll)|me|my|mine|myself|you|you['’](?:re|ve|d|ll)|your|yours|yourself|u|ur|we|us|our|ourselves)(?![\p{L}'’])`,
  'iu',
);

/** Up to `max` words and nothing else: the subject of the question, or what people are asked about doing. */
const words = (max: number) => String.raw`(?<subject>[\p{L}'’-]+(?:\s+[\p{L}'’-]+){0,${max - 1}})`;

/** A question mark or nothing, then the end: the frames below are read of a whole text of one question. */
const END = String.raw`\s*[?.]?$`;

/** Generic people, never a group named for who they are: `Why do Jews …` is no question about a harm. */
const PEOPLE = String.raw`(?:people|some\s+people|someone|somebody|a\s+person|anyone|humans|teens|teenagers|young\s+people|kids|children|students|adults)`;

/** People whose work is harm after it happened: how they do it is no way to do harm. */
const PROFESSION = String.raw`(?:police|cops|police\s+officers|detectives?|investigators?|forensic\s+(?:scientists|experts|teams)|the\s+fbi|fbi|courts?|judges|prosecutors?|juries|doctors?|nurses|paramedics|emts|er\s+doctors|hospitals|coroners?|medical\s+examiners?|pathologists?|firefighters|social\s+workers|therapists|psychologists|psychiatrists|historians|researchers|scientists|journalists|schools|teachers|banks)`;

/** What is asked about a harm, as its subject: its signs, causes, effects, history, statistics, laws. */
const ASPECT = String.raw`(?:(?:common|early|main|usual|typical|known|long[-\s]term|short[-\s]term|legal|social|psychological|historical)\s+)?(?:warning\s+signs?|signs?|symptoms?|risk\s+factors?|causes?|root\s+causes?|effects?|consequences?|statistics|rates?|prevalence|history|origins?|dangers?|risks?|penalt(?:y|ies)|punishments?|laws?|sentences?|impact|treatments?)`;

/** Someone helped, not the speaker: `so I can help someone`, `so I can spot it in my students`. */
const HELPING = String.raw`(?:,?\s+so\s+(?:that\s+)?i\s+(?:can|could|know\s+how\s+to)\s+(?:help|support|recogni[sz]e|spot|look\s+out\s+for)\s+(?:someone|somebody|others|people|a\s+friend|my\s+(?:friend|friends|students|child|children|kids|son|daughter|patients)|it|them))?`;

/**
 * The frames of a question about a harm as a subject, each read of the whole text: what it is or means, why people do
 * it, its signs, causes, effects or history, how it is prevented, and where help against it is found.
 */
const FRAMES: RegExp[] = [
  // What is suicide? Who was Ted Bundy? What is suicide prevention week about?
  String.raw`^(?:so\s+)?(?:what|who)(?:\s+(?:is|are|was|were)|['’]s|['’]re)\s+(?:a\s+|an\s+|the\s+)?${words(5)}(?:\s+about|\s+exactly)?`,
  // What does self-harm mean? What does it mean to assassinate someone?
  String.raw`^what\s+does\s+(?:the\s+(?:word|term|phrase)\s+)?(?:it|["“]?${words(4)}["”]?)\s+mean(?:\s+to\s+(?<deed>[\p{L}'’-]+(?:\s+[\p{L}'’-]+){0,3}))?`,
  // Define genocide. What is the definition of terrorism?
  String.raw`^(?:(?:please\s+)?define|(?:what\s+is|what['’]s|give\s+me)\s+the\s+(?:definition|meaning)\s+of|(?:can\s+you\s+)?explain\s+the\s+(?:term|concept|word)(?:\s+of)?)\s+(?:a\s+|an\s+|the\s+)?${words(5)}`,
  // Why do people commit suicide? Why do teenagers self-harm?
  String.raw`^why\s+(?:do|does|did|would|might|can)\s+${PEOPLE}\s+${words(5)}`,
  // What are the warning signs of suicide? Can you explain the symptoms of an overdose so I can help someone?
  String.raw`^(?:what\s+(?:are|is|were|was)|list|(?:can\s+you\s+|please\s+)?(?:tell\s+me|explain|describe|list)|how\s+(?:common|widespread|prevalent)\s+(?:are|is))\s+(?:the\s+|some\s+(?:of\s+the\s+)?)?(?:most\s+common\s+)?${ASPECT}\s+(?:of|for|on|about|behind|against|from)\s+(?:a\s+|an\s+|the\s+)?${words(5)}${HELPING}`,
  // How common is self-harm among students?
  String.raw`^how\s+(?:common|widespread|prevalent|frequent)\s+(?:is|are|was|were)\s+${words(6)}`,
  // How do police investigate a homicide? How do doctors treat an overdose?
  String.raw`^how\s+(?:do|does|did|would|can|should)\s+(?:the\s+)?${PROFESSION}\s+(?:usually\s+|normally\s+|typically\s+)?(?:investigate|solve|identify|detect|catch|track\s+down|prosecute|punish|sentence|treat|diagnose|determine|examine|analy[sz]e|study|report\s+on|respond\s+to|deal\s+with|handle|prevent)\s+(?:a\s+|an\s+|the\s+)?${words(5)}`,
  // How does methadone help people addicted to heroin? How is an overdose treated?
  String.raw`^how\s+(?:does|do|did|can|could)\s+${words(3)}\s+(?:help|treat|support|benefit)\s+(?:people|patients|someone|addicts|users|victims|survivors|children|adults|veterans)(?:\s+(?:addicted\s+to|dependent\s+on|recovering\s+from|suffering\s+from|with|who\s+(?:use|have|are))\s+(?<condition>[\p{L}'’-]+(?:\s+[\p{L}'’-]+){0,3}))?`,
  String.raw`^how\s+(?:is|are|was|were)\s+(?:a\s+|an\s+|the\s+)?${words(4)}\s+(?:treated|diagnosed|investigated|prosecuted|prevented|detected)`,
  // How do snakes kill their prey?
  String.raw`^how\s+(?:do|does|did|can|would)\s+(?:a\s+|an\s+|the\s+)?(?<animal>[\p{L}'’-]+(?:\s+[\p{L}'’-]+){0,2})\s+(?:kill|hunt|catch|eat|attack|poison|trap|stalk|swallow|digest|find|ambush|paralyze|paralyse)\s+(?:their|its)\s+prey`,
  // How can we prevent suicide among teenagers?
  String.raw`^how\s+(?:can|do|should|could|might)\s+(?:we|people|schools|parents|teachers|communities|society|governments|doctors)\s+(?:help\s+)?(?:prevent|reduce|recogni[sz]e|spot|identify|raise\s+awareness\s+(?:of|about))\s+${words(5)}`,
  // Where can I find a suicide prevention hotline? What is the number of the crisis line?
  String.raw`^(?:where|how)\s+(?:can|do|could|should)\s+(?:i|someone|a\s+person)\s+(?:find|get|reach|call|contact|text)\s+(?:a\s+|an\s+|the\s+)?(?<resource>(?:[\p{L}-]+\s+){0,3}(?:hotline|helpline|lifeline|crisis\s+line|text\s+line|counsell?or|therapist|support\s+group))`,
  String.raw`^what\s+is\s+the\s+(?:phone\s+)?number\s+(?:for|of)\s+(?:a\s+|the\s+)?(?<resource>(?:[\p{L}-]+\s+){0,4}(?:hotline|helpline|lifeline|line))`,
].map((frame) => new RegExp(frame + END, 'iu'));

/** People, by who they are or as people: a question's `animals` may not be them (`How do Jews hunt their prey?`). */
const NAMES_PEOPLE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${IDENTITY_MANY}|${IDENTITY_ONE}|people|persons?|humans?|men|women|kids|children|boys|girls)(?![\p{L}\p{N}])`,
  'iu',
);

/** A question of more than this is not one of the short questions read here. */
const LONGEST_QUESTION = 200;

/**
 * Whether the whole text is one short question about a harm as a subject, asking no way to do it: what it is or means
 * (`What is suicide?`, `What does it mean to assassinate someone?`), why people do it (`Why do people commit
 * suicide?`), its signs, causes, effects or history (`What are the warning signs of suicide?`), how it is prevented,
 * or where help is found (`Where can I find a suicide prevention hotline?`). The model learned the words of harm as
 * harm wherever they stand: all of those scored self-harm/instructions or illicit/violent at 0.98 and over, which the
 * live policy refuses. A subject with a way, a superlative, a dose, concealment, a purpose or a person in it (ASKS_MORE:
 * `What is the easiest way to kill myself?`, `What does it mean to kill myself?`) is not one; nor is a text of more
 * than one sentence, or a group named for who they are in place of people (`Why do Jews …`).
 */
export function asksAboutHarmAsASubject(text: string): boolean {
  const question = text.trim();
  if (question.length > LONGEST_QUESTION) return false;
  return FRAMES.some((frame) => {
    const match = frame.exec(question);
    if (!match) return false;
    const { subject, deed, resource, condition, animal } = match.groups ?? {};
    if (animal !== undefined && (NAMES_PEOPLE.test(animal) || ASKS_MORE.test(animal))) return false;
    return ![subject, deed, resource, condition].some((part) => part !== undefined && ASKS_MORE.test(part));
  });
}
