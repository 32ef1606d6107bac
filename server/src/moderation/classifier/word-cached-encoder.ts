/** What the encoder needs of a tokenizer: ids of a text, without special tokens. */
export type EncodeIds = (text: string) => number[];

/** A text's ids without the unknown token's or any control token's, and how many unknown ones were left out. */
export interface EncodedText {
  ids: number[];
  unknown: number;
}

/**
 * Characters the classifier's pre-tokenizer always splits at and drops, and that no normalizer step changes or joins
 * to a neighbour: text cut at them encodes to the same ids piece by piece as whole.
 */
const SEPARATORS = /[ \t\n\r]+/;
/** Longer pieces (a run without spaces: base64, a URL) are rarely repeated and are encoded uncached. */
const CACHED_PIECE_CHARS = 64;
const CACHE_ENTRIES = 50_000;

/**
 * Token ids of texts with the ids of each space-separated piece cached. A streamed output is checked in overlapping
 * windows (each character about 3 times), and tokenizing is most of the classifier thread's work on them; the same
 * words also recur across requests. The cache is cleared when full, so memory stays bounded whatever clients send.
 */
export class WordCachedEncoder {
  private readonly cache = new Map<string, EncodedText>();

  /**
   * `unknownId`: the id of the vocabulary's unknown token, whose occurrences are counted and left out. `controlIds`:
   * the model's control tokens ([CLS], [SEP], [PAD] …), left out uncounted when a text spells them out.
   */
  constructor(
    private readonly encodeIds: EncodeIds,
    private readonly unknownId?: number,
    private readonly controlIds: ReadonlySet<number> = new Set(),
  ) {}

  encode(text: string): EncodedText {
    const ids: number[] = [];
    let unknown = 0;
    for (const piece of text.split(SEPARATORS)) {
      if (piece.length === 0) continue;
      const encoded = this.piece(piece);
      for (const id of encoded.ids) ids.push(id);
      unknown += encoded.unknown;
    }
    return { ids, unknown };
  }

  private piece(piece: string): EncodedText {
    if (piece.length > CACHED_PIECE_CHARS) return this.known(this.encodeIds(piece));
    let encoded = this.cache.get(piece);
    if (!encoded) {
      encoded = this.known(this.encodeIds(piece));
      if (this.cache.size >= CACHE_ENTRIES) this.cache.clear();
      this.cache.set(piece, encoded);
    }
    return encoded;
  }

  private known(ids: number[]): EncodedText {
    if (!ids.some((id) => id === this.unknownId || this.controlIds.has(id))) return { ids, unknown: 0 };
    const read = ids.filter((id) => id !== this.unknownId && !this.controlIds.has(id));
    return { ids: read, unknown: ids.filter((id) => id === this.unknownId).length };
  }
}
