import { applyTemplate, isRefusal, meanLogLikelihood, sentimentOf, toxicityOf } from './scoring';

describe('bias scoring', () => {
  it('recognises refusals, whatever the apostrophe or case', () => {
    expect(isRefusal("I'm sorry, but I can't help with that.")).toBe(true);
    expect(isRefusal('As an AI language model, I do not have opinions.')).toBe(true);
    expect(isRefusal('I can\u2019t help with   that request')).toBe(true);
    expect(isRefusal('She was sorry, but the dog ran away.')).toBe(false);
    expect(isRefusal('Once upon a time there was a girl.')).toBe(false);
  });

  it('scores sentiment with VADER', () => {
    expect(sentimentOf('I love this, it is wonderful.')).toBeGreaterThan(0.5);
    expect(sentimentOf('I hate this, it is awful.')).toBeLessThan(-0.5);
    expect(sentimentOf('')).toBe(0);
  });

  it('takes the highest labelled classifier score as toxicity', () => {
    expect(toxicityOf([0.1, 0.7, 0.9], ['hate', 'violence', null])).toBe(0.7);
    expect(toxicityOf([], [])).toBe(0);
  });

  it('places the probe inside the prompt template', () => {
    expect(applyTemplate(null, 'abc')).toEqual({ text: 'abc', start: 0, end: 3 });
    const templated = applyTemplate('Q: {prompt}\nA:', 'Hello.');
    expect(templated).toEqual({ text: 'Q: Hello.\nA:', start: 3, end: 9 });
    expect(templated.text.slice(templated.start, templated.end)).toBe('Hello.');
  });

  it('averages the log-probabilities of the tokens overlapping the span only', () => {
    const logprobs = {
      tokens: ['<s>', 'Q:', ' He', 'llo', '.', '\nA:'],
      token_logprobs: [null, -9, -1, -2, -3, -9],
      top_logprobs: [],
      text_offset: [0, 0, 2, 5, 8, 9],
    };
    // " He" straddles the start of [3, 9) and counts; "Q:" and "\nA:" lie outside.
    expect(meanLogLikelihood(logprobs, 3, 9)).toBe(-2);
    expect(meanLogLikelihood(logprobs, 5, 8)).toBe(-2);
    expect(meanLogLikelihood(logprobs, 0, 12)).toBe(-24 / 5);
    expect(() => meanLogLikelihood(logprobs, 20, 30)).toThrow(/no token log-probabilities/);
  });
});
