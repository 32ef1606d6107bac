const UTF16 = new TextDecoder('utf-16le');
/** Units per `String.fromCharCode` call: a spread of a whole long text would overflow the stack. */
const CHUNK = 8192;

/**
 * UTF-16 code units as a string, in one decoder pass. The decoder writes U+FFFD for a lone surrogate: where one
 * may occur and must survive, `keepLoneSurrogates` copies the units as they are instead.
 */
export function unitsToString(units: Uint16Array, keepLoneSurrogates = false): string {
  if (!keepLoneSurrogates) return UTF16.decode(units);
  const parts: string[] = [];
  for (let from = 0; from < units.length; from += CHUNK)
    parts.push(String.fromCharCode(...units.subarray(from, from + CHUNK)));
  return parts.join('');
}
