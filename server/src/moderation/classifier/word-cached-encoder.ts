/** What the encoder needs of a tokenizer: ids of a text, without special tokens. */
export type EncodeIds = (text: string) => number[];

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
  private readonly cache = new Map<string, number[]>();

  constructor(private readonly encodeIds: EncodeIds) {}

  encode(text: string): number[] {
    const ids: number[] = [];
    for (const piece of text.split(SEPARATORS)) {
      if (piece.length === 0) continue;
      for (const id of this.piece(piece)) ids.push(id);
    }
    return ids;
  }

  private piece(piece: string): number[] {
    if (piece.length > CACHED_PIECE_CHARS) return this.encodeIds(piece);
    let ids = this.cache.get(piece);
    if (!ids) {
      ids = this.encodeIds(piece);
      if (this.cache.size >= CACHE_ENTRIES) this.cache.clear();
      this.cache.set(piece, ids);
    }
    return ids;
  }
}
