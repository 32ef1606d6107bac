import { ContentFilterLabel, contentFilterLabel } from './moderation.dto';
import { decide } from './moderation.service';
import { Direction, ModerationAction, ModerationCategory } from './moderation.types';

const verdict = (
  category: ModerationCategory,
  score: number,
  action = ModerationAction.Flag,
  threshold = 0.5,
) => ({
  check: 'test',
  category,
  score,
  direction: Direction.Input,
  threshold,
  triggered: score >= threshold,
  action: score >= threshold ? action : ModerationAction.Allow,
});

describe('content-filter label', () => {
  it('is unsafe for harmful, profane or banned content, whatever the action', () => {
    expect(contentFilterLabel(decide('x', [verdict('violence', 0.9, ModerationAction.Observe)]))).toBe(
      ContentFilterLabel.Unsafe,
    );
    expect(contentFilterLabel(decide('x', [verdict('profanity', 1, ModerationAction.Allow)]))).toBe(
      ContentFilterLabel.Unsafe,
    );
    expect(contentFilterLabel(decide('x', [verdict('blocklist', 1, ModerationAction.Block)]))).toBe(
      ContentFilterLabel.Unsafe,
    );
  });

  it('is sensitive for personal data, injection attempts and near-threshold harm scores', () => {
    expect(contentFilterLabel(decide('x', [verdict('pii/email', 1, ModerationAction.Observe)]))).toBe(
      ContentFilterLabel.Sensitive,
    );
    expect(contentFilterLabel(decide('x', [verdict('prompt-injection', 0.7)]))).toBe(
      ContentFilterLabel.Sensitive,
    );
    expect(contentFilterLabel(decide('x', [verdict('hate', 0.3)]))).toBe(ContentFilterLabel.Sensitive);
  });

  it('is safe when every score is low', () => {
    expect(contentFilterLabel(decide('x', [verdict('hate', 0.1), verdict('sexual', 0.02)]))).toBe(
      ContentFilterLabel.Safe,
    );
  });
});
