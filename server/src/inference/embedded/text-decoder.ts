/** Turns generated token ids into text as they arrive; `push` returns only text that is complete UTF-8. */
export interface TokenStreamDecoder {
  push(id: number): string;
  /** Whatever is still held back (an unfinished character becomes U+FFFD). */
  finish(): string;
}

/**
 * What each token contributes to the decoded byte stream, for the decoders where decoding is a concatenation
 * (byte-level BPE, SentencePiece pieces with byte fallback). null marks a token decoding skips (special tokens).
 */
export interface TokenBytes {
  bytes: (Uint8Array | null)[];
  /** SentencePiece decoders drop the one space that encoding prepends to the whole text. */
  stripLeadingSpace: boolean;
}

/** How many trailing context tokens are replayed so an unfinished character in the prompt completes correctly. */
const CONTEXT_TAIL = 4;

/**
 * Byte-exact streaming: each token's bytes go through one streaming UTF-8 decoder, so a character split across
 * byte-fallback tokens appears as soon as its last byte does. The context (the prompt) decides whether the leading
 * space is the text's first character, which is why a continuation is decoded with its prompt.
 */
export class Utf8TokenDecoder implements TokenStreamDecoder {
  private readonly utf8 = new TextDecoder('utf-8');
  private started = false;

  constructor(
    private readonly table: TokenBytes,
    context: readonly number[],
  ) {
    const tail: Uint8Array[] = [];
    for (const id of context) {
      const bytes = table.bytes[id];
      if (bytes && bytes.length > 0) {
        this.started = true;
        tail.push(bytes);
        if (tail.length > CONTEXT_TAIL) {
          tail.shift();
        }
      }
    }
    for (const bytes of tail) {
      this.utf8.decode(bytes, { stream: true });
    }
  }

  push(id: number): string {
    let bytes = this.table.bytes[id];
    if (!bytes || bytes.length === 0) {
      return '';
    }
    if (!this.started) {
      this.started = true;
      if (this.table.stripLeadingSpace && bytes[0] === 0x20) {
        bytes = bytes.subarray(1);
      }
    }
    return this.utf8.decode(bytes, { stream: true });
  }

  finish(): string {
    return this.utf8.decode();
  }
}

/** Window length (tokens) after which the window is cut back to its last few tokens. */
const WINDOW_LIMIT = 16;

/**
 * For any other decoder: decode a short window of recent tokens with the tokenizer and emit what the newest
 * token added; a result ending in U+FFFD is an unfinished character and waits for the next token.
 */
export class WindowTokenDecoder implements TokenStreamDecoder {
  private window: number[];
  private emitted: number;

  constructor(
    private readonly decode: (ids: number[]) => string,
    context: readonly number[],
  ) {
    this.window = context.slice(-CONTEXT_TAIL);
    this.emitted = decode(this.window).length;
  }

  push(id: number): string {
    this.window.push(id);
    const text = this.decode(this.window);
    if (text.endsWith('\uFFFD')) {
      return '';
    }
    const delta = text.slice(this.emitted);
    this.emitted = text.length;
    if (this.window.length > WINDOW_LIMIT) {
      this.window = this.window.slice(-CONTEXT_TAIL);
      this.emitted = this.decode(this.window).length;
    }
    return delta;
  }

  finish(): string {
    const delta = this.decode(this.window).slice(this.emitted);
    this.emitted += delta.length;
    return delta;
  }
}
