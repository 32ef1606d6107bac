import path from 'node:path';
import { REPOSITORY_ROOT } from '../../config/config';
import { loadModelDirectory } from './model-loader';
import { ModelTokenizer } from './model-tokenizer';
import { TokenStreamDecoder, WindowTokenDecoder } from './text-decoder';

function stream(decoder: TokenStreamDecoder, ids: number[]): string[] {
  return [...ids.map((id) => decoder.push(id)), decoder.finish()];
}

describe('streaming text decoders on the stories260K tokenizer', () => {
  let tokenizer: ModelTokenizer;

  beforeAll(() => {
    tokenizer = loadModelDirectory(path.join(REPOSITORY_ROOT, 'models', 'stories260K')).tokenizer;
  });

  it('uses the exact byte table for this byte-fallback tokenizer', () => {
    expect(tokenizer.byteExact).toBe(true);
  });

  it('emits a character split over byte tokens only once its last byte arrives', () => {
    const ids = tokenizer.encode('é😀!');
    // The emoji has no piece of its own: four byte-fallback tokens, none of them text on its own.
    expect(ids.filter((id) => /^bytes:/.test(tokenizer.tokenText(id)))).toHaveLength(4);
    const pieces = stream(tokenizer.streamDecoder(ids.slice(0, 1)), ids.slice(1));
    expect(pieces.filter((piece) => piece !== '')).toEqual(['é', '😀', '!']);
    expect(pieces[pieces.indexOf('😀') - 1]).toBe('');
    expect(pieces.join('')).toBe(tokenizer.decode(ids));
  });

  it('keeps the space a continuation starts with, and drops the one a text starts with', () => {
    const prompt = tokenizer.encode('Once upon a time');
    const upon = prompt.slice(0, 3);
    expect(stream(tokenizer.streamDecoder(upon), prompt.slice(3)).join('')).toBe(' a time');
    expect(stream(tokenizer.streamDecoder([1]), prompt.slice(1)).join('')).toBe('Once upon a time');
  });

  it('matches whole-text decoding token by token on a longer text', () => {
    const text = 'Lily\'s mom said, "Lily, let\'s go to the park." Ça va? 日本 — ok.\n\nThe end.';
    const ids = tokenizer.encode(text);
    const decoder = tokenizer.streamDecoder([]);
    let shown = '';
    ids.forEach((id, i) => {
      shown += decoder.push(id);
      expect(tokenizer.decode(ids.slice(0, i + 1)).startsWith(shown)).toBe(true);
    });
    expect(shown + decoder.finish()).toBe(text);
  });

  it('shows tokens on their own as logprobs do', () => {
    expect(tokenizer.tokenText(1)).toBe('<s>');
    expect(tokenizer.tokenText(tokenizer.encode('Once')[1])).toBe(' Once');
    expect(tokenizer.tokenText(tokenizer.encode('😀')[2])).toBe('bytes:\\xf0');
  });

  it('reads the OpenAI default prompt as the start of a text', () => {
    expect(tokenizer.encode('<|endoftext|>')).toEqual([1]);
  });
});

describe('WindowTokenDecoder (tokenizers without a byte table)', () => {
  // A toy decoder: each id is a byte; text is the UTF-8 decoding of all of them, lossy like tokenizers' decode.
  const decode = (ids: number[]) => Buffer.from(ids).toString('utf8');

  it('waits for unfinished characters and emits each addition once', () => {
    const euro = [...Buffer.from('€')];
    const decoder = new WindowTokenDecoder(decode, [...Buffer.from('price ')]);
    expect(decoder.push(0x35)).toBe('5');
    expect(decoder.push(euro[0])).toBe('');
    expect(decoder.push(euro[1])).toBe('');
    expect(decoder.push(euro[2])).toBe('€');
    expect(decoder.finish()).toBe('');
  });

  it('stays consistent after its window slides', () => {
    const text = 'a fairly long sentence that slides the window several times';
    const decoder = new WindowTokenDecoder(decode, []);
    expect([...Buffer.from(text)].map((byte) => decoder.push(byte)).join('') + decoder.finish()).toBe(text);
  });
});
