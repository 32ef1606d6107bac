import { ModerationAction } from '../moderation/moderation.types';
import { assertInputAllowed, InputScreening } from '../moderation/moderation.service';
import { ModelProvider } from '../inference/model-provider';
import { LengthLimits } from '../limits/limits.types';
import { inputParam, measureInput, ModelInput } from './completion-input';
import { NormalizedCompletionRequest } from './completions.dto';

const plan = { promptTokens: [1], maxTokens: 1, sequences: 1, maxTokensDefaulted: false };
const completion = { model: 'm', suffix: null, maxTokens: 1, bestOf: 1, maxTokensDefaulted: false };
const provider = {} as ModelProvider;
const limits: LengthLimits = { maxPromptTokens: 100, maxTokens: 100, maxTotalTokens: 200 };

function blockedParam(input: ModelInput, blocked: number): string | null {
  const screening: InputScreening = {
    texts: input.texts,
    action: ModerationAction.Block,
    verdicts: [],
    blocked,
    blockedTogether: null,
  };
  try {
    assertInputAllowed(screening, (index) => inputParam(input, index));
  } catch (err) {
    return (err as { param: string | null }).param;
  }
  return null;
}

describe('the parameter a blocked input names', () => {
  it('is the chat message the blocked text came from (exempt messages are not among the texts)', () => {
    const chat: ModelInput = { texts: ['user one', 'user two'], plan, messageIndexes: [1, 3] };
    expect(blockedParam(chat, 1)).toBe('messages.3.content');
    expect(blockedParam(chat, 0)).toBe('messages.1.content');
  });

  it('is the prompt, the prompt in a list, or the suffix for legacy completions', async () => {
    const measure = (request: Partial<NormalizedCompletionRequest>) =>
      measureInput({ ...completion, ...request } as NormalizedCompletionRequest, provider, limits);
    expect(blockedParam(await measure({ prompt: 'a' }), 0)).toBe('prompt');
    expect(blockedParam(await measure({ prompt: ['a'] }), 0)).toBe('prompt');
    expect(blockedParam(await measure({ prompt: ['a', 'b'] }), 1)).toBe('prompt.1');
    expect(blockedParam(await measure({ prompt: ['a', 'b'], suffix: 'c' }), 2)).toBe('suffix');
    expect(blockedParam(await measure({ prompt: 'a', suffix: 'c' }), 1)).toBe('suffix');
  });
});
