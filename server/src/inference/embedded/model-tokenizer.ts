import { Tokenizer } from '@huggingface/tokenizers';
import { TokenBytes, TokenStreamDecoder, Utf8TokenDecoder, WindowTokenDecoder } from './text-decoder';

/** The parts of tokenizer.json this file reads. */
export interface TokenizerJson {
  added_tokens?: Array<{ id: number; content: string; special?: boolean }>;
  decoder?: DecoderConfig | null;
  model?: { vocab?: Record<string, number> | Array<[string, number]> };
}

interface DecoderConfig {
  type: string;
  decoders?: DecoderConfig[];
  pattern?: { String?: string };
  content?: string;
  start?: number;
  replacement?: string;
  add_prefix_space?: boolean;
  prepend_scheme?: string;
}

/** OpenAI's default prompt; models without that token read it as "start of a document". */
const DOCUMENT_SEPARATOR = '<|endoftext|>';
const DECODE_OPTIONS = { skip_special_tokens: true, clean_up_tokenization_spaces: false };
/** How many token ids of recent encodings a tokenizer keeps (a full queue of 256 prompts of 512 tokens, 2 MB). */
const RECENT_IDS = 262_144;
const PROBES = [
  'Once upon a time, there was a little girl.',
  ' Two  spaces\nand a tab\t!',
  'café déjà vu — 😀 ok',
  '<s>x</s>',
];

/**
 * A model's Hugging Face tokenizer: prompt encoding exactly as generation counts it, whole-text decoding, and a
 * streaming decoder per choice. Decoding is byte-exact and cheap for the byte-level and byte-fallback decoders
 * (checked against the tokenizer at load time); any other decoder streams through a short decoding window.
 */
export class ModelTokenizer {
  private readonly tokenTexts = new Map<number, string>();
  /** Recent encodings, oldest first, and how many ids they hold. */
  private readonly recent = new Map<string, number[]>();
  private recentIds = 0;

  private constructor(
    private readonly tokenizer: Tokenizer,
    private readonly table: TokenBytes | null,
    private readonly specials: Map<number, string>,
    readonly vocabSize: number,
  ) {}

  static fromJson(tokenizerJson: TokenizerJson, tokenizerConfig: object): ModelTokenizer {
    const tokenizer = new Tokenizer(tokenizerJson, tokenizerConfig);
    const specials = new Map(
      (tokenizerJson.added_tokens ?? [])
        .filter((token) => token.special)
        .map((token) => [token.id, token.content]),
    );
    const vocabSize = vocabularySize(tokenizerJson);
    const table = tokenBytes(tokenizerJson, tokenizer, vocabSize);
    const candidate = new ModelTokenizer(tokenizer, table, specials, vocabSize);
    return table && candidate.bytesMatchTokenizer()
      ? candidate
      : new ModelTokenizer(tokenizer, null, specials, vocabSize);
  }

  /** Whether streaming uses the exact byte table (false: the decoding window). */
  get byteExact(): boolean {
    return this.table !== null;
  }

  /**
   * The text's token ids. Recent encodings are kept (see RECENT_IDS): a request's prompts are tokenized when the
   * request is measured and again when it is generated, and tokenizing runs on the event loop.
   */
  encode(text: string): number[] {
    const recent = this.recent.get(text);
    if (recent) return [...recent];
    const source =
      text === DOCUMENT_SEPARATOR && this.tokenizer.token_to_id(DOCUMENT_SEPARATOR) === undefined ? '' : text;
    const ids = this.tokenizer.encode(source).ids;
    this.remember(text, ids);
    return [...ids];
  }

  private remember(text: string, ids: number[]): void {
    if (ids.length > RECENT_IDS) return;
    this.recent.set(text, ids);
    this.recentIds += ids.length;
    for (const [oldest, oldestIds] of this.recent) {
      if (this.recentIds <= RECENT_IDS) break;
      this.recent.delete(oldest);
      this.recentIds -= oldestIds.length;
    }
  }

  decode(ids: number[]): string {
    return this.tokenizer.decode(ids, DECODE_OPTIONS);
  }

  streamDecoder(context: readonly number[]): TokenStreamDecoder {
    return this.table
      ? new Utf8TokenDecoder(this.table, context)
      : new WindowTokenDecoder((ids) => this.decode(ids), context);
  }

  /** A token on its own, as logprobs show it: special tokens by name, bytes that are not UTF-8 as `bytes:\xNN`. */
  tokenText(id: number): string {
    let text = this.tokenTexts.get(id);
    if (text === undefined) {
      text = this.describeToken(id);
      this.tokenTexts.set(id, text);
    }
    return text;
  }

  private describeToken(id: number): string {
    const special = this.specials.get(id);
    if (special !== undefined) {
      return special;
    }
    const bytes = this.table?.bytes[id];
    if (bytes) {
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        return `bytes:${[...bytes].map((byte) => `\\x${byte.toString(16).padStart(2, '0')}`).join('')}`;
      }
    }
    return this.decode([id]) || (this.tokenizer.id_to_token(id) ?? '');
  }

  private bytesMatchTokenizer(): boolean {
    return PROBES.every((probe) => {
      const ids = this.tokenizer.encode(probe).ids;
      const decoder = this.streamDecoder([]);
      const streamed = ids.map((id) => decoder.push(id)).join('') + decoder.finish();
      return streamed === this.decode(ids);
    });
  }
}

function vocabularySize(json: TokenizerJson): number {
  const vocab = json.model?.vocab;
  const ids = vocab ? (Array.isArray(vocab) ? vocab.map((_, index) => index) : Object.values(vocab)) : [];
  const added = (json.added_tokens ?? []).map((token) => token.id);
  return Math.max(-1, ...ids, ...added) + 1;
}

/** Per-token bytes for decoders that only concatenate pieces; null for any other decoder. */
function tokenBytes(json: TokenizerJson, tokenizer: Tokenizer, vocabSize: number): TokenBytes | null {
  const steps = json.decoder
    ? json.decoder.type === 'Sequence'
      ? (json.decoder.decoders ?? [])
      : [json.decoder]
    : [];
  const types = steps.map((step) => step.type);
  const encoder = new TextEncoder();
  let pieceBytes: (piece: string) => Uint8Array;
  let stripLeadingSpace = false;
  if (types.length === 1 && types[0] === 'ByteLevel') {
    const byteOf = byteLevelAlphabet();
    pieceBytes = (piece) => Uint8Array.from([...piece].map((char) => byteOf.get(char) ?? 0x3f));
  } else if (types.length === 1 && types[0] === 'Metaspace') {
    const replacement = steps[0].replacement ?? '\u2581';
    stripLeadingSpace =
      steps[0].add_prefix_space === true ||
      (steps[0].prepend_scheme !== undefined && steps[0].prepend_scheme !== 'never');
    pieceBytes = (piece) => encoder.encode(piece.split(replacement).join(' '));
  } else if (
    types.includes('ByteFallback') &&
    types.every((type) => ['Replace', 'ByteFallback', 'Fuse', 'Strip'].includes(type))
  ) {
    const replaces = steps
      .filter((step) => step.type === 'Replace')
      .map((step) => [step.pattern?.String ?? '', step.content ?? ''] as const);
    const strip = steps.find((step) => step.type === 'Strip');
    if (strip && (strip.content !== ' ' || (strip.start ?? 0) > 1)) {
      return null;
    }
    stripLeadingSpace = (strip?.start ?? 0) === 1;
    pieceBytes = (piece) => {
      const byte = /^<0x([0-9A-Fa-f]{2})>$/.exec(piece);
      if (byte) {
        return Uint8Array.of(parseInt(byte[1], 16));
      }
      return encoder.encode(
        replaces.reduce((text, [from, to]) => (from ? text.split(from).join(to) : text), piece),
      );
    };
  } else {
    return null;
  }
  const added = new Map((json.added_tokens ?? []).map((token) => [token.id, token]));
  const bytes: (Uint8Array | null)[] = [];
  for (let id = 0; id < vocabSize; id++) {
    const token = added.get(id);
    if (token) {
      bytes.push(token.special ? null : encoder.encode(token.content));
      continue;
    }
    const piece = tokenizer.id_to_token(id);
    bytes.push(piece === undefined ? null : pieceBytes(piece));
  }
  return { bytes, stripLeadingSpace };
}

/** GPT-2's reversible byte ↔ printable character table. */
function byteLevelAlphabet(): Map<string, number> {
  const printable: number[] = [];
  for (const [from, to] of [
    [0x21, 0x7e],
    [0xa1, 0xac],
    [0xae, 0xff],
  ]) {
    for (let byte = from; byte <= to; byte++) {
      printable.push(byte);
    }
  }
  const map = new Map<string, number>();
  let extra = 0;
  for (let byte = 0; byte < 256; byte++) {
    const code = printable.includes(byte) ? byte : 256 + extra++;
    map.set(String.fromCodePoint(code), byte);
  }
  return map;
}
