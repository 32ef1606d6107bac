/**
 * People named for who they are (religion, ethnicity, nationality, race, sexual orientation, gender identity, gender,
 * disability), as patterns to build larger ones from: the targets that make a threat or a statement hate in OpenAI's
 * sense. Lower case; the patterns using them match case-insensitively.
 */

/**
 * Peoples by name, plural: nationalities, ethnic groups and faiths (`Nigerians`, `Haitians`, `Poles`, `Roma`,
 * `Mormons`). Not exhaustive; the ones hate speech names most, and their neighbours.
 */
const PEOPLES = String.raw`(?:americans|mexicans|canadians|brazilians|colombians|venezuelans|cubans|haitians|jamaicans|puerto\s+ricans|dominicans|peruvians|guatemalans|hondurans|salvadorans|argentinians|chileans|africans|nigerians|ghanaians|kenyans|somalis|ethiopians|eritreans|congolese|sudanese|egyptians|moroccans|algerians|libyans|tunisians|arabs|saudis|iraqis|iranians|syrians|lebanese|palestinians|israelis|yemenis|afghans|pakistanis|indians|bangladeshis|sri\s+lankans|nepalis|chinese|japanese|koreans|vietnamese|filipinos|thais|indonesians|malaysians|asians|europeans|russians|ukrainians|poles|romanians|bulgarians|albanians|serbs|croats|bosnians|greeks|turks|kurds|italians|germans|spaniards|portuguese|brits|gypsies|gipsies|roma|romani|travellers|aborigines|aboriginals|native\s+americans|hispanics|latinos|latinas|latinx|chicanos|blacks|whites|jews|muslims|christians|catholics|protestants|mormons|hindus|sikhs|buddhists|atheists)`;

/** What names such people with `people`, `men`, `women`: `Polish people`, `black men`, `Muslim women`. */
export const PEOPLE_ADJECTIVE = String.raw`(?:black|white|brown|asian|jewish|muslim|christian|catholic|hindu|sikh|arab|african|chinese|japanese|korean|vietnamese|filipino|indian|pakistani|afghan|iranian|iraqi|syrian|palestinian|israeli|turkish|russian|ukrainian|mexican|hispanic|latino|latina|brazilian|puerto\s+rican|jamaican|polish|irish|romanian|nigerian|somali|ethiopian|haitian|roma|romani|gypsy|native|native\s+american|indigenous|aboriginal|gay|lesbian|bisexual|queer|trans|transgender|non-?binary|intersex|disabled|deaf|blind|autistic|mentally\s+ill)`;

/** One person for who they are: `Muslim`, `trans person`, `black guy`, `disabled woman`, `woman`. */
export const IDENTITY_ONE = String.raw`(?:${PEOPLE_ADJECTIVE}\s+(?:person|guy|man|woman|girl|boy|kid)|muslim|jew|christian|hindu|sikh|immigrant|migrant|refugee|foreigner|gay|lesbian|asian|mexican|arab|african|indian|pakistani|woman|girl)`;

/**
 * One person for who they are, by a noun only (`a woman`, `that trans person`, `an immigrant`): not the words that are
 * as often adjectives (`a gay wedding`, `an Indian restaurant`).
 */
export const IDENTITY_PERSON = String.raw`(?:${PEOPLE_ADJECTIVE}\s+(?:person|guy|man|woman|girl|boy|kid)|muslim|jew|immigrant|migrant|refugee|foreigner|woman|girl)`;

/** Their lives: `Black lives`, `female lives`, `an immigrant life`, `your Muslim lives`. */
export const IDENTITY_LIVES = String.raw`(?:${PEOPLE_ADJECTIVE}|female|women(?:'|’)s|immigrant|migrant|refugee)\s+(?:lives|life)`;

/** People named by a disability they live with: `people with Down syndrome`, `kids in wheelchairs`. */
const WITH_DISABILITY = String.raw`(?:people|persons|kids|children|men|women|folks)\s+(?:with\s+(?:disabilities|a\s+disability|down['’]?s?\s+syndrome|autism|tourette['’]?s(?:\s+syndrome)?|cerebral\s+palsy|dwarfism|mental\s+illness(?:es)?|learning\s+disabilities|special\s+needs)|in\s+wheelchairs)`;

/**
 * Such people as a group: `Muslims`, `Jewish people`, `immigrants`, `women`, `disabled people`, `Nigerians`, `the
 * Irish`, `people with Down syndrome`. The longer names come first: a match ends at the first alternative that fits,
 * and `Chinese` alone would leave `people are vermin` unread after `Chinese people`.
 */
export const IDENTITY_MANY = String.raw`(?:${PEOPLE_ADJECTIVE}\s+(?:people|persons|men|women|folks?|kids|children|immigrants|families|workers|students|guys|girls|boys|teens|teenagers|youths|adults|tourists|drivers|neighbou?rs|parents)|${WITH_DISABILITY}|${PEOPLES}|immigrants|migrants|refugees|asylum\s+seekers|foreigners|gays|lesbians|queers|homosexuals|bisexuals|transgenders|trannies|women|females|the\s+disabled|the\s+(?:irish|french|dutch|english|welsh|scots|chinese|japanese|jews))`;
