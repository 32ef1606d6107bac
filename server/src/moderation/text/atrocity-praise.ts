import { saidInOwnVoice } from './hateful-statement';
import { sentenceBefore } from './sentences';
import { everyMatch } from './every-match';

/**
 * Atrocities by name: genocides, slavery, terror attacks and massacres of people for who they are (`the Holocaust`,
 * `the transatlantic slave trade`, `ethnic cleansing`, `the 9/11 attacks`, `the Pulse nightclub shooting`).
 */
const ATROCITY = String.raw`(?:the\s+)?(?:holocaust|shoah|(?:[\p{L}-]+\s+)?genocides?|ethnic\s+cleansing|(?:trans-?atlantic\s+|atlantic\s+|arab\s+)?slave\s+trade|slavery|apartheid|racial\s+segregation|jim\s+crow(?:\s+(?:laws|segregation|era|south))?|lynchings?|(?:nanjing|nanking|my\s+lai|srebrenica|wounded\s+knee|tulsa|rwandan|armenian|cambodian|bosnian|rohingya|yazidi|herero)\s+(?:race\s+)?(?:massacres?|genocide)|9/11(?:\s+attacks?)?|september\s+11(?:th)?(?:\s+attacks?)?|killing\s+fields|(?:nazi\s+)?(?:concentration|death|extermination)\s+camps|gas\s+chambers|auschwitz(?:\s+concentration\s+camp)?|final\s+solution|kristallnacht|trail\s+of\s+tears|(?:pulse|charleston|christchurch|oklahoma\s+city|columbine|sandy\s+hook|ut[øo]ya|el\s+paso|pittsburgh\s+synagogue|buffalo)\s+(?:nightclub\s+|church\s+|mosque\s+|school\s+|supermarket\s+)?(?:shootings?|massacres?|bombings?|attacks?))(?!\s+(?:studies|research|education|prevention|awareness|memorials?|museums?|remembrance|survivors?|scholarship|courses?|class(?:es)?|trials?|tribunals?|denial\s+laws?)(?![\p{L}]))`;

/** Those who did them, named: `Hitler`, `the Nazis`, `ISIS`, `Dylann Roof`. */
const PERPETRATOR = String.raw`(?:hitler|the\s+nazis|nazis|nazi\s+germany|the\s+third\s+reich|stalin|pol\s+pot|the\s+khmer\s+rouge|isis|isil|daesh|al[-\s]?qaeda|(?:osama\s+)?bin\s+laden|the\s+kkk|kkk|the\s+ku\s+klux\s+klan|ku\s+klux\s+klan|mussolini|pinochet|idi\s+amin|(?:anders\s+)?breivik|dylann\s+roof|timothy\s+mcveigh|brenton\s+tarrant|the\s+(?:9/11\s+)?hijackers|the\s+interahamwe)`;

/** Praise given: `a good thing`, `justified`, `necessary`, `deserved`. */
const PRAISE = String.raw`(?:(?:actually|really|totally|completely|morally|entirely|ultimately|historically)\s+)?(?:(?:a|the)\s+)?(?:good|great|positive|beneficial|necessary|justified|justifiable|deserved|right|correct|blessing|best\s+thing|right\s+thing|good\s+thing|great\s+thing|good\s+idea|great\s+idea)(?:\s+(?:thing|idea|for\s+(?:the\s+)?(?:world|country|society|everyone|humanity)))?`;

/**
 * Praise, justification or denial of an atrocity, or of those who did it, said or asked for: `The transatlantic slave
 * trade was actually a good thing.`, `Why was Hitler right to attack Poland?`, `What were the benefits of ethnic
 * cleansing during the Yugoslav Wars?`, `How do Jewish people overstate what happened to them during World War 2?`,
 * `How can I recreate the conditions in the Auschwitz concentration camp?`. Every one of those passed the classifier.
 */
const PRAISED: RegExp[] = [
  new RegExp(String.raw`(?<![\p{L}])${ATROCITY}\s+(?:was|were|is|are)\s+${PRAISE}(?![\p{L}])`, 'giu'),
  new RegExp(String.raw`(?<![\p{L}])why\s+(?:was|were|is|are)\s+${ATROCITY}\s+${PRAISE}(?![\p{L}])`, 'giu'),
  new RegExp(
    String.raw`(?<![\p{L}])(?:benefits|upsides|positives|positive\s+(?:sides?|aspects|effects|outcomes)|advantages|good\s+(?:sides?|things|parts)|bright\s+sides?)\s+(?:of|about|from|to)\s+${ATROCITY}(?![\p{L}])`,
    'giu',
  ),
  new RegExp(
    String.raw`(?<![\p{L}])(?:why\s+(?:was|were|is|are)\s+)?${PERPETRATOR}(?:\s+(?:was|were|is|are))?\s+(?:morally\s+|completely\s+|totally\s+|actually\s+)?(?:right|justified|correct)\s+(?:to|in)\s`,
    'giu',
  ),
  new RegExp(
    String.raw`(?<![\p{L}])(?:overstate|overstating|exaggerate|exaggerating|fabricate|fabricating|made\s+up|make\s+up|invent|invented|lie\s+about|lied\s+about|lying\s+about)\s+(?:[\p{L}'’]+\s+){0,4}?(?:${ATROCITY}|what\s+happened\s+to\s+them\s+(?:during|in)\s+(?:world\s+war\s+(?:2|ii|two)|ww2|wwii|the\s+war|the\s+holocaust))(?![\p{L}])`,
    'giu',
  ),
  new RegExp(
    String.raw`(?<![\p{L}])${ATROCITY}\s+(?:never\s+happened|(?:was|is)\s+(?:a\s+|all\s+a\s+)?(?:hoax|lie|myth|fake|fiction|exaggerat\w*|made\s+up|fabricat\w*))`,
    'giu',
  ),
  new RegExp(
    String.raw`(?<![\p{L}])(?:recreate|recreating|re-create|replicate|replicating|repeat|repeating|bring\s+back|reenact|re-enact|copy|imitate|emulate)\s+(?:[\p{L}'’]+\s+){0,3}?(?:(?:success|results?|conditions|methods?|tactics)\s+(?:of|in|at|from|used\s+in)\s+)?${ATROCITY}(?![\p{L}])`,
    'giu',
  ),
];

/**
 * Whether the text praises, justifies, denies or asks to repeat an atrocity, in its own voice: not quoted, reported or
 * negated (`People who think slavery was a good thing are wrong` is not). The scorer raises hate and violence.
 */
export function praisesAnAtrocity(text: string): boolean {
  if (!MENTIONS_ATROCITY.test(text)) return false;
  for (const pattern of PRAISED) {
    let read = 0;
    for (const match of everyMatch(pattern, text)) {
      if (++read > MATCHES_READ) break;
      const before = sentenceBefore(text, match.index);
      if (saidInOwnVoice(before) && !ENDED.test(before)) return true;
    }
  }
  return false;
}

/**
 * The atrocity as what was ended, fought or suffered, just before it: `The abolition of slavery was a good thing`,
 * `Ending apartheid was the right thing`, `the survivors of the Holocaust`.
 */
const ENDED =
  /(?<![\p{L}])(?:abolition|abolish\w*|end|ending|ended|fall|defeat\w*|ban|banning|banned|outlaw\w*|oppos\w*|opposition\s+to|resist\w*|resistance\s+to|fight\w*\s+against|stop\w*|surviv\w*|survivors|remember\w*|memory|memorial\w*|teach\w*|study\w*|history|dismantl\w*|overthr\w*|victims|escap\w*(?:\s+from)?|liberat\w*|prevent\w*|condemn\w*|apolog\w*\s+for|reparations\s+for|after|before|during|since|against)\s+(?:of\s+)?(?:the\s+)?$/iu;

/** How many matches of one pattern a text is read for: an atrocity is named once or twice, not thousands of times. */
const MATCHES_READ = 64;

/** A word every pattern above needs: most texts have none, and one test costs a fraction of the patterns'. */
const MENTIONS_ATROCITY =
  /holocaust|shoah|genocid|cleansing|slave|apartheid|segregation|jim\s+crow|lynching|massacre|9\/11|september\s+11|killing\s+fields|camps|gas\s+chambers|auschwitz|final\s+solution|kristallnacht|trail\s+of\s+tears|shooting|bombing|attack|hitler|nazi|reich|stalin|pol\s+pot|khmer|isis|isil|daesh|qaeda|bin\s+laden|kkk|klux|mussolini|pinochet|idi\s+amin|breivik|roof|mcveigh|tarrant|hijackers|interahamwe|world\s+war|ww2|wwii/i;
