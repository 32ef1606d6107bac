import { answerBudgetBytes } from './upstream.provider';
import { generationRequest as request } from '../../../../test/support/generation-request';

describe('answerBudgetBytes', () => {
  const base = answerBudgetBytes(request({}));

  it('grows with every choice the request asks for: prompts × max(n, best_of) × max_tokens', () => {
    const perChoice = base - answerBudgetBytes(request({ maxTokens: 0 }));
    expect(perChoice).toBeGreaterThan(16 * 6); // a token's text fully escaped, at least
    expect(answerBudgetBytes(request({ n: 3 })) - base).toBe(2 * perChoice);
    expect(answerBudgetBytes(request({ n: 2, bestOf: 5 })) - base).toBe(4 * perChoice);
    expect(answerBudgetBytes(request({ prompt: ['a', 'b', 'c', 'd'] })) - base).toBe(3 * perChoice);
    expect(answerBudgetBytes(request({ prompt: [1, 2, 3] }))).toBe(base); // one tokenized prompt
    expect(answerBudgetBytes(request({ maxTokens: 32 })) - base).toBe(perChoice);
  });

  it('leaves room for logprobs and for an echoed prompt', () => {
    expect(answerBudgetBytes(request({ logprobs: 5 }))).toBeGreaterThan(
      answerBudgetBytes(request({ logprobs: 0 })),
    );
    expect(answerBudgetBytes(request({ logprobs: 0 }))).toBeGreaterThan(base);
    const prompt = 'x'.repeat(10_000);
    expect(
      answerBudgetBytes(request({ prompt, echo: true })) - answerBudgetBytes(request({ prompt })),
    ).toBeGreaterThanOrEqual(prompt.length);
  });

  it('stays far below what fills memory for an ordinary request', () => {
    expect(base).toBeLessThan(2 * 1024 * 1024);
  });
});
