import { neededWordsIn, neededWordsPattern, WordGatedReading } from './needed-words';
import { REQUESTED } from './requests';
import { sentenceAfter, sentenceAround } from './sentences';
import { everyMatch } from './every-match';

/** A word-gated pattern (needed-words.ts) and how a match of it must be asked for. */
interface Reading extends WordGatedReading {
  /**
   * Where the request must be: ending just before the crime's first word (`how do I` steal, the default), or anywhere
   * in its sentence or the next, for crimes told by what they dodge or fake (`… so the tax people don't see it`).
   */
  askedIn: 'before' | 'sentence';
}
const reading = (needs: string, pattern: string, askedIn: Reading['askedIn'] = 'before'): Reading => ({
  needs: needs.split('|'),
  pattern: new RegExp(pattern, 'gi'),
  askedIn,
});

const WATCHERS = String.raw`(?:tax\s+(?:office|people|ppl|man|authorities)|irs|hmrc|investigators?|auditors?|audit|customs|border\s+(?:guards?|agents?)|police|cops|feds|officers?|wildlife\s+officers?|fisheries\s+officers?|dmv|pharmacists?|pharmacy|accountants?|accounts\s+team|it|hr|bouncers?|security|staff|(?:the\s+)?owner|bank|landlord|neighbou?rs|insurer|adjuster)`;

const SOMEONE_ELSES = String.raw`(?:someone|somebody|other\s+people|people|strangers|a\s+stranger|my\s+(?:ex|neighbou?r|roommate|flatmate|boss|coworker|colleague|wife|husband|girlfriend|boyfriend|partner|sister|brother|mom|mum|dad|teacher|landlord)|her|his|their|the\s+\w+)['’]?s?`;
const DRUG = String.raw`(?:meth|methamphetamine|crystal|cocaine|coke|crack|heroin|fentanyl|fent|ketamine|ket|mdma|molly|ecstasy|xanax|xans|bars|lsd|acid|psilocybin|shrooms|oxy|oxys|oxycodone|oxycontin|percs?|percocet|adderall|vyvanse|ritalin|weed|cannabis|pills|dmt|ghb|nitazenes?|opioids?|benzos?|steroids)`;

/**
 * A crime named as one commits it: `commit tax fraud`, `pull off a heist`, `get away with embezzlement`, `engage in
 * insider trading`. Not a topic of study, a report or a charge (`a fraud prevention course`, `the burglary report`).
 */
const CRIME_NAMED = String.raw`(?<!\b(?:avoid|avoiding|not|never|stop|stopped|prevent|preventing|without|accused\s+of|charged\s+with|convicted\s+of)\s{1,4})\b(?:commit|committing|commits|carry\s+out|carrying\s+out|perpetrate|perpetrating|engage\s+in|engaging\s+in|pull\s+off|pulling\s+off|get\s+away\s+with|getting\s+away\s+with|plan|planning|orchestrate|orchestrating|run|running|do|doing)\s+(?:(?:a|an|the|some|my|our|(?:the\s+)?perfect)\s+)?(?:[\w-]+\s+){0,2}?(?:fraud|identity\s+theft|theft|larceny|burglar(?:y|ies)|embezzlement|money\s+laundering|blackmail|extortion|bribery|forgery|vandalism|perjury|insider\s+trading|tax\s+evasion|heists?|piracy|espionage|treason|crimes?|felon(?:y|ies)|cyber\s*crimes?|cyber[-\s]?attacks?|shoplifting|smuggling|poaching|break[-\s]ins?|breaking\s+and\s+entering|sabotage|counterfeiting|wage\s+theft|vote\s+rigging|ballot\s+stuffing)(?![\w-])(?!\s+(?:studies|study|courses?|class(?:es)?|research|prevention|protection|detection|awareness|laws?|lawyers?|charges?|investigations?|victims?|reports?|statistics|units?|insurance|trials?|cases?|alerts?|training|scenes?|novels?|stor(?:y|ies)|films?|movies?|games?|shows?|podcasts?|films?|documentar(?:y|ies)|thriller|drama)\b)`;

/** Non-violent crimes, each as its words say it: a fraud, a theft, a forgery, a drug deal, a break-in, evasion. */
const CRIMES: Reading[] = [
  reading(
    'commit|committing|commits|carry|carrying|perpetrate|perpetrating|engage|engaging|pull|pulling|away|plan|planning|orchestrate|orchestrating|run|running|do|doing',
    CRIME_NAMED,
  ),
  reading(
    'phishing|phish|scam|scams|scammer|scamming|impersonate|impersonating|pretending|pretend|spoof|spoofing|spoofed',
    String.raw`\bphish\w*\s+(?:\w+\s+)?(?:page|kit|email|e-mail|text|sms|message|link|site|campaign|template)s?|\bscam\s+(?:script|call|email|e-mail|text|message|site|page|website)s?|\b(?:run|running|pull|pulling|set\s+up)\s+(?:a|an|the|my)\s+(?:\w+\s+)?scam\b|\b(?:text|message|email|e-mail|call|letter|sms|voicemail|script|dm|page|site|website|profile)s?\b[^.?!\n]{0,40}?\b(?:pretending\s+to\s+be|posing\s+as|(?:that\s+)?looks?\s+like\s+(?:it['’]?s\s+)?(?:from)?|(?:as\s+if|like)\s+(?:it['’]?s\s+)?from|from)\s+(?:the\s+|my\s+|your\s+|a\s+|an\s+)?(?:bank|irs|hmrc|tax\s+office|microsoft|apple|amazon|paypal|usps|fedex|dhl|royal\s+mail|police|ceo|cfo|recruiter|lawyer|grandson|soldier|tech\s+support|social\s+security|government|customs|chase|wells\s+fargo|netflix)\b|\b(?:impersonat\w*|pretend(?:ing)?\s+to\s+be(?:\s+from)?|posing\s+as)\s+(?:a|an|the|my|your|their)?\s*(?:bank|irs|hmrc|tax\s+office|microsoft|amazon|paypal|police\s+officer|cop|ceo|cfo|grandson|social\s+security)\b[^.?!\n]{0,60}?\b(?:to|so|and)\s+(?:get|trick|convince|scam|make|ask|take|steal|fool)\b|\bspoof\w*\s+(?:a\s+|the\s+|my\s+)?(?:caller\s+id|number|email|sender|website)\b`,
  ),
  reading(
    'fake|forged|forge|forging|counterfeit|counterfeits|phony|bogus',
    String.raw`\b(?:fake|forged?|forging|counterfeit|phony|bogus)\s+(?:[\w-]+\s+)?(?:id|ids|passports?|driver['’]?s\s+licen[cs]es?|licen[cs]es?|doctor['’]?s\s+notes?|sick\s+notes?|medical\s+certificates?|prescriptions?|signatures?|pay\s*stubs?|payslips?|invoices?|receipts?|bank\s+statements?|lab\s+(?:report|results)|police\s+reports?|degrees?|diplomas?|certificates?|tickets?|reviews?|charity|charities|fundraisers?|gofundme|insurance\s+claims?|claims?|accidents?|injur(?:y|ies)|slip|death|documents?|papers|bills|money|notes|cash|currency|twenties|checks?|cheques?|coupons?|returns?|alibis?|references?|employment\s+offers?|job\s+offers?|accounts?\s+(?:to|for)|profiles?\s+(?:to|for))\b|\bcounterfeit\w*\b|\bforg(?:e|ed|ing)\s+(?:a|an|the|his|her|my|their|someone['’]?s)\b`,
  ),
  reading(
    'steal|stealing|stole|stolen|shoplift|shoplifting|pickpocket|pickpocketing|lift|rob|robbing|burglar|burgle|burglary|embezzle|embezzling|skim|skimming|siphon|pocket|tip|fence|walk|skip|hotwire|catalytic|break|breaking|into',
    String.raw`\b(?:steal|stealing)\b(?!\s+(?:the\s+show|the\s+spotlight|a\s+kiss|a\s+glance|a\s+look|a\s+moment|the\s+scene|hearts?|(?:second|third)\s+base|a\s+base|bases|a\s+nap|an\s+idea|ideas|the\s+ball|a\s+march))\s+(?:\w+\s+){0,3}?(?:from|without|at|off|in)\b|\bsteal\s+(?!(?:the\s+show|the\s+spotlight|a\s+kiss|a\s+glance|a\s+look|a\s+moment|the\s+scene|hearts?|a\s+base|a\s+nap|an\s+idea|the\s+ball|a\s+march)\b)(?:a|an|the|some|his|her|their|my|someone['’]?s|people['’]?s|credit|card|cars?|packages?|parcels?|bikes?|phones?|money|cash|identit\w*|wallets?|passwords?|data|gas|electricity|wifi|catalytic)\b|\bstolen\s+(?:cards?|card\s+(?:numbers|details)|credit\s+cards?|identit\w*|goods|phones?|bikes?|cars?|items|stuff|data|credentials|accounts?)\b|\bshoplift(?:ing)?\b(?!\s+(?:spree|prevention|problem|crisis|rates?))|\bpickpocket(?:ing)?\s+(?:people|tourists|someone|wallets|phones|on)\b|\blift(?:ing)?\s+wallets\b|\brob(?:bing)?\s+(?:a|an|the|my|his|her|this|that)\s+(?:\w+\s+)?(?:store|shop|bank|house|home|car|cars|van|truck|till|register|jewel\w*|gas\s+station|liquor\s+store|pharmacy|atm|neighbou?r)\b|\bburgl(?:e|es|ing|arize|arise|arizing|arising)\b|\bembezzl\w*|\bskim(?:ming)?\s+(?:\w+\s+)?(?:from|off|the\s+till|the\s+register|donations|cash|money|card|cards|atm)\b|\bsiphon\w*\s+(?:\w+\s+)?(?:money|funds|cash|gas|fuel)\b|\b(?:empty|pocket|take)\s+(?:the\s+)?tip\s+jar\b|\bfence\s+(?:\w+\s+)?(?:stolen|goods|phones|bikes|jewel\w*)|\bwalk\s+out\s+(?:with|without\s+paying)\b|\bskip\s+(?:scanning|paying)\b|\bwithout\s+paying\s+for\b|\bhotwir\w*|\bcatalytic\s+converters?\b|\bbreak(?:ing)?\s+into\s+(?:a|an|the|my\s+neighbou?r['’]?s|someone['’]?s|his|her|their|people['’]?s|cars?|houses?|homes?|apartments?|flats?|stores?|shops?|lockers?|vending)\b`,
  ),
  reading(
    'meth|methamphetamine|crystal|cocaine|coke|crack|heroin|fentanyl|fent|ketamine|ket|mdma|molly|ecstasy|xanax|xans|bars|lsd|acid|psilocybin|shrooms|oxy|oxys|oxycodone|oxycontin|perc|percs|percocet|adderall|vyvanse|ritalin|weed|cannabis|pills|dmt|ghb|nitazene|nitazenes|opioid|opioids|benzo|benzos|steroids|drug|pill|dope|trap|darknet|dark|prescription|urine',
    String.raw`\b(?:cook|cooking|make|making|synthes\w*|extract\w*|grow|growing|sell|selling|flip|flipping|deal|dealing|move|moving|buy|buying|get(?!\s+(?:help|rid|out|off|clean|sober|away|through|over))|getting(?!\s+(?:help|rid|off|clean|sober))|score|scoring|cut|cutting|press|pressing|smuggl\w*|import|ship|shipping|order|ordering|source|sourcing)\s+(?:\w+\s+){0,3}?${DRUG}\b|\b${DRUG}\s+(?:dealer|plug|connect|shop|menu|delivery|business|lab|cook)\b|\b(?:drug|pill|weed|coke|dope)\s+(?:shop|dealer|plug|menu|delivery\s+service|business|empire|trade)\b|\btrap\s+house\b|\bdark\s*(?:net|web)\s+(?:market|shop|store|vendor)s?\b|\b(?:get|buy|order|obtain|score)\s+(?:\w+\s+){0,3}?without\s+a\s+prescription\b|\bbeat\s+(?:a|the|my)\s+(?:\w+\s+)?drug\s+test\b|\bsynthetic\s+urine\b`,
  ),
  reading(
    'hack|hacking|hacked|into|spyware|stalkerware|keylogger|rat|ransomware|malware|trojan|botnet|ddos|crypter|payload|exploit|exploits|injection|credential|stuffing|password|passwords|backdoor|hijack|doxx|doxxing|dox|track|tracker|airtag|bypass|crack',
    String.raw`\bhack(?:ing)?\s+(?:into\s+)?(?:a|an|the|my\s+(?:ex|neighbou?r|girlfriend|boyfriend|wife|husband|partner|boss|teacher|school|roommate)|someone['’]?s|his|her|their|people['’]?s|school['’]?s|university['’]?s|company['’]?s)\b|\b(?:get|getting|break|breaking|log|logging)\s+into\s+(?:${SOMEONE_ELSES})\s+(?:\w+\s+)?(?:account|accounts|email|e-mail|phone|instagram|insta|snapchat|facebook|icloud|gmail|wifi|wi-fi|network|laptop|computer|messages|dms)\b|\b(?:spyware|stalkerware|keyloggers?|ransomware|malware|trojans?|botnets?|crypters?|payloads?|rootkits?|infostealers?|remote\s+access\s+trojans?)\b|\bddos\w*|\bsql\s+injection\b|\bcredential\s+stuffing\b|\b(?:crack|cracking|steal|stealing|get|find\s+out|guess)\s+(?:${SOMEONE_ELSES})\s+passwords?\b|\bbackdoors?\s+(?:into|in|login)|\bhijack\w*\s+(?:someone['’]?s|an?|the|her|his)\s+(?:\w+\s+)?(?:account|session)\b|\bdox+(?:ing)?\s+(?:her|him|them|someone|somebody|my|the|a|this|that)\b|\b(?:track|tracking)\s+(?:my\s+\w+|her|him|someone)['’]?s?\s+(?:\w+\s+)?(?:phone|location|car)\s+without\b|\bbypass\w*\s+(?:the\s+)?(?:activation\s+lock|icloud\s+lock|2fa|two[-\s]factor|parental\s+controls\s+on\s+(?:someone|my\s+(?:ex|girlfriend)))\b`,
  ),
  reading(
    'launder|laundering|structuring|smurf|smurfs|mule|mules|taxes|tax|irs|hmrc|offshore|shell|evade|evading|evasion|bribe|bribing|bribes|kickback|kickbacks|pump|rug|ponzi|insider|chargeback|refund|insurance|benefits|identity|ssn',
    String.raw`\blaunder\w*|\bstructuring\b|\bsmurf\w*|\bmoney\s+mules?\b|\b(?:under|below)\s+the\s+reporting\s+threshold\b|\b(?:hide|hiding|hid)\s+(?:\w+\s+){0,3}?(?:income|money|cash|earnings|gains|assets|profits|crypto|tips)\s+from\s+(?:the\s+)?(?:irs|hmrc|tax\w*|government|court|authorities|my\s+(?:wife|husband|ex))\b|\b(?:evade|evading|dodge|dodging|cheat\s+on|not\s+pay(?:ing)?)\s+(?:\w+\s+)?tax(?:es)?\b|\bshell\s+compan(?:y|ies)\b|\bbrib(?:e|es|ed|ing)\b|\bkickbacks?\b|\bpump[-\s]and[-\s]dump\b|\brug[-\s]?pull\b|\bponzi\b|\binsider\s+(?:trading|tip)\b|\b(?:fake|false|fraudulent)\s+(?:chargeback|refund|claim)s?\b|\breverse\s+a\s+charge\s+for\s+something\s+i\s+did\s+(?:actually\s+)?receive\b|\b(?:dead|late|deceased)\s+(?:\w+['’]s\s+)?(?:relative|grandma|grandmother|granddad|grandfather|dad|father|mom|mum|mother|aunt|uncle)['’]?s?\s+(?:identity|ssn|social\s+security|benefits|pension|credit|cards?|name)\b|\b(?:someone\s+else['’]?s|other\s+people['’]?s|a\s+stranger['’]?s)\s+(?:identity|ssn|social\s+security|credit\s+cards?|card\s+details|bank\s+details)\b`,
  ),
  reading(
    'evidence|police|cops|customs|search|searching|dogs|smuggle|smuggling|contraband|extradite|extradition|poach|poaching|catch|caught',
    String.raw`\b(?:destroy|get\s+rid\s+of|wipe|hide|hiding|dispose\s+of|ditch|ditching|burn)\s+(?:the\s+|all\s+the\s+|any\s+)?(?:evidence|records|receipts|footage)\b|\b(?:before|so)\s+(?:the\s+)?(?:police|cops|investigators|feds|auditors)\s+(?:\w+\s+)?(?:seize|search|find|come|get\s+here|raid)\b|\b(?:stop|keep)\s+(?:the\s+)?(?:police|cops|them)\s+(?:from\s+)?search\w*|\b(?:get|sneak|smuggl\w*|bring|carry)\s+(?:\w+\s+){0,3}?(?:past|through|across)\s+(?:the\s+)?(?:dogs|customs|border|airport\s+security|security|tsa|x-?ray)\b|\bsmuggl\w*\b|\bcontraband\b|\b(?:won['’]?t|don['’]?t|do\s+not|no)\s+extradit\w*|\bpoach\w*\s+(?:\w+\s+)?(?:elephants?|rhinos?|deer|game|ivory|tigers?|salmon|fish)\b|\bwithout\s+getting\s+caught\b|\bavoid\s+(?:getting\s+)?caught\b|\bnot\s+get\s+caught\b`,
  ),
  reading(
    'without|w|so|that|before|paper|declaring|tracing|showing|books|questions|report|reporting|flag|flags|flagging',
    String.raw`\b(?:so|that|before|without|w/o)\s+(?:the\s+|my\s+|a\s+|any\s+|their\s+)?${WATCHERS}\s+(?:\w+\s+)?(?:can['’]?t|cannot|couldn['’]?t|won['’]?t|wont|doesn['’]?t|don['’]?t|dont|never|not|ever)\s+(?:\w+\s+){0,2}?(?:find|see|notice|trace|restore|recover|file|flag|catch|know|detect|act|reject|smell|stop|question|check|realis\w*|realiz\w*)\b|\bwithout\s+(?:the\s+|my\s+|a\s+|any\s+|their\s+)?${WATCHERS}\s+(?:\w+\s+)?(?:asking\s+questions|noticing|realis\w*|realiz\w*|finding\s+out|flagging|freezing|catching|knowing|seeing|smelling|stopping|reporting)\b|\bwithout\s+(?:a\s+|any\s+)?paper\s+trail\b|\bwithout\s+declaring\b|\bwithout\s+it\s+(?:showing\s+up|tracing\s+back|getting\s+back|being\s+traced)\b|\boff\s+the\s+books\b|\bdon['’]?t\s+ask\s+questions\b|\b(?:reporting|declaration)\s+(?:limit|threshold)\b|\bwithout\s+(?:raising\s+flags|triggering\s+a\s+review|them\s+flagging)`,
    'sentence',
  ),
  reading(
    'claim|claiming|say|saying|pretend|report|invoices|invoice|bill|billing|pad|padding|inflate|inflating|refund|refunds|payout|never',
    String.raw`\b(?:claim|claiming|say|saying|pretend|pretending|report|file)\b[^.?!\n]{0,60}?\b(?:never\s+arrived|was\s+(?:lost|stolen|burgled|damaged)|went\s+missing|never\s+owned|go\s+missing)\b|\b(?:invoices?|bill|billing|charge)\b[^.?!\n]{0,60}?\bnever\s+(?:provided|made|did|delivered|performed)\b|\b(?:pad|padding|inflate|inflating)\s+(?:my|the|our|his|her)\s+(?:\w+\s+)?(?:claim|expenses|invoices?|bills?|hours|mileage|figures|numbers)\b|\b(?:inflate|pad)\s+it\s+without\s+triggering\b|\brefunds?\b[^.?!\n]{0,60}?\b(?:actual+y\s+got|keep(?:ing)?\s+the\s+item|kept\s+the\s+item|never\s+arrived)\b|\bpayout\s+for\s+(?:a|my)\s+\w+\s+(?:i|that\s+i)\s+(?:actually\s+)?sold\b|\b["“]go\s+missing["”]`,
    'sentence',
  ),
  reading(
    'look|looks|under|transfers|payments|money|forwarding|clean|legit|legitimate|came',
    String.raw`\b(?:make|making)\s+(?:it|them|my\s+\w+|the\s+\w+)\s+(?:\w+\s+)?look\s+(?:clean|legit|legitimate|like\s+(?:it|they)\s+came\s+from)\b|\blooks?\s+like\s+it\s+came\s+from\s+(?:my|a|the)\b|\bjust\s+under\s+the\s+(?:reporting\s+)?(?:limit|threshold)\b|\b(?:receive|accept)\s+(?:\w+\s+){0,3}?(?:transfers|payments|money)\b[^.?!\n]{0,60}?\b(?:pass|forward|send)\w*\s+(?:them|it)\s+on\b|\bkeep\s+\d+\s*%\s+after\s+forwarding\b|\blook\s+like\s+legitimate\b`,
    'sentence',
  ),
  reading(
    'mine|yours|ours|theirs|in2|into|password|pw|passcode|login|tracking|app|break',
    String.raw`\b(?:that|which)\s+(?:isn['’]?t|aren['’]?t|is\s+not|are\s+not)\s+(?:mine|yours|ours|theirs)\b|\b(?:get|getting|break|breaking|log|logging)\s+(?:in2|into|in\s+to)\s+(?:sum1s|some1s|someone['’]?s|somebody['’]?s|my\s+(?:wife|husband|partner|girlfriend|boyfriend|ex)['’]?s?)\b|\b(?:someone['’]?s|sum1s|some1s|my\s+(?:wife|husband|partner|girlfriend|boyfriend|ex|roommate|boss)['’]?s?)\s+(?:\w+\s+)?(?:password|pw|passcode|pin|login)\b|\btracking\s+app\s+on\s+(?:my\s+)?(?:wife|husband|partner|girlfriend|boyfriend|ex|daughter|son)['’]?s?\s+phone\b|\bhow\s+do\s+i\s+break\s+in\b`,
    'sentence',
  ),
  reading(
    'slip|slipping|walk|forget|tags|grab|grabbing|take|taking|items|fell|hot|pawn',
    String.raw`\b(?:slip|slipping)\s+(?:\w+\s+){0,2}?into\s+(?:a|my|your)\s+(?:bag|pocket|coat)\b|\bwalk\s+off\s+with\b|["“]?forget["”]?\s+to\s+scan\b|\bsecurity\s+tags\b|\bgrab(?:bing)?\s+(?:the\s+)?(?:boxes|packages|parcels|a\s+display|display)\b|\b(?:take|taking)\s+(?:stuff\s+)?from\s+the\s+(?:register|till|store|shop)\b|\bwhich\s+items\s+to\s+take\b|\bfell\s+off\s+a\s+truck\b|\bhot\s+goods\b|\bpawn\s+shops?\s+(?:that\s+)?don['’]?t\s+ask\s+questions\b|\bpackages\s+from\s+(?:\w+\s+){0,3}?porches\b`,
    'sentence',
  ),
  reading(
    'note|notes|sign|signing|scan|scans|barcode|wristbands|print|pass|prescription|prescriptions|stubs|stub|birthdate|letterhead|id',
    String.raw`\b(?:doctor['’]?s|drs?|dr['’]?s|sick)\s+notes?\b[^.?!\n]{0,80}?\b(?:real|convincing|never\s+visited|without\s+(?:actually\s+)?seeing|made\s+up|clinic\s+logo|letterhead|signed\s+by)\b|\b(?:make|write|produce|create)\s+(?:me\s+a\s+|my\s+own\s+)(?:doctor['’]?s|drs?|dr['’]?s|sick)\s+notes?\b|\b(?:doctor['’]?s|drs?|dr['’]?s|sick)\s+notes?\s+(?:so\s+i\s+can\s+(?:skip|miss|get\s+out)|to\s+(?:skip|get\s+out\s+of))\b|\bnote\s+on\s+clinic\s+letterhead\b|\b(?:sign|signing)\s+(?:my\s+)?(?:\w+['’]s|late\s+\w+['’]s)\s+name\b|\bscan\s+as\s+valid\b|\bso\s+it\s+scans\b|\bduplicate\s+the\s+barcode\b|\bcopies\s+of\s+the\s+\w+\s+wristbands\b|\bprint\s+(?:some\s+)?(?:extra\s+)?(?:bills|money|cash|twenties|notes)\b|\bpass\s+(?:the\s+)?(?:\w+['’]s\s+)?(?:marker|pen\s+test|bouncer['’]?s\s+check)\b|\b(?:edit|change|alter)\s+(?:a\s+)?(?:scanned\s+)?prescription\b|\bwrite\s+my\s+own\s+(?:\w+\s+)?prescriptions\b|\bpay\s*stubs?\b[^.?!\n]{0,60}?\b(?:real-looking|showing|write\s+them)\b|\bsomeone\s+else['’]s\s+(?:birthdate|name|identity|photo|license|licence)\b|\bnovelty\s+id\b`,
    'sentence',
  ),
  reading(
    'envelope|gift|things|trail|wire|send|transfer|covering|dealer|sale|prescribing|subpoena|subpoenaed|delete|destroy|shred|match|skip|databases|marshals|find',
    String.raw`\b(?:envelope|gift|cash|money|something\s+extra)\s+would\s+help\b|\bsees?\s+things\s+my\s+way\b|\b(?:wire|send|transfer)\s+me\s+(?:\w+\s+)?money\s+for\b|\bcovering\s+my\s+["“]?bills\b|\b(?:approach|find|meet|contact)\s+a\s+dealer\b|\b(?:pills|powder|weed|coke|molly|xans?)\s+(?:and\s+\w+\s+)?for\s+sale\b|\bprescrib\w*\s+me\s+\w+\s+when\s+i['’]?m\s+not\b|\b(?:get\s+rid\s+of|destroy|delete|shred|hide|wipe)\b[^.?!\n]{0,60}?\bsubpoenaed\b|\b(?:delete|destroy|shred|wipe|get\s+rid\s+of)\s+(?:\w+\s+){0,3}?(?:records|emails|files|messages|chats?|group\s+chat|evidence|receipts|logs)\b[^.?!\n]{0,60}?\b(?:investigat\w*|police|can['’]?t\s+(?:restore|recover)|audit\w*)\b|\bstories\s+match\b|\bskip\s+(?:my\s+)?(?:court\s+date|bail|probation)\b|\b(?:police|marshals?|feds)\s+(?:databases?|can['’]?t\s+find)\b`,
    'sentence',
  ),
];

/**
 * Words of a sentence that guard against the crime, tell of it, or ask what is lawful: `how do I spot`, `report`,
 * `protect`, `is it legal`, `with permission`, `my own account`, `true crime`.
 */
const NOT_MEANT =
  /\b(?:protect\w*|prevent\w*|spot\w*|recogni[sz]\w*|detect\w*|identify|avoid\s+(?:being|getting)\s+(?:scammed|hacked|phished|robbed)|avoid\s+(?:falling|scams?)|fall\s+for|report\w*|victims?|was\s+(?:scammed|hacked|robbed|stolen)|got\s+(?:scammed|hacked|robbed|skimmed)|been\s+(?:scammed|hacked|robbed|skimmed)|(?:someone|somebody|they|thieves|scammers|hackers)\s+(?:stole|hacked|scammed|skimmed|robbed|broke\s+into)|stole\s+(?:my|from\s+me)|is\s+(?:it|this|that)\s+(?:legal|illegal|a\s+crime|a\s+scam)|legal(?:ly)?|lawful(?:ly)?|with\s+(?:permission|consent|a\s+contract|authori[sz]ation)|authori[sz]ed|pen(?:etration)?\s*test\w*|bug\s+bount\w*|ctf|red\s+team|my\s+own|locked\s+out|lost\s+my|forgot\s+my|recover\w*|penalt\w*|sentence[ds]?|jail\s+time|prison\s+time|what\s+happens\s+if|history|historical|documentary|true\s+crime|news|journalis\w*|research\w*|statistics|why\s+do\s+people|how\s+do\s+(?:police|detectives|banks|stores|shops|customs)|security\s+(?:team|awareness|training)|training\s+(?:staff|employees)|teach\s+(?:my|our)\s+(?:staff|employees|parents|grandparents|kids)|warn\w*|tips\s+to\s+stay\s+safe|stay\s+safe|safe\s+from|keep\s+(?:my|our)\s+\w+\s+safe|secure\w*|defen[cs]e|how\s+to\s+tell\s+if|signs?\s+(?:of|that)|red\s+flags?|(?:someone|somebody|they|he|she)\s+(?:keeps|kept|is|has\s+been)|stop\s+(?:buying|using|selling|doing|taking)|get\s+help|tempted|sober|quit\w*|recovery|addict\w*|rehab|example|explain\s+(?:what|how\s+(?:it|they|scammers|criminals))|what\s+(?:is|are)(?!\s+(?:the\s+)?(?:best|easiest|quickest|safest|fastest|simplest|smartest|cheapest|surest|most\s+\w+)\s)|definition|talk\s+(?:\w+\s+){0,3}out\s+of|cautionary|awareness|genuinely|legitimately|honestly\s+never|really\s+never|(?:really|actually)\s+(?:did\s+not|didn['’]?t)\s+(?:come|arrive))\b/i;

/** A story asked for its own sake: the crime belongs to a character, unless usable steps are asked. */
const STORY =
  /\b(?:in|for)\s+(?:a|my|the|this|our)\s+(?:\w+\s+)?(?:novel|story|fiction|screenplay|script|film|play|movie|game|campaign|episode|book|comic|scene)\b|\b(?:novel|screenplay|fiction|villain|character|heist\s+movie)\b/i;
const USABLE =
  /\b(?:real|actual|actually|exact|exactly|step[-\s]by[-\s]step|in\s+detail|detailed|specific|works?\s+in\s+real\s+life|for\s+real|irl|not\s+the\s+tv\s+version|accurate|usable)\b/i;

/**
 * A request or a plan that ends where the crime starts (the 80 characters before it): `how do I`, `best way to`, `help
 * me`, `teach me to`, `write a`, `where can I get`, `I'm going to`, `I've been`. Not a crime named further off (`How
 * do brands like Nike fight counterfeit sneakers?`, `Write a short poem about a burglar cat`).
 */
const DONE_BY_ASKER = new RegExp(
  [
    String.raw`h(?:o)?w\s+(?:do|can|could|would|should|to|2|does\s+one|would\s+one)\s+(?:i|we|you|u|one|someone|people|ppl|a\s+person)?\s*(?:\w+\s+){0,2}?`,
    String.raw`(?:best|easiest|quickest|safest|fastest|smartest|cheapest|simplest|surest)\s+(?:way|method|place)s?\s+(?:to|for)\s+(?:\w+\s+){0,2}?`,
    String.raw`(?:help|teach|show)\s+me\s+(?:how\s+)?(?:to\s+)?(?:\w+\s+){0,2}?`,
    String.raw`(?:ingredients|chemicals|materials|equipment|supplies|stuff|things|what|temperature)\s+(?:do\s+|would\s+)?(?:you|u|i|we|one|someone)\s+(?:need|needs|require|use)\s+(?:to|for)\s+(?:\w+\s+){0,2}?`,
    String.raw`(?:tips|tricks|advice|ideas|steps|guide|tutorial|instructions)\s+(?:for|on|to|about)\s+(?:how\s+to\s+)?(?:\w+\s+){0,2}?`,
    String.raw`(?:i|we|im|me\s+and\s+\w+(?:\s+\w+)?|my\s+\w+\s+and\s+i)(?:['’]m|\s+am|['’]re|\s+are|\s+r)?\s+(?:going\s+to|gonna|planning\s+to|planning\s+on|about\s+to|want\s+to|wanna|need\s+to|trying\s+to|intend\s+to|decided\s+to|will|['’]ll)\s+(?:\w+\s+){0,2}?`,
    String.raw`(?:^|[.!?,;:]\s*|\b(?:to|please|pls|and|then|can\s+you|could\s+you|just|now|i\s+need\s+(?:you\s+)?to)\s+)(?:write|draft|compose|create|make|generate|give\s+me|code|build|design|print|set\s+up|get\s+me|find\s+me|sell\s+me|send\s+me|produce|put\s+together|craft)\s+(?:me\s+)?(?:\w+\s+){0,4}?`,
    String.raw`where\s+(?:can|do|could|should|would|to)\s+(?:i|we|you|u|one|people|ppl)?\s*(?:\w+\s+){0,2}?`,
    String.raw`(?:which|what)\s+(?:\w+\s+){0,3}?(?:should|can|could|would|do)\s+(?:i|we|u)\s+(?:\w+\s+){0,2}?`,
    String.raw`(?:i|we)(?:['’]ve|\s+have)\s+been\s+(?:\w+\s+)?`,
    String.raw`(?:i|we)\s+(?:just\s+)?(?:bought|got|have|keep|kept)\s+(?:\w+\s+){0,2}?`,
    String.raw`(?:is\s+it\s+(?:ok|okay|fine|worth\s+it)\s+to|should\s+i|can\s+i|could\s+i)\s+(?:\w+\s+){0,2}?`,
    String.raw`so\s+(?:i|we)\s+can\s+`,
    String.raw`(?:convince|persuade)\s+me\s+(?:that\s+)?(?:it['’]?s\s+(?:fine|ok|okay)\s+to\s+)?(?:\w+\s+){0,2}?`,
  ]
    .map((form) => `(?:${form})`)
    .join('|')
    .replace(/^/, String.raw`\b(?:`)
    .concat(')$'),
  'i',
);

/** A question asked of where or which: `wat apps r best`, `Which pawn shops don't ask questions`. */
const ASKED = /^\s*(?:wat|what|which|where|wher|who|how|hw|any|is\s+there|are\s+there)\b/i;

/** How many matches of one reading a text is read for. */
const MATCHES_READ = 64;

/** The speaker's own plan: `I'm going to`, `I plan to`, `I've decided to`, `my cousin and I want`. */
const PLANNED =
  /\b(?:i|we|me\s+and\s+\w+|my\s+\w+\s+and\s+i)(?:\s+|(?=['’]))(?:\w+\s+){0,2}?(?:am\s+going|['’]m\s+going|['’]m\s+gonna|gonna|will|['’]ll|plan|planning|intend|['’]ve\s+decided|want|wanna|need|['’]m\s+about\s+to)\b/i;

const CRIME_WORDS = neededWordsPattern(CRIMES);

/**
 * Whether a text asks for help with a non-violent crime, or plans one (illicit): a fraud, a theft, a forgery, a drug
 * deal, a break-in into someone's account or home, laundering or evasion, in its words, asked as people ask (`how do
 * I`, `write the text`, `any tips`) or planned by the speaker. `Write a text message pretending to be from Chase saying
 * the account is locked` and `I'm going to empty the tip jar at work every Friday` passed the classifier. Not a
 * crime guarded against, reported or suffered (`how do I spot a phishing email`, `someone stole my card`), what is
 * lawful (`is it legal`, `a pentest with a contract`, `locked out of my own account`), or a story asked for its own
 * sake. The scorer raises illicit.
 */
export function asksForACrime(text: string): boolean {
  const found = neededWordsIn(text, CRIME_WORDS);
  if (found.size === 0) return false;
  for (const { needs, pattern, askedIn } of CRIMES) {
    if (!needs.some((word) => found.has(word))) continue;
    // A crime is told once or twice; a text that repeats a reading's words thousands of times is read no further.
    let read = 0;
    for (const match of everyMatch(pattern, text)) {
      if (++read > MATCHES_READ) break;
      const at = match.index ?? 0;
      const sentence = sentenceAround(text, at, at + match[0].length);
      const next = sentenceAfter(text, at + match[0].length);
      if (NOT_MEANT.test(sentence) || NOT_MEANT.test(next)) continue;
      if (STORY.test(sentence) && !USABLE.test(text)) continue;
      if (askedIn === 'sentence') {
        if (
          REQUESTED.test(sentence) ||
          PLANNED.test(sentence) ||
          ASKED.test(sentence) ||
          REQUESTED.test(next)
        ) {
          return true;
        }
        continue;
      }
      // A window cut mid-sentence must not read as a sentence's start.
      const before = at > 80 ? `… ${text.slice(at - 80, at)}` : text.slice(0, at);
      if (DONE_BY_ASKER.test(before)) return true;
    }
  }
  return false;
}
