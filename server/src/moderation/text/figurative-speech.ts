/**
 * Self-reproach said as harm to oneself: `I could kill myself for leaving my keys at home`, `I could kick myself for
 * missing the bus`. A reason follows `for`, never a way or a time; `for real`, `for good`, `for sure` and `for you` say
 * it is meant and are left as written.
 */
const SELF_REPROACH =
  /(?<![\p{L}])((?:could|should|would|can|coulda|shoulda)(?:\s+(?:honestly|literally|seriously|just|really|actually|totally|so|almost))?\s+)(?:kill|kick|slap|shoot|strangle|punch|hit|murder|smack|throttle)\s+myself\s+(?=for\s+(?!(?:real|good|sure|you|u|them|him|her|it|this|that|what|ever|once|tonight|today)(?![\p{L}])))/giu;

/** At most this many figures are read in one text: hostile input may repeat one without end. */
const FIGURES_READ = 64;

/**
 * The text with its figures of speech that name harm to oneself in plain words (`I could be angry with myself for
 * leaving my keys at home`), or null when it has none. The model read `I could kick myself for missing the bus.` as a
 * request for self-harm instructions, which the live policy blocks; Warden's scorer reads this text in place of the
 * original.
 */
export function plainFigurativeReading(text: string): string | null {
  let count = 0;
  const plain = text.replace(SELF_REPROACH, (figure, modal: string) =>
    ++count > FIGURES_READ ? figure : `${modal}be angry with myself `,
  );
  return plain === text ? null : plain;
}
