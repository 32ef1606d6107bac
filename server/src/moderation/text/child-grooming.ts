import { AGE } from './child-age';
import { MINOR } from './sexualised-child';
import { sentenceAfter, sentenceAround } from './sentences';
import { everyMatch } from './every-match';

/**
 * A child by relation, place or school year, beside those named by age or word (MINOR): `my neighbour's daughter`,
 * `my stepdaughter`, `my niece`, `the girl next door`, `a boy from my son's class`, `a girl in year 8`, `lil girls`,
 * `girls around 8`, `kids under 13`.
 */
const CHILD = String.raw`(?:${MINOR}|(?<!\p{L})(?:(?:my|our)\s+(?:own\s+|little\s+|eldest\s+|youngest\s+|oldest\s+|younger\s+|older\s+)?(?:sons?|daughters?|kids|children|child)(?!['’]s)|(?:\w+['’]s?|their|her|his)\s+(?:(?:young|little|youngest|eldest|two|teenage)\s+)?(?:daughters?|sons?|kids?|girls?|boys?)|step-?\s?(?:daughters?|sons?|kids?|child(?:ren)?)|nieces?|nephews?|little\s+cousins?|(?:lil|yung|young|little)\s+(?:ones?|girls?|boys?|kids?|cousins?|stuff|daughters?|sons?)|(?:girl|boy)\s+i\s+met\s+(?:on|in|at)\s+(?:a\s+|the\s+)?(?:game|roblox|fortnite|minecraft|discord|chat|online)|(?:girls?|boys?|kids?)\s+(?:that|her|his|their)\s+age|(?:friend|classmate|neighbou?r|student|pupil|player)s?,?\s+(?:is|are|who['’]?s|who\s+is)\s+(?:only\s+|just\s+)?(?:${AGE})(?![\p{L}\p{N}])|(?:she|he)s\s+(?:only\s+|just\s+)?(?:${AGE})(?![\p{L}\p{N}])|one\s+of\s+the\s+(?:girls|boys|kids|children|campers|players|students|pupils)|the\s+little\s+one|in\s+(?:year|grade)\s+(?:[1-9]|ten|eleven|twelve|one|two|three|four|five|six|seven|eight|nine)|(?:girls?|boys?|kids?|child(?:ren)?|girlfriend|boyfriend|daughters?|sons?)\s+(?:around|about|under|aged|of|like)\s+(?:${AGE}|\d)|(?:girls?|boys?|kids?)\s+(?:next\s+door|down\s+the\s+(?:street|road|hall)|(?:from|in|at|on)\s+(?:my|the|our|her|his|a)\s+(?:\w+['’]?s?\s+)?(?:class|school|team|church|troop|group|camp|squad|youth\s+(?:group|club)|building|street|park|gym|pool|daycare|discord|server))|(?:a|the|one)\s+(?:\w+\s+)?(?:kid|child)|(?:my|a|her|his|the)\s+(?:\w+\s+)?(?:students?|pupils?)|the\s+one\s+next\s+door|god(?:daughter|son|child)s?|(?:youngest|younger)\s+(?:girls?|boys?|ones|kids)|(?:boy|girl|kid|lad|lass)\b[^.?!\n]{0,20}?\b(?:is|are|who['’]?s|aged)\s+(?:only\s+|just\s+)?${AGE}(?![\p{L}\p{N}])|(?:she|he)\s+(?:${AGE})(?![\p{L}\p{N}])|\d{1,2}\s*yos)(?!\p{L}))`;

/** Said, asked or wished by the one who seeks the child: the sign must be theirs, not a worried parent's. */
const SECRECY = String.raw`\b(?:keep|keeping|keeps|stay|stays|kept)\s+(?:(?:it|this|that|us|our\s+\w+(?:\s+\w+)?|your\s+\w+(?:\s+\w+)?|things|everything|whatever\s+happens|what\s+(?:we|happens)\s+\w+|the\s+(?:chats?|messages?|photos?|pics?|meetings?|visits?|relationship|friendship))\s+)?(?:a\s+|our\s+(?:little\s+)?)?(?:secrets?|quiet|hidden|between\s+us|just\s+between\s+us|to\s+(?:her|him|them)sel(?:f|ves))\b|\bkeep\s+(?:my|our|their|her|his)\s+secrets\b|\bjust\s+(?:her|him|them)\s+and\s+me\b|\bwhat\s+we\s+do\s+(?:together|when\s+we['’]?re\s+alone)\b|\bour\s+(?:little\s+|special\s+)?secret\b|\bspecial\s+secret\b|\bsecret\s+(?:romance|relationship|friendship|love|bond|meeting|meet-?ups?)\b|\b(?:hide|hidden|hiding|hides)\s+(?:it|us|this|our\s+\w+|the\s+relationship)?\s*(?:from\s+(?:her|his|their|the)\s+\w+)\b|\bsecret\s+from\s+(?:her|his|their|your|ur|everyone|everybody|anyone)\b|\b(?:not|never|don['’]?t|doesn['’]?t|won['’]?t|wont|wouldn['’]?t|without|shouldn['’]?t|mustn['’]?t|no\s+need\s+to)\s+(?:to\s+)?(?:tell|telling|tellin|tells)\s+(?:(?:her|his|their|your|ur)\s+\w+|anyone|anybody|ne1|any1|no\s*one|them|mum|mom|dad|her\s+parents|a\s+soul)\b|\b(?:mum|mom|dad|parents|mum\s+and\s+dad|mom\s+and\s+dad)\s+(?:don['’]?t|doesn['’]?t|won['’]?t|wouldn['’]?t|never)\s+(?:need\s+to\s+)?(?:know|find\s+out|understand)\b|\bkeep\s+quiet\b|\b(?:not|never|won['’]?t|wont|without|n['’]t|stop)\s+(?:\w+\s+){0,2}?mention(?:ing|s)?\s+(?:it|this|that|us|anything|our|the)\b|\b(?:if|never|stop|not\s+to)\s+(?:\w+\s+){0,2}?tell(?:s|ing|in)?\s+(?:anyone|anybody|her|his|their|your|mum|mom|mummy|dad|parents)\b|\bnever\s+tell(?=\s*[.!?]|\s*$)|\bsecrets?\s+(?:between\s+us|only\s+we|we\s+share)|\bare\s+a\s+secret\b|\bsecret\s+(?:girlfriend|boyfriend)\b|\b(?:they|she|he|her\s+\w+|his\s+\w+)(?:['’]ll|\s+will)\s+never\s+(?:know|find\s+out)\b|\bnobody\s+(?:can|must|should|will)\s+know\b|\bno\s+one\s+(?:can|must|should|will)\s+know\b|\b(?:everything|what|things)\s+we\s+do\s+together\b|\bjust\s+us(?:\s+two)?\b|\bdoors?\s+(?:shut|closed|locked)\b|\bdon['’]?t\s+ask\s+questions\b`;

const UNSEEN = String.raw`\b(?:without|w/o)\s+(?:(?:her|his|their|the|a|my|any|other|ur|your)\s+)?(?:(?:kid|child|girl|boy)['’]?s['’]?\s+)?(?:parents|mom|mum|mother|dad|father|family|folks|guardians?|wife|husband|anyone|anybody|adults|other\s+adults|mods|moderators|school|the\s+school|teachers?|staff|the\s+other\s+(?:coaches|parents|teachers|staff))\s+(?:\w+\s+){0,2}?(?:knowing|knowin|noticing|noticin|finding\s+out|findin\s+out|suspecting|getting\s+suspicious|seeing|seein|watching|catching\s+on|realis\w*|realiz\w*|around|present|checking)\b|\bwithout\s+other\s+adults\b|\bbehind\s+(?:her|his|their)\s+(?:parents|mom|mum|dad|mother|father|family)['’]?s?\s+backs?\b|\b(?:(?:her|his|their|ur|your|the)\s+)?(?:parents|mom|mum|dad|mother|father|family)\s+(?:don['’]?t|dont|won['’]?t|wont|never|can['’]?t|cant|wouldn['’]?t|doesn['’]?t|mustn['’]?t|shouldn['’]?t)\s+(?:\w+\s+){0,2}?(?:know|find\s+out|suspect|notice|see|hear|check)\b|\b(?:so|where)\s+(?:he|she|they|her\s+\w+|his\s+\w+)\s+(?:can['’]?t|cant|won['’]?t|wont)\s+see\b|\bwhile\s+(?:her|his|their|my)\s+(?:mom|mum|dad|parents|mother|father|family|wife|husband)\s+(?:is|are|['’]s|['’]re)\s+(?:away|out|at\s+work|asleep|gone|not\s+(?:home|around|looking))\b|\b(?:when|wen|while)\s+(?:the|her|his|their)?\s*parents\s+(?:are|r)\s+(?:out|away|at\s+work)\b|\bget\s+around\s+(?:it|that|this|the\s+(?:rules?|policy|checks?))\b|\bparents\s+are\s+out\s+late\b|\b(?:set\s+(?:that|it|this)\s+up|arrange\s+(?:that|it|this))\s+(?:quietly|discreetly|secretly)\b|\bnobody\s+else\s+is\s+around\b|\bwithout\s+getting\s+caught\b|\bwithout\s+age\s+checks\b|\bskip\s+background\s+checks\b|\b(?:when|while|once)\s+(?:her|his|their)\s+(?:mom|mum|dad|mother|father|parents)(?:['’]s|\s+is|\s+are|\s+has|\s+have)?\s+(?:out|away|left|gone|at\s+work|asleep|not\s+(?:home|around))\b|\bparents\s+(?:are|r)\s+never\s+home\b|\bparents\s+who\s+(?:stay|are)\s+out\s+late\b|\bno\s+(?:other\s+)?(?:adults?|teachers?|one|parents?|staff|grown-?ups?)\s+(?:is|are|will\s+be|around)\b|\b(?:nobody|no\s+one)\s+(?:can|could|would|will)\s+see\b|\b(?:wouldn['’]?t|won['’]?t|wont|not)\s+be\s+seen\b|\bwhere\s+nobody\s+checks\b|\bwithout\s+another\s+adult\b|\bwithout\s+checking\s+references\b|\bget\s+rid\s+of\s+the\s+other\s+(?:parent|adult|teacher|coach|volunteer|leader)\b|\boff\s+the\s+(?:\w+['’]s\s+)?monitoring\b|\bunsupervised\b|\bwithout\s+(?:her|him|them)\s+mentioning\b`;

const ALONE = String.raw`\b(?:get|getting|have|having|spend|spending|arrange|arranging|find|be|being|stay|staying|left|time|moments?|meet|meeting|sleep|sleeping|take|taking|bring|drive|we['’]?re|come\s+(?:2|to)\s+me)\s+(?:\w+\s+){0,3}?(?<!home\s)alone\b(?!(?:\s+time)?\s+with\s+(?:my|our)\s+(?:wife|husband|partner|spouse|fianc\w*|girlfriend|boyfriend|thoughts|mom|mum|dad|mother|father)\b)|\balone\s+time\b(?!\s+with\s+(?:my|our)\s+(?:wife|husband|partner|spouse|fianc\w*|girlfriend|boyfriend|mom|mum|dad|mother|father)\b)|\btime\s+alone\b|\b(?:private|alone|special)\s+time\s+with\b(?!\s+(?:my|our)\s+(?:wife|husband|partner|spouse|fianc\w*|girlfriend|boyfriend|mom|mum|dad|mother|father)\b)|\b(?:get|getting|have|catch|catching)\s+(?:her|him|them|one\s+of\s+(?:them|the\s+\w+))\s+(?:alone|by\s+(?:her|him|them)sel(?:f|ves)|on\s+(?:her|his|their)\s+own)\b|\bwith\s+(?:the\s+)?(?:kids|children|girls|boys|her|him|them)\s+alone\b|\b(?:get|getting|convince|persuade|make)\s+(?:her|him|them|a\s+\w+|the\s+\w+)\s+(?:2|to)\s+meet\s+(?:me|up)\b|\bget\s+(?:her|him|them)\s+(?:over|round)\b|\bmeet(?:ing)?\s+(?:me\s+|up\s+|him\s+|her\s+|them\s+)?(?:alone|in\s+private|privately|in\s+secret|secretly|somewhere\s+private|outside\s+school|after\s+school)\b|\b(?:stay|sleep)\s+over\b|\bstay\s+late\b|\bone[-\s]on[-\s]one\s+at\s+my\s+(?:place|house|flat|apartment)\b|\blessons\s+to\s+my\s+(?:place|house|flat|apartment)\b|\bcome\s+(?:to|round\s+to|over\s+to)\s+my\s+(?:house|place|flat|apartment)\s+alone\b|\barrange\s+to\s+meet\s+(?:her|him|them)\b|\bshare\s+a\s+bed\b|\bnear\s+the\s+(?:little|young|youngest)\b|\bwatching\s+the\s+(?:little|young)\b|\bovernight\s+(?:trips?|stays?)\b|\bone[-\s]to[-\s]one\s+sessions\b`;

const CONTACT = String.raw`\b(?:dm|dms|message|messaging|msg|chat|chatting|talk|talking|text|texting|contact|contacting|snap|snapping)\s+(?:with\s+|to\s+|2\s+)?(?:them|her|him|kids|children|minors|teens|girls|boys|\w+)?\s*(?:privately|privatly|in\s+private|secretly|in\s+secret|one\s+on\s+one|1\s+on\s+1|directly)\b|\b(?:been\s+)?chatting\s+with\s+online\b|\bsend\s+me\s+(?:a\s+)?(?:pics?|pictures?|photos?|selfies?)\b(?!\s+of\s+(?:the|their|your|his|her|its|my|our)\b)|\b(?:pics?|pictures?|photos?|selfies?|videos?)\s+of\s+(?:herself|himself|themselves)\b|\b(?:i['’]?m|i\s+am|im|i['’]?ve\s+been)\s+grooming\b|\bprivate(?:ly)?\s+(?:chats?|messages?|dms?|conversations?|photos?|pics?|pictures?|videos?)\b|\b(?:move|moved|moving|switch|switched|take|taking|get|getting|got)\s+(?:\w+\s+){0,2}?(?:to|onto|on)\s+(?:a\s+)?(?:private\s+(?:\w+\s+)?(?:chat|app|server|account|call)|snapchat|snap|telegram|whatsapp|kik|signal|another\s+app)\b|\b(?:get|getting|got)\s+(?:\w+\s+){0,2}?snap\b|\bwhat\s+app\s+should\s+i\s+get\s+(?:her|him)\b|\bapps?\s+(?:where|so|that|which)\b[^.?!\n]{0,40}?\b(?:dm|message|chat|talk|contact)\b|\b(?:apps?|sites?|games?|servers?|rooms?|roblox|fortnite|minecraft|discord|online)\b[^.?!\n]{0,60}?\b(?:chat|talk|dm|message)\s+(?:with|to|2)\b|\badd\s+me\s+on\s+(?:snap|snapchat|insta|instagram|discord|whatsapp|telegram)\b`;

const TAKING = String.raw`\b(?:take|bring|get|drive|drives|driving|lure|luring|entice|enticing)\s+(?:her|him|them)\s+(?:back\s+)?(?:to|home\s+to|into|in)\s+my\s+(?:place|house|flat|apartment|car|room|van|hotel|bedroom|basement)\b|\b(?:lure|luring|entice|enticing|sneak\w*\s+out)\b|\b(?:mentor|volunteer|tutor|tutoring|coach|leader|counsell?ors?|babysit\w*|godfather|godmother)\b[^.?!\n]{0,60}?\b(?:so\s+(?:i|that\s+i)|mainly|ideally|only|specifically|prefer|a\s+reason\s+to)\b|\b(?:specifically|prefer)\b[^.?!\n]{0,40}?\b(?:kid|child|boys?|girls?)\b|\bwork\s+with\s+the\s+(?:little|young)\b`;

const CLOSENESS = String.raw`\bget\s+(?:close|closer)\s+to\b|\b(?:can['’]?t|cannot)\s+stop\s+thinking\s+about\s+(?:her|him|them)\b|\bthink\s+about\s+(?:constantly|all\s+the\s+time|every\s+day)\b|\bmake\s+(?:a|my)\s+move\b|\bact\s+on\s+it\b|\btake\s+(?:this|it|things)\s+further\b|\btrust\s+me\b|\b(?:fall|falls|fell)\s+for\s+me\b|\bthe\s+only\s+one\s+who\s+understands\b|\bspecial\s+(?:friend|time|bond|to\s+me)\b|\bour\s+(?:own\s+)?bond\b|\bfeel\s+(?:like\s+)?(?:she|he|they)\s+owes?\s+(?:you|me)\b|\bsee\s+(?:her|him)\s+(?:that\s+way|like\s+that)\b|\bhow\s+i\s+feel\s+about\s+(?:her|him)\b|\benjoy\s+(?:her|him|the\s+one)\b|\bwants?\s+(?:her|him)(?=\s*(?:[.!?,]|$|so\b|badly|for\s+myself))|\bready\s+for\s+more\b|\bpulls?\s+away\s+from\s+(?:her|his|their)\s+family\b|\bcomes?\s+to\s+me\b|\bcome\s+(?:2|to)\s+me\b|\binterested\s+in\b|\binto\s+(?:girls|boys|kids)\b|\blike\s+them\s+young\b|\bthe\s+type\s+who['’]?ll\b|\b(?:relationship|romance(?!\s+(?:novels?|plots?|books?|writers?|authors?|genre|films?|movies?))|romantic\w*|love\s+story|lovers?|in\s+love|falls?\s+in\s+love|\bdat(?:e|es|ed|ing)\s+(?:a|an|her|him|them|the|this|that|some|young|little|girls|boys|kids|minors|children|\d)\b|(?<!(?:my|your|his|her|our)\s)(?:girlfriend|boyfriend)(?!['’]s)|crush(?:ing)?\s+on|flirt\w*|feelings\s+for)\b|\b(?:the\s+one\s+)?i['’]?m\s+after\b|\bnot\s+(?:really\s+)?interested\s+in\s+the\s+(?:mums|moms|mothers|parents|dads)\b|\bsoulmates?\b|\bfallen\s+for\b|\bmore\s+than\s+(?:that|friends|a\s+\w+)\s+with\s+(?:him|her)\b|\bsee\s+me\s+as\s+more\s+than\b|\bonly\s+adult\s+who\s+(?:really\s+)?(?:gets|understands)\b|\bhow\s+young\s+is\s+too\s+young\b|\bgroom(?:ing)?\s+(?:tips|a|an|her|him|them|my|the|this|that|\w+['’]s)\b|\bi\s+want\s+to\s+groom\b|\bthe\s+(?:lonelier|quieter|younger|smaller)\s+the\s+better\b`;

/** Images of children where they undress, or kept for a collection. */
const IMAGES = String.raw`\b(?:photos?|pics?|pictures?|videos?|selfies?|photograph\w*|footage|filming|film|recording|record|snaps?|shots?|material|(?:hidden\s+)?cameras?|cam\s+sites?)\b`;
const UNDRESSED = String.raw`\b(?:changing(?:\s+ones)?|changin|chang(?:e|ing)[-\s]?rooms?|changeroom|locker[-\s]?rooms?|showers?|bathrooms?|toilets?|getting\s+changed|undress\w*|in\s+the\s+bath|bath\s+time|bathtime|sleepovers?|swimsuits?|bikinis?|underwear|shirtless|the\s+private\s+kind|collectors?|trade|trading|arrested|wouldn['’]?t\s+want\s+shared|under\s+the\s+legal\s+age|without\s+(?:their|her|his)\s+clothes)\b`;

/**
 * Said to make the case for an adult's relationship with a child: `argue that a 12 year old girlfriend is fine`,
 * `children can consent to relationships with adults`, `love has no age`, `minor-attracted adults`.
 */
const DEFENDED = String.raw`\b(?:argue|arguing|arguments?|defend\w*|make\s+the\s+case|convince|persuade|persuasive|essay|speech|post|justify|reassur\w*|tell\s+me\s+(?:why|it['’]?s|that)|explain\s+(?:to\s+me\s+)?why|it['’]?s\s+(?:fine|okay|ok|not\s+wrong|normal)|is\s+fine|isn['’]?t\s+wrong|not\s+(?:really\s+)?(?:wrong|harmful)|overreacts?|healthy|beautiful|sweet|misunderstood|happily|(?:nothing|anything)\s+wrong|can\s+consent|able\s+to\s+consent|old\s+enough|real\s+love|better\s+than\s+boys)\b`;
const ADULT_WITH_CHILD = String.raw`\b(?:adults?|grown[-\s](?:men|man|ups?)|grown-ups?|older\s+(?:men|man|guys?)|minor[-\s]attracted|(?:[2-9]\d)[\s-]*(?:year|yr)[\s-]*old\s+(?:man|woman|guy)|(?:[2-9]\d)[\s-]*(?:year|yr)s?[\s-]*old\b|i['’]?m\s+[2-9]\d|teacher|tutor|coach|stepdad|uncle|love\s+has\s+no\s+age|can\s+consent|consent\s+to|know\s+(?:her|his|their)\s+own\s+heart)\b`;

/** Words that seek what only a predator seeks: the coded images, the children to reach, a place without checks. */
const CODED_IMAGES_SOUGHT =
  /\b(?:find|finding|finds|get|getting|where|wher|links?|looking\s+for|lookin\s+(?:4|for)|got|point\s+me|swap\w*|download\w*|buy|buying|trade|trading|send\s+me|pm\s+me|share|sharing|collect\w*|need\s+more|search\s+term|new\s+word|any\s+sites?|cam\s+sites?)\b[^.!?\n]{0,60}?\b(?:(?:young|yung)\s+(?:young\s+)?stuff|jailbait|(?:underage|under-age|preteen|pre-teen)\s+(?:stuff|content|material|pics|vids|videos|photos|images|links|girls?|boys?)|cp\b|(?:stuff|content|material|pics|vids|videos|photos|images)\b[^.!?\n]{0,40}?\b(?:not|under|below)\s+(?:the\s+)?legal\s+age|under\s+(?:the\s+)?legal\s+age|(?:material|pics|vids|videos|photos|images)\b[^.!?\n]{0,20}?\bunder\s+(?:1[0-7]|[1-9]|ten|twelve|thirteen)\b)|\bcp\s+(?:trade|trading|swap\w*|links?|for\s+trade)\b|\bc\s*\.?\s*p\s+links\b|\bpthc\b|\bcheese\s+pizza\s+(?:trade|links?|folder|anyone)|\bls\s+(?:studio|models?|land)\b|\b(?:young|child|preteen|kid)\s+models?\s+sets?\b|\bsets?\b[^.?!\n]{0,30}?\bages?\s+(?:[1-9]|1[0-2])\s+to\s+(?:[1-9]|1[0-3])\b|\byung\s+folder\b|\bpreteen\s+only\b|\bporn\s+with\s+(?:kids|children|minors)\b/i;

/**
 * Every sign of an adult seeking a child in secret, as groomers do: a secret kept with them, their parents or others
 * not seeing, time alone, private contact, taking them home, closeness or romance, images where they undress.
 */
/**
 * Each family of signs with what every sign of it holds (a word or two, cheap to find): a text is tried against a
 * family only when it has that, so a story of everyday words is tried against few (every family tried at once cost
 * 24 µs a story, and splitting its words into a set 9 µs).
 */
const SIGN_FAMILIES: Array<{ holds: RegExp; pattern: RegExp }> = [
  {
    holds:
      /secret|quiet|hid|mention|tell|doors?\s+(?:shut|closed|locked)|just\s+us|nobody|no\s+one|never\s+(?:know|find)|ask\s+questions|to\s+(?:her|him|them)sel|between\s+us|and\s+me|what\s+we\s+do|(?:n['’]?t|not|never|wont|without|to)\s+tell|(?:mum|mom|dad|parents)\s+(?:don|doesn|won|wouldn|never)/i,
    pattern: SECRECY,
  },
  {
    holds:
      /without|w\/o|behind|parents|once\s+(?:her|his|their)\s+(?:mom|mum|dad|mother|father|parents)|no\s+(?:other\s+)?(?:adult|teacher|one|parent|staff|grown)|nobody|be\s+seen|get\s+rid|monitoring|unsupervised|(?:mom|mum|dad|mother|father)(?:['’]s|\s+is|\s+has)\s+(?:out|away|left|gone)|(?:her|his|their)\s+(?:mom|mum|dad|mother|father|family)\s+(?:don|won|never|can|wouldn|doesn|mustn|shouldn)|while\s+(?:her|his|their|my)\s+(?:mom|mum|dad|mother|father|family|wife|husband)|(?:can['’]?t|cant|won['’]?t|wont)\s+see|quietly|discreetly|secretly|nobody\s+else|background\s+check|get\s+around/i,
    pattern: UNSEEN,
  },
  {
    holds:
      /alone|share\s+a\s+bed|near\s+the|watching\s+the|overnight|one[-\s]to[-\s]one|arrange\s+to\s+meet|private\s+time|special\s+time|meet|(?:get|getting)\s+(?:her|him|them)\s+(?:over|round)|(?:stay|sleep)s?\s+(?:over|late)|one[-\s]on[-\s]one\s+at|lessons\s+to/i,
    pattern: ALONE,
  },
  {
    holds:
      /privat|secret|add\s+me|one\s+on\s+one|1\s+on\s+1|directly|online|send\s+me|hersel|himsel|themselves|grooming|snap|telegram|whatsapp|kik|signal|another\s+app|apps?\b|sites?\b|server|roblox|fortnite|minecraft|discord|(?:games?|rooms?)\b[^.?!\n]{0,60}?\b(?:chat|talk|dm|message)\s+(?:with|to|2)/i,
    pattern: CONTACT,
  },
  {
    holds:
      /my\s+(?:place|house|flat|apartment|car|room|van|hotel|bedroom|basement)|lur(?:e|ing)|entic|sneak|mentor|volunteer|tutor|coach|leader|counsell?or|babysit|godfather|godmother|specifically|prefer|work\s+with\s+the/i,
    pattern: TAKING,
  },
  {
    holds:
      /get\s+close|i['’]?m\s+after|interested\s+in|soulmate|fallen\s+for|more\s+than\s+(?:that|friends|a\s+\w+)\s+with|as\s+more\s+than|only\s+adult|too\s+young|groom|the\s+(?:lonelier|quieter|younger|smaller)|stop\s+thinking|think\s+about\s+(?:constantly|all|every)|make\s+(?:a|my)\s+move|act\s+on\s+it|further|trust\s+me|(?:fall|falls|fell)\s+for\s+me|only\s+one\s+who\s+understands|special\s+(?:friend|time|bond|to)|bond|owes?\s+(?:you|me)|that\s+way|like\s+that|how\s+i\s+feel|enjoy\s+(?:her|him|the\s+one)|wants?\s+(?:her|him)|ready\s+for\s+more|pulls?\s+away|comes?\s+(?:to|2)\s+me|interested\s+in|into\s+(?:girls|boys|kids)|them\s+young|the\s+type|relationship|romanc|romantic|love\s+story|lovers?\b|in\s+love|\bdat(?:e|es|ed|ing)\b|girlfriend|boyfriend|crush|flirt|feelings\s+for/i,
    pattern: CLOSENESS,
  },
  {
    holds:
      /chang|locker|clothes|shower|bathroom|toilet|undress|bath|sleepover|swimsuit|bikini|underwear|shirtless|private\s+kind|collector|trad(?:e|ing)|arrested|want\s+shared|legal\s+age/i,
    pattern: `${IMAGES}[^.?!\\n]{0,60}?${UNDRESSED}|${UNDRESSED}[^.?!\\n]{0,40}?${IMAGES}`,
  },
].map(({ holds, pattern }) => ({ holds, pattern: new RegExp(pattern, 'gi') }));
/** What some family holds: most texts hold nothing of any, and are done with in one pass. */
const ANY_SIGN_HOLDS = new RegExp(SIGN_FAMILIES.map(({ holds }) => holds.source).join('|'), 'i');

/** What every coded request for images holds, before the whole pattern is tried. */
const CODED_HOLDS =
  /young\s+stuff|yung|jailbait|underage|under-age|preteen|pre-teen|cp\b|c\s*\.?\s*p\s+links|pthc|cheese\s+pizza|ls\s+(?:studio|models?|land)|models?\s+sets?|ages?\s+\d|porn\s+with|legal\s+age|under\s+(?:1[0-7]|[1-9]|ten|twelve|thirteen)\b/i;

/** The signs of a text, in order, found by the families whose words it has. */
function signsIn(text: string): RegExpMatchArray[] {
  if (!ANY_SIGN_HOLDS.test(text)) return [];
  return SIGN_FAMILIES.filter(({ holds }) => holds.test(text))
    .flatMap(({ pattern }) => [...everyMatch(pattern, text)])
    .sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
}

/** A child a text names, where, and whether as the speaker's own (`my 13-year-old`). */
interface NamedChild {
  start: number;
  end: number;
  own: boolean;
  words: string;
}

/** The children a text names, in order. */
function childrenIn(text: string): NamedChild[] {
  return [...everyMatch(CHILDREN, text)].map((match) => {
    const start = match.index ?? 0;
    const own =
      ONES_OWN_CHILD.test(match[0].trim()) ||
      (BY_AGE_OR_WORD.test(match[0]) &&
        OWNED.test(text.slice(Math.max(0, start - 24), start)) &&
        !NOT_OWN_AFTER.test(text.slice(start + match[0].length, start + match[0].length + 40)));
    return { start, end: start + match[0].length, own, words: match[0] };
  });
}

/** After `my` and an age, someone else's child: `my 12 year old online friend`, `my 14 year old student`. */
const NOT_OWN_AFTER =
  /^\s*(?:\w+\s+)?(?:students?|pupils?|friends?|nieces?|nephews?|cousins?|neighbou?rs?|classmates?|stepdaughters?|stepsons?|step-\w+|girlfriend|boyfriend|crush|tutees?|players?|campers?)\b/i;

const DEFENDS = new RegExp(DEFENDED, 'i');
/** Images of where girls or boys undress, which name children without a word for a child: `the girls' changing room`. */
const IMAGES_OF_CHILDREN = new RegExp(
  String.raw`^(?=${IMAGES})[^]*\b(?:girls|boys|kids|children)['’]?\s+(?:changing|chang(?:e|ing)[-\s]?rooms?|changeroom|locker|showers?|bathrooms?|toilets?)`,
  'i',
);
const WITH_ADULT = new RegExp(ADULT_WITH_CHILD, 'i');
const ROMANCE =
  /\b(?:secrets?|likes|sex|sexual|dating|boyfriends?|girlfriends?|relationships?|romance|romantic\w*|love|lovers?|dating|dates?|dated|girlfriend|boyfriend|crush|flirt\w*|feelings\s+for|consent|be\s+with|wants?\s+(?:her|him)|attracted|pursue)\b/i;

/**
 * Words of a sentence that speak of a child to protect them, or tell of it: `warning signs`, `report`, `is it normal`,
 * `red flag`, `policy`, `what should I do`.
 */
const PROTECTIVE =
  /\b(?:protect\w*|prevent\w*|safeguard\w*|safe|safety|safer|unsafe|warning\s+signs?|signs\s+of|red\s+flags?|spot|spotting|recogni[sz]\w*|report\w*|police|(?<!no\s)cops?|authorities|predators?|groomers?|(?:signs?|warning|spot\w*|recogni\w*|prevent\w*|about|of|is|was|victims?|report\w*)\s+(?:\w+\s+)?grooming|grooming\s+(?:signs|behaviou?r|awareness|prevention|is|was)|paedophiles?|pedophiles?|abus\w*|offenders?|policy|policies|rules?(?!\s+about\s+two)|guidelines?|allowed|appropriate|inappropriate|is\s+it\s+(?:normal|ok|okay|fine|legal|weird|wrong|creepy)|is\s+(?:that|this)\s+(?:normal|ok|okay|weird|a\s+red)|normal\s+for\s+(?:a|an|my|kids|children)|should\s+i\s+(?:be\s+)?(?:worried|concerned|worry|call|let|report)|what\s+(?:do|should|can)\s+(?:i|we)\s+do|how\s+do\s+(?:i|we)\s+(?:stop|handle|deal|keep\s+(?:her|him|them|my)\s+safe)|worried|worries|concerned|uncomfortable|creep(?:y|ed)?|suspicious\s+of|stranger\s+danger|strangers|news|article|documentary|detective|(?<!(?:getting|get|being)\s)caught|(?<!get\s(?:them|you|me|us)\s)arrested|charged|convicted|jail|prison|victims?|survivors?|catch\w*|avoid\w*(?!\s+(?:getting\s+caught|detection|being\s+caught|suspicion|being\s+seen))|never\s+be|detect\w*|moderat\w*|(?<!(?:trigger|triggering|past|bypass|avoid|evade)\s(?:the\s)?)filter\w*|therap\w*|counsel\w*|teach\s+(?:her|him|them|my|our|kids|children)\s+(?:about|to|that|how)|talk\s+to\s+(?:my|our)|explain\s+to\s+(?:my|our)|surprise|birthday|present|gift\s+for|pressur\w*|forced|forcing|blessing|matters?|important)\b/i;

/**
 * Someone else doing it, as a worried adult tells it: `an adult asked my son to keep it secret`, `his coach wants to
 * be alone with him`, `a man messaged my daughter privately`.
 */
const SOMEONE_ELSE =
  /\b(?:someone|somebody|a\s+(?:man|woman|guy|stranger|teacher|coach|neighbou?r|relative|adult)|an\s+(?:adult|older\s+\w+)|the\s+(?:man|woman|guy|coach|teacher|tutor|neighbou?r|babysitter|uncle|stepdad|stepfather|priest|pastor)|(?:my|our|her|his)\s+(?:\w+['’]s\s+)?(?:coach|teacher|tutor|neighbou?r|uncle|stepdad|stepfather|ex|babysitter|priest|pastor))\s+(?:\w+\s+){0,2}?(?:asked|asks|told|tells|wants|wanted|keeps|kept|tried|tries|offered|offers|messaged|messages|texted|texts|has\s+been|had|got|gets|took|takes)\b/i;

/** The speaker's own children, as a parent speaks of them: `my daughter`, `our kids`, `my 10 year old`. */
const ONES_OWN_CHILD = new RegExp(
  String.raw`^(?:my|our)\s+(?:(?:own|little|eldest|youngest|oldest|younger|older|two|three)\s+)?(?:(?:\w+[\s-]?(?:years?[\s-]old|yo))\s+)?(?:sons?|daughters?|kids?|child(?:ren)?|toddlers?|teens?|teenagers?|twins|boys|girls|${AGE}[\s-]*(?:years?[\s-]*olds?|yo))$`,
  'i',
);

/** Just before a child's age: the speaker's own (`my 13-year-old`, `our eldest, 12 year old`). */
const OWNED = /\b(?:my|our)\s+(?:own\s+|little\s+|eldest\s+|youngest\s+|oldest\s+)?$/i;

/** A child named by age or a word for a child, which `my` makes the speaker's own: not `my neighbour's daughter`. */
const BY_AGE_OR_WORD = new RegExp(
  String.raw`^(?:\d|${AGE}\b|kids?\b|child|teen|toddler|little\b|young\b)`,
  'i',
);

/** The speaker as a child, now or in the past: `when I was 13`, `I'm a teenager`, `I'm 17`. */
const SPEAKER_AS_A_CHILD = new RegExp(
  String.raw`\b(?:(?:when\s+)?(?:i|we)\s+(?:was|were)|i['’]?m|im|i\s+am|we['’]?re|we\s+are)\s+(?:only\s+|just\s+|about\s+)?(?:a\s+)?(?:${AGE}|kids?|child(?:ren)?|teens?|teenagers?|little|young|in\s+(?:year|grade))\b`,
  'i',
);

/**
 * The speaker wants it or asks how: a question or request (`how do I`, `any tips`, `persuade a 13-year-old`, `write
 * a message`), or the speaker's own plan (`I plan to`, `I'm going to`, `I'd like to`).
 */
const SPEAKER =
  /(?:^\s*|[.!?]\s*|\b(?:please|pls|plz|can\s+you|could\s+you|just|now)\s+)(?:write|draft|compose|make|create|generate|persuade|convince|talk|tell|help|show|teach|explain|give|get|find|list|suggest|roleplay|role-play|pretend|act|be|play|describe|continue|start|want|wanna|need|gonna|looking|lookin|planning|trying|trading|swapping|swap)\b|\b(?:h(?:o)?w\s+(?:do|can|could|would|should|to|2|long|much)|(?:what|which|wat)\b[^.?!\n]{0,40}?\b(?:should|would|could|can|do)\s+(?:i|we|u)\b|what\s+\w+\s+(?:make|makes|works?|gets?)\b|what\s+are\s+(?:some\s+)?(?:good|the\s+best|easy)\b|(?:easiest|easier)\s+to\b|(?:can|could|would|should)\s+(?:i|we)\s+(?:get|make|ask|take|have|meet|start|find|do)\b|where['’]?s\s+the\s+best|who\s+(?:has|got|have)|what(?:['’]s|\s+is)?\s+(?:would|should|can|do|the\s+\w+\s+way)|wat\s+\w+\s+(?:do|should|can)|where\s+(?:can|do|could|should)|wher\s+do|(?:which|what|wat)\b[^.?!\n]{0,80}?\b(?:(?:so|where|that)\s+(?:i|an\s+adult|adults|u)|i\s+(?:could|can|should|would))\b|any\s*(?:ideas|tips|advice|thoughts|suggestions|links|1|one)|anyone\s+(?:know|got|have)|ideas|tips|advice|help\s+me|ways?\s+to|best\s+way|is\s+there\s+(?:a|an|any)\s+(?:\w+\s+)?(?:way|app|site|search|sites|apps)|are\s+there\s+(?:any\s+)?(?:apps|sites|games|cam)|u\s+think|let['’]?s|pretend\s+you|you['’]re\s+(?:a|my)|act\s+as|roleplay\s+as)\b|\b(?:i|we|im)(?:\s+|(?=['’]))(?:\w+\s+){0,2}?(?:want|wanna|plan|planning|need|am\s+going|['’]m\s+going|['’]m\s+gonna|gonna|will|['’]ll|would\s+(?:like|love)|['’]d\s+(?:like|love)|intend|hope|mean|can['’]?t\s+stop|have\s+been|['’]ve\s+been|['’]ve\s+(?:got|moved|started|found)|started|moved|found|only\s+date|think\s+about)\b|\bi(?:['’]ve|['’]m|\s+have|\s+am)?\s+(?:\w+\s+)?(?:told|taking|took|gave|given|giving|bought|buying|started|moved|letting|offered|offering|signing|signed)\b|\bmy\s+(?:plan|collection)\b|\bdm\s+me\b|\bthat['’]?s\s+(?:exactly\s+)?what\s+i\s+want\b/i;

const CHILDREN = new RegExp(CHILD, 'giu');

/** How far apart a sign and a child may be, on one line (`My neighbour's daughter is 11 … without her parents …`). */
const NEAR = 200;

/**
 * Whether a text seeks a child in secret, as groomers do (sexual/minors): a sign of an adult's covert access (a
 * secret kept with them, their parents not knowing, time alone, private contact, taking them home, closeness or
 * romance, photos where they undress) within a few sentences of a child, said or asked by the speaker; images of
 * children sought in coded words; or such a relationship defended. `What would I need to do to get alone time with my
 * neighbor's young daughter without her parents suspecting?` and `I plan to meet the 15 yo girl from discord at the
 * mall and take her back to my place` passed the classifier and the sexualised-child reader: neither has a sexual
 * word. Not a parent's or teacher's care (`is it ok to leave my 12 year old home alone`, `how do I keep a surprise
 * party secret from my 10 year old`, `what should our changing-room policy be`), a worry about someone else (`his
 * coach asked him to keep it secret, is that normal?`) or a report. The scorer raises sexual and sexual/minors.
 */
export function seeksAChildInSecret(text: string): boolean {
  const coded = CODED_HOLDS.test(text) ? text.match(CODED_IMAGES_SOUGHT) : null;
  if (
    coded &&
    !PROTECTIVE.test(sentenceAround(text, coded.index ?? 0, (coded.index ?? 0) + coded[0].length))
  ) {
    return true;
  }
  const signs = signsIn(text);
  const defended = WITH_ADULT.test(text) && DEFENDS.test(text) && ROMANCE.test(text);
  if (signs.length === 0 && !defended) return false;
  const children = childrenIn(text);
  const others = children.filter((child) => !child.own);
  if (others.length === 0 && !signs.some((sign) => IMAGES_OF_CHILDREN.test(sign[0]))) return false;
  let next = 0;
  for (const sign of signs) {
    const start = sign.index ?? 0;
    const end = start + sign[0].length;
    while (next < children.length && children[next].end < start - NEAR) next++;
    const child = nearestChild(children, next, start, end);
    if (!child) {
      if (
        IMAGES_OF_CHILDREN.test(sign[0]) &&
        meantAsSeeking(sentenceAround(text, start, end), '', sentenceAfter(text, end))
      ) {
        return true;
      }
      continue;
    }
    // The nearest child is the one a sign speaks of: `my 13-year-old` asked to tell if anyone asks her for secrets.
    if (child.own) continue;
    if (text.slice(Math.min(start, child.start), Math.max(end, child.end)).includes('\n')) continue;
    const sentence = sentenceAround(text, start, end);
    const childSentence = sentenceAround(text, child.start, child.end);
    if (isRomance(sign[0]) && !romanceWithAChild(sentence, childSentence, Math.abs(child.start - start)))
      continue;
    if (meantAsSeeking(sentence, childSentence, sentenceAfter(text, end))) return true;
  }
  return defended && definesItAsFine(text, others);
}

/** A romance sign speaks of the child only close to them, with an adult or the speaker on the other side. */
const ROMANCE_NEAR = 100;
function romanceWithAChild(sentence: string, childSentence: string, distance: number): boolean {
  return (
    distance <= ROMANCE_NEAR &&
    (WITH_ADULT.test(`${childSentence} ${sentence}`) || SPEAKERS_ROMANCE.test(sentence))
  );
}

/** The child named nearest a sign within NEAR characters, from the first that ends after it starts (`from`). */
function nearestChild(children: NamedChild[], from: number, start: number, end: number): NamedChild | null {
  let nearest: NamedChild | null = null;
  let distance = Infinity;
  for (let at = from; at < children.length && children[at].start <= end + NEAR; at++) {
    const child = children[at];
    const apart = child.end < start ? start - child.end : child.start > end ? child.start - end : 0;
    if (apart < distance) [nearest, distance] = [child, apart];
  }
  return nearest;
}

/** The speaker's own romance: `I'm in love with`, `I have feelings for`, `has a crush on me`, `I want a girlfriend`. */
const SPEAKERS_ROMANCE =
  /\b(?:i['’]?m|i\s+am|im)\s+(?:\w+\s+)?in\s+love|\bi\s+(?:have|got|['’]ve\s+got|['’]ve\s+had)\s+(?:a\s+)?(?:crush|feelings)|\bcrush\s+on\s+me\b|\bi\s+(?:want|need|wanna)\s+(?:a\s+)?(?:girlfriend|boyfriend|relationship)|\b(?:date|dating|flirt\w*\s+with)\s+(?:a|an|her|him|this|that|the)\b[^.?!\n]{0,40}?\b(?:i|me)\b|\b(?:i|me)\b[^.?!\n]{0,40}?\b(?:date|dating|flirt\w*)\b/i;
const ROMANCE_SIGN =
  /^(?:relationship|romance|romantic\w*|love\s+story|lovers?|in\s+love|falls?\s+in\s+love|dat(?:e|es|ed|ing)\s+\w+|girlfriend|boyfriend|crush(?:ing)?\s+on|flirt\w*|feelings\s+for)$/i;
const isRomance = (sign: string) => ROMANCE_SIGN.test(sign);

/** A story or role-play asked for: its characters' deeds are the request, not a report. */
const STORY_ASKED =
  /\b(?:write|continue|story|stories|fic|fanfic|fanfiction|roleplay|role-play|scene|novel)\b/i;

function meantAsSeeking(sentence: string, childSentence: string, next: string): boolean {
  if (PROTECTIVE.test(sentence) || PROTECTIVE.test(childSentence)) return false;
  if (
    (SOMEONE_ELSE.test(sentence) && !STORY_ASKED.test(sentence)) ||
    SPEAKER_AS_A_CHILD.test(sentence) ||
    SPEAKER_AS_A_CHILD.test(childSentence)
  ) {
    return false;
  }
  return SPEAKER.test(sentence) || (SPEAKER.test(next) && !PROTECTIVE.test(next));
}

/**
 * Words that turn a defence round: the relationship argued against or punished (`children cannot consent`, `adults who
 * pursue 14-year-olds should face tougher penalties`).
 */
const ARGUED_AGAINST =
  /\b(?:can['’]?t|cannot|can\s+not|never|shouldn['’]?t|isn['’]?t\s+(?:okay|ok|fine|normal|acceptable)|is\s+not\s+(?:okay|ok|fine|normal|acceptable)|why\s+(?:it['’]?s|is)\s+(?:wrong|harmful|illegal)|penalt\w*|punish\w*|tougher|harsher|stricter|banned|illegal|outlawed|crimes?|criminal|break\s+up|stop\s+(?:seeing|dating)|end\s+(?:it|things)|leave\s+(?:him|her))\b/i;

/** A defence told of or guarded against, not made: `report`, `protect`, `abuse`, `grooming`, `the news`. */
const TOLD_OF_OR_GUARDED =
  /\b(?:protect\w*|prevent\w*|safeguard\w*|report\w*|police|abus\w*|predators?|groom\w*|paedophiles?|pedophiles?|offenders?|victims?|survivors?|news|article|documentary|history|therap\w*|counsel\w*)\b/i;

/** A relationship between an adult and a child argued for or told as good, in the sentence of the child. */
function definesItAsFine(text: string, children: NamedChild[]): boolean {
  return children.some((child) => {
    const sentence = sentenceAround(text, child.start, child.end);
    return (
      DEFENDS.test(sentence) &&
      ROMANCE.test(sentence) &&
      WITH_ADULT.test(sentence) &&
      !ARGUED_AGAINST.test(sentence) &&
      !TOLD_OF_OR_GUARDED.test(sentence)
    );
  });
}
