/**
 * The longest text a blocklist pattern can match, read from its source: a stream must hold back at least that
 * much, or the start of a match leaves before its end arrives. Unbounded repetition (`*`, `+`, `{n,}`) and
 * back-references make a pattern unbounded (Infinity); policies refuse those.
 */
export function patternMatchBound(source: string): number {
  const parser = new BoundParser(source);
  const bound = parser.alternation();
  return parser.done ? bound : Number.POSITIVE_INFINITY;
}

/** The longest match Warden accepts for a policy pattern, in characters. */
export const MAX_PATTERN_MATCH_CHARS = 256;

class BoundParser {
  private position = 0;

  constructor(private readonly source: string) {}

  get done(): boolean {
    return this.position >= this.source.length;
  }

  alternation(): number {
    let longest = this.sequence();
    while (this.peek() === '|') {
      this.position++;
      longest = Math.max(longest, this.sequence());
    }
    return longest;
  }

  private sequence(): number {
    let total = 0;
    while (!this.done && this.peek() !== '|' && this.peek() !== ')') {
      total += this.quantified(this.atom());
    }
    return total;
  }

  private atom(): number {
    const char = this.source[this.position++];
    switch (char) {
      case '^':
      case '$':
        return 0;
      case '\\':
        return this.escape();
      case '[':
        this.skipClass();
        return 1;
      case '(':
        return this.group();
      default:
        return 1;
    }
  }

  private escape(): number {
    const char = this.source[this.position++];
    if (char === 'b' || char === 'B') return 0;
    if (char === 'k' || /[1-9]/.test(char ?? '')) return Number.POSITIVE_INFINITY; // a back-reference
    if (char === 'u' && this.peek() === '{') this.skipPast('}');
    else if (char === 'u') this.position += 4;
    else if (char === 'x') this.position += 2;
    else if (char === 'c') this.position += 1;
    else if ((char === 'p' || char === 'P') && this.peek() === '{') this.skipPast('}');
    return 1;
  }

  private skipClass(): void {
    while (!this.done && this.peek() !== ']') {
      if (this.source[this.position++] === '\\') this.position++;
    }
    this.position++;
  }

  private group(): number {
    let lookaround = false;
    if (this.peek() === '?') {
      const next = this.source.slice(this.position + 1, this.position + 3);
      lookaround = next.startsWith('=') || next.startsWith('!') || next === '<=' || next === '<!';
      if (next.startsWith('<') && !lookaround) this.skipPast('>');
      else this.position += next.startsWith('<') ? 3 : 2;
    }
    const inner = this.alternation();
    if (this.peek() !== ')') return Number.POSITIVE_INFINITY;
    this.position++;
    return lookaround ? 0 : inner;
  }

  private quantified(length: number): number {
    const char = this.peek();
    let times = 1;
    if (char === '*' || char === '+') {
      this.position++;
      times = Number.POSITIVE_INFINITY;
    } else if (char === '?') {
      this.position++;
    } else if (char === '{') {
      const match = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.position));
      if (!match) return length;
      this.position += match[0].length;
      times =
        match[2] === undefined ? Number(match[1]) : match[3] ? Number(match[3]) : Number.POSITIVE_INFINITY;
    } else {
      return length;
    }
    if (this.peek() === '?') this.position++; // lazy: the same bound
    return length === 0 ? 0 : length * times;
  }

  private skipPast(char: string): void {
    const end = this.source.indexOf(char, this.position);
    this.position = end < 0 ? this.source.length : end + 1;
  }

  private peek(): string | undefined {
    return this.source[this.position];
  }
}
