import { RE2JS } from 're2js';

/**
 * Policy patterns come from data, so they run on RE2 (re2js, a pure-JavaScript port): matching is linear in
 * the text whatever the pattern, and what RE2 cannot guarantee (backreferences, lookaround) does not compile.
 */
export function compilePolicyPattern(source: string): RE2JS {
  return RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
}

/** Why RE2 refuses a pattern, or null when it compiles. */
export function policyPatternError(source: string): string | null {
  try {
    compilePolicyPattern(source);
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/** Every non-empty match of a compiled pattern, as [start, end) offsets into the text. */
export function patternMatches(pattern: RE2JS, text: string): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  const matcher = pattern.matcher(text);
  while (matcher.find()) {
    if (matcher.end() > matcher.start()) found.push([matcher.start(), matcher.end()]);
  }
  return found;
}
