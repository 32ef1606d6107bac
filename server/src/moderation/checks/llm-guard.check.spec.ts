import { GuardCallError } from './guard-client';
import { parseLlamaGuard, yesProbability } from './llm-guard.check';

function chat(content: string, top: Array<{ token: string; logprob: number }> | null = null) {
  return {
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content },
        logprobs: top
          ? { content: [{ token: top[0].token, logprob: top[0].logprob, top_logprobs: top }] }
          : null,
      },
    ],
  };
}

describe('parseLlamaGuard', () => {
  it('reads safe and unsafe answers with their hazard codes, whatever the surrounding whitespace', () => {
    expect(parseLlamaGuard('safe')).toEqual({ safe: true, hazards: [] });
    expect(parseLlamaGuard('\n\nsafe')).toEqual({ safe: true, hazards: [] });
    expect(parseLlamaGuard('\n\nunsafe\nS1,S10')).toEqual({ safe: false, hazards: ['S1', 'S10'] });
    expect(parseLlamaGuard('unsafe\n s9 , S14 ')).toEqual({ safe: false, hazards: ['S9', 'S14'] });
    expect(parseLlamaGuard('unsafe')).toEqual({ safe: false, hazards: [] });
  });

  it('refuses an answer that is neither safe nor unsafe rather than reading it as safe', () => {
    expect(() => parseLlamaGuard('I cannot help with that.')).toThrow(GuardCallError);
    expect(() => parseLlamaGuard('')).toThrow(GuardCallError);
  });
});

describe('yesProbability', () => {
  it('normalises P(Yes) against P(No) over the first token, counting spaced variants', () => {
    const top = [
      { token: 'No', logprob: Math.log(0.6) },
      { token: 'Yes', logprob: Math.log(0.3) },
      { token: ' Yes', logprob: Math.log(0.1) },
    ];
    expect(yesProbability(chat('No', top))).toBeCloseTo(0.4, 10);
  });

  it('falls back to the answer word without log-probabilities, and refuses anything else', () => {
    expect(yesProbability(chat('Yes, the prompt asks for weapon instructions.'))).toBe(1);
    expect(yesProbability(chat('No'))).toBe(0);
    expect(() => yesProbability(chat('Maybe'))).toThrow(GuardCallError);
    expect(() => yesProbability({ choices: [] })).toThrow(GuardCallError);
  });
});
