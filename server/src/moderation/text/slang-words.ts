/**
 * Internet shorthand and "algospeak" for harm, written to slip past filters that read words, and what each stands
 * for. Only forms with no everyday meaning of their own: `kys` is "kill yourself" wherever it is typed, while `grape`
 * or `corn` are fruit and grain far more often than the words they hide.
 */
const SLANG: Array<[RegExp, string]> = [
  [/\bkys\b/gi, 'kill yourself'],
  // Not after a number: `300 kms` is kilometres.
  [/(?<!\d[\d.,]*\s*)\bkms\b/gi, 'kill myself'],
  [/\bunalived\b/gi, 'killed'],
  [/\bunalives\b/gi, 'kills'],
  [/\bunalive\b/gi, 'kill'],
  [/\bunaliving\b/gi, 'killing'],
  [/\bsewer[\s-]?slides?\b/gi, 'suicide'],
  [/\bself[\s-]?delet(e|ed|ing)\b/gi, 'kill myself'],
  [/\bneck (yourself|myself|themselves|himself|herself)\b/gi, 'hang $1'],
  [/\ban hero\b/gi, 'commit suicide'],
  [/\bs[e3]ggs\b/gi, 'sex'],
  [/\bsecks\b/gi, 'sex'],
];
const ANY_SLANG = new RegExp(SLANG.map(([pattern]) => pattern.source).join('|'), 'i');

/**
 * The text with internet shorthand for harm read as what it stands for (`just kys already` -> `just kill yourself
 * already`, `sewerslide` -> `suicide`), for a classifier trained on the words themselves. Null when the text holds
 * none.
 */
export function slangReading(text: string): string | null {
  if (!ANY_SLANG.test(text)) return null;
  let reading = text;
  for (const [pattern, meaning] of SLANG) reading = reading.replace(pattern, meaning);
  return reading === text ? null : reading;
}
