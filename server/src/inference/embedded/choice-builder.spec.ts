import { ChoiceBuilder, ChoiceDelta, ChoiceOptions, PromptText } from './choice-builder';
import { TokenStreamDecoder } from './text-decoder';

// A toy vocabulary: each id decodes to a fixed piece; id 0 is the end-of-text token.
const PIECES = ['', 'Hello', ',', ' world', '.', '\n', ' again', 'EN', 'D'];
const EOS = 0;

class PieceDecoder implements TokenStreamDecoder {
  push(id: number): string {
    return PIECES[id];
  }
  finish(): string {
    return '';
  }
}

const PROMPT: PromptText = { ids: [1, 2], text: 'Hello,', tokens: ['Hello', ','], offsets: [0, 5] };

function builder(overrides: Partial<ChoiceOptions> = {}): ChoiceBuilder {
  return new ChoiceBuilder({
    prompt: PROMPT,
    decoder: new PieceDecoder(),
    tokenText: (id) => `<${PIECES[id]}>`,
    stop: [],
    logprobs: null,
    eosTokenIds: new Set([EOS]),
    ...overrides,
  });
}

function feed(choice: ChoiceBuilder, ids: number[]): ChoiceDelta[] {
  return ids
    .map((id) => choice.token(id, -0.5, null))
    .filter((delta): delta is ChoiceDelta => delta !== null);
}

describe('ChoiceBuilder', () => {
  it('assembles text and ends with length or stop (end of text)', () => {
    const choice = builder();
    feed(choice, [3, 4]);
    expect(choice.finish('length')).toMatchObject({ text: '', finishReason: 'length' });
    expect(choice.generatedText).toBe(' world.');
    const ended = builder();
    feed(ended, [3, EOS]);
    expect(ended.finish('eos').finishReason).toBe('stop');
    expect(ended.generatedText).toBe(' world');
    expect(ended.tokensConsumed).toBe(2);
  });

  it('cuts at a stop sequence spanning tokens and asks for the sequence to stop', () => {
    const choice = builder({ stop: ['END'] });
    const deltas = feed(choice, [3, 7, 8, 6]);
    expect(deltas.map((delta) => delta.text).join('')).toBe(' world');
    expect(deltas.at(-1)!.finishReason).toBe('stop');
    expect(choice.stopped).toBe(true);
    expect(choice.token(6, -0.1, null)).toBeNull();
    expect(choice.tokensConsumed).toBe(3);
    expect(choice.generatedText).toBe(' world');
  });

  it('reports logprobs only for the tokens whose text was shown, offsets counted from the prompt start', () => {
    const choice = builder({ stop: ['\n'], logprobs: 1 });
    feed(choice, [3, 4, 5, 6]);
    expect(choice.logprobs).toEqual({
      tokens: [' world', '.'],
      token_logprobs: [-0.5, -0.5],
      top_logprobs: [null, null],
      text_offset: [6, 12],
    });
  });

  it('echoes the prompt with its logprobs, the first token having none', () => {
    const choice = builder({ logprobs: 0 });
    const echo = choice.echo({
      logprobs: [null, -1.25],
      top: [null, { ids: [2, 4], logprobs: [-1.25, -2] }],
    });
    expect(echo.text).toBe('Hello,');
    expect(echo.logprobs).toEqual({
      tokens: ['Hello', ','],
      token_logprobs: [null, -1.25],
      top_logprobs: [null, { ',': -1.25, '<.>': -2 }],
      text_offset: [0, 5],
    });
    feed(choice, [3]);
    choice.finish('length');
    expect(choice.logprobs!.tokens).toEqual(['Hello', ',', ' world']);
  });

  it('averages the log-probabilities of its tokens for best_of', () => {
    const choice = builder();
    choice.token(3, -1, null);
    choice.token(4, -2, null);
    expect(choice.meanLogprob).toBe(-1.5);
  });
});
