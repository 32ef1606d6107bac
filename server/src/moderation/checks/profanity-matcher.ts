import { MatchPayload, RegExpMatcher, RegExpMatcherOptions } from 'obscenity';

/** What obscenity 0.4's RegExpMatcher keeps privately: its compiled terms and how it transforms a text. */
interface MatcherInternals {
  blacklistedTerms?: Array<{ regExp: RegExp }>;
  blacklistMatcherTransformers?: unknown;
  applyTransformers?: (input: string, transformers: unknown) => [number[], string];
}

/**
 * obscenity's RegExpMatcher with a one-pass screen in front. The library runs each of its English terms (about
 * seventy) over a text in turn, a cloned RegExp and an iterator apiece, after a whitelist pass; one alternation
 * of the same patterns over the same transformed text says whether any of them can match at all, and on clean
 * text (nearly every request) the answer is no. Texts that pass the screen get the library's own matching, so
 * matches, spans and whitelisting are exactly the library's.
 */
export class ProfanityMatcher {
  private readonly matcher: RegExpMatcher;
  /** Null when the library's internals are not where version 0.4 keeps them: every text is then matched in full. */
  private readonly screen: ((input: string) => boolean) | null;

  constructor(options: RegExpMatcherOptions) {
    this.matcher = new RegExpMatcher(options);
    const internals = this.matcher as unknown as MatcherInternals;
    const terms = internals.blacklistedTerms;
    const transformers = internals.blacklistMatcherTransformers;
    const transform = internals.applyTransformers;
    // The alternation takes the terms' own flags (less the iteration ones), so the terms must agree on them.
    const flags = new Set(terms?.map(({ regExp }) => regExp.flags.replace(/[gy]/g, '')));
    if (
      !Array.isArray(terms) ||
      terms.length === 0 ||
      flags.size !== 1 ||
      !transformers ||
      typeof transform !== 'function'
    ) {
      this.screen = null;
      return;
    }
    const any = new RegExp(terms.map(({ regExp }) => `(?:${regExp.source})`).join('|'), [...flags][0]);
    this.screen = (input) => any.test(transform.call(this.matcher, input, transformers)[1]);
  }

  /** Whether texts are screened in one pass before the library's matching (false: the library changed). */
  get screened(): boolean {
    return this.screen !== null;
  }

  getAllMatches(input: string, sorted = false): MatchPayload[] {
    if (this.screen && !this.screen(input)) return [];
    return this.matcher.getAllMatches(input, sorted);
  }
}
