import { ModerationAction } from '../moderation/moderation.types';
import { assertInputAllowed, InputScreening } from '../moderation/moderation.service';
import { inputParam, ModelInput } from './completion-input';

const plan = { promptTokens: [1], maxTokens: 1, sequences: 1, maxTokensDefaulted: false };

function blockedParam(input: ModelInput, blocked: number): string | null {
  const screening: InputScreening = {
    texts: input.texts,
    action: ModerationAction.Block,
    verdicts: [],
    blocked,
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

  it('is the prompt for legacy completions', () => {
    expect(blockedParam({ texts: ['a', 'b'], plan }, 1)).toBe('prompt');
  });
});
