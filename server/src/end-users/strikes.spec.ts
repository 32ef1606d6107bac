import { ModerationAction } from '../moderation/moderation.types';
import { strikePoints } from './strikes';

describe('strikePoints', () => {
  it('counts only verdicts at or above their action threshold', () => {
    expect(
      strikePoints([
        { category: 'hate', triggered: false, action: ModerationAction.Allow },
        { category: 'violence', triggered: false, action: ModerationAction.Allow },
      ]),
    ).toBe(0);
    expect(strikePoints([{ category: 'hate', triggered: true, action: ModerationAction.Flag }])).toBe(1);
    expect(strikePoints([{ category: 'hate', triggered: true, action: ModerationAction.Block }])).toBe(2);
  });

  it('gives no strike for a guard that failed closed: the end user did nothing', () => {
    expect(
      strikePoints([
        {
          category: 'guard-unavailable',
          triggered: true,
          action: ModerationAction.Block,
          failure: { mode: 'closed', reason: 'timeout: no answer within 200 ms' },
        },
      ]),
    ).toBe(0);
  });

  it('gives no strike for text the classifier could not read, even where a policy blocks it', () => {
    expect(strikePoints([{ category: 'unreadable', triggered: true, action: ModerationAction.Block }])).toBe(
      0,
    );
  });
});
