/**
 * People named for who they are (religion, ethnicity, nationality, race, sexual orientation, gender identity, gender,
 * disability), as patterns to build larger ones from: the targets that make a threat or a statement hate in OpenAI's
 * sense. Lower case; the patterns using them match case-insensitively.
 */

/** One person for who they are: `Muslim`, `trans person`, `black guy`, `woman`. */
export const IDENTITY_ONE = String.raw`(?:muslim|jew|christian|hindu|sikh|immigrant|migrant|refugee|foreigner|gay|lesbian|trans\s+person|(?:black|white|asian|brown)\s+(?:person|guy|man|woman|kid)|asian|mexican|arab|african|indian|pakistani|woman|girl)`;

/** Such people as a group: `Muslims`, `Jewish people`, `immigrants`, `women`, `disabled people`. */
export const IDENTITY_MANY = String.raw`(?:muslims|jews|jewish\s+people|christians|catholics|hindus|sikhs|atheists|immigrants|migrants|refugees|foreigners|gays|gay\s+(?:people|men)|lesbians|queers|homosexuals|bisexuals|trans(?:gender)?\s+(?:people|women|men)|blacks|black\s+(?:people|men|women)|whites|white\s+people|asians|hispanics|latinos|mexicans|arabs|africans|indians|pakistanis|chinese\s+people|women|disabled\s+people|the\s+disabled)`;
