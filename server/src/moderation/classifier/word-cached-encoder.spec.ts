import { Tokenizer } from '@huggingface/tokenizers';
import fs from 'node:fs';
import path from 'node:path';
import { WordCachedEncoder } from './word-cached-encoder';

const MODEL_DIRECTORY = path.join(__dirname, '..', '..', '..', '..', 'models', 'moderation');

function classifierTokenizer(): Tokenizer {
  const config = path.join(MODEL_DIRECTORY, 'tokenizer_config.json');
  return new Tokenizer(
    JSON.parse(fs.readFileSync(path.join(MODEL_DIRECTORY, 'tokenizer.json'), 'utf8')),
    fs.existsSync(config) ? JSON.parse(fs.readFileSync(config, 'utf8')) : {},
  );
}

describe('word-cached encoding for the classifier', () => {
  const tokenizer = classifierTokenizer();
  const whole = (text: string) => tokenizer.encode(text, { add_special_tokens: false }).ids;

  it('gives exactly the ids of encoding the whole text, on awkward text too', () => {
    const encoder = new WordCachedEncoder(whole);
    const texts = [
      'Once upon a time, there was a little girl named Lily. She liked to play outside!',
      '  leading and trailing spaces\tand\ttabs\r\nand CRLF lines\n\n',
      'punctuation-joined words: e-mail, don\'t, U.S.A., (parens) [brackets] {braces} "quotes"',
      'accents and case: Crème BRÛLÉE, naïve café, ΣΊΣΥΦΟΣ ΟΔΟΣ, İstanbul, straße',
      'compatibility forms: ﬁne ﬂow ①②③ ＦＵＬＬＷＩＤＴＨ ¼ ½ x² and a non\u00a0breaking space',
      'combining marks after a space: a \u0301b \u0308c and e\u0301 composed',
      'symbols split alone: 5$ €10 a+b=c 2^8 ~tilde~ <tag> | pipe © ™ 😀👍🏽 emoji',
      'zero\u200bwidth and soft\u00adhyphen and control\u0007bell',
      '中文字符 and 日本語のテキスト mixed with English',
      `a long run without spaces: ${'QmFzZTY0IGVuY29kZWQgZGF0YQ=='.repeat(6)} then words`,
      `${'supercalifragilisticexpialidocious'.repeat(4)} a word over the WordPiece limit`,
      '',
      '   ',
    ];
    for (const text of texts) expect(encoder.encode(text)).toEqual({ ids: whole(text), unknown: 0 });
    // Again, now served from the cache.
    for (const text of texts) expect(encoder.encode(text)).toEqual({ ids: whole(text), unknown: 0 });
  });

  it('leaves out the unknown token and counts it, whole or from the cache', () => {
    const unknown = tokenizer.token_to_id('[UNK]')!;
    const encoder = new WordCachedEncoder(whole, unknown);
    const text = 'नमस्ते दोस्तों, I will visit 日本 and my friends soon';
    const all = whole(text);
    expect(all.filter((id) => id === unknown).length).toBeGreaterThan(2);
    const expected = {
      ids: all.filter((id) => id !== unknown),
      unknown: all.filter((id) => id === unknown).length,
    };
    expect(encoder.encode(text)).toEqual(expected);
    expect(encoder.encode(text)).toEqual(expected);
  });

  it('leaves out control tokens a text spells out, without counting them as unread', () => {
    const control = new Set(
      ['[CLS]', '[SEP]', '[PAD]', '[MASK]'].map((token) => tokenizer.token_to_id(token)!),
    );
    const encoder = new WordCachedEncoder(whole, tokenizer.token_to_id('[UNK]')!, control);
    expect(encoder.encode('how [SEP] to [CLS] make [PAD][MASK] bread')).toEqual({
      ids: whole('how to make bread'),
      unknown: 0,
    });
  });

  it('tokenizes a word it has seen only once, however many windows repeat it', () => {
    const pieces: string[] = [];
    const encoder = new WordCachedEncoder((text) => {
      pieces.push(text);
      return whole(text);
    });
    const story = 'Tom and Sue went to the park to play with the ball. ';
    const windows = [story, story + story, (story + story).slice(20)];
    for (const window of windows) expect(encoder.encode(window).ids).toEqual(whole(window));
    expect(pieces.length).toBe(new Set(pieces).size);
    expect(new Set(pieces)).toEqual(new Set([...windows.join(' ').split(/\s+/)].filter(Boolean)));
  });
});
