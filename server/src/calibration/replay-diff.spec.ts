import { outcomeOf, ReplayDiffBuilder } from './replay-diff';

const verdict = (category: string, action: string, triggered = true) => ({ category, action, triggered });

describe('replay diff', () => {
  it('reads blocks and flags from triggered verdicts only', () => {
    const outcome = outcomeOf([
      verdict('blocklist', 'block'),
      verdict('violence', 'flag'),
      verdict('hate', 'block', false),
      verdict('profanity', 'observe'),
    ]);
    expect(outcome.blocked).toBe(true);
    expect([...outcome.blockedBy]).toEqual(['blocklist']);
    expect([...outcome.flagged].sort()).toEqual(['blocklist', 'violence']);
    expect(outcomeOf(null).blocked).toBe(false);
  });

  it('counts calls newly blocked and allowed, and categories newly flagged, with examples', () => {
    const diff = new ReplayDiffBuilder();
    diff.add('req_a', 'a', outcomeOf([]), outcomeOf([verdict('blocklist', 'block')]));
    diff.add(
      'req_b',
      'b',
      outcomeOf([verdict('violence', 'block')]),
      outcomeOf([verdict('violence', 'flag')]),
    );
    diff.add(
      'req_c',
      'c',
      outcomeOf([verdict('violence', 'flag')]),
      outcomeOf([verdict('violence', 'flag')]),
    );
    diff.skip();
    const built = diff.build();
    expect(built).toMatchObject({
      replayed: 3,
      skipped: 1,
      newlyBlocked: 1,
      newlyAllowed: 1,
      newlyFlagged: 1,
    });
    expect(built.examples.newlyBlocked).toEqual([
      { requestId: 'req_a', snippet: 'a', categories: ['blocklist'] },
    ]);
    expect(built.examples.newlyAllowed.map((example) => example.requestId)).toEqual(['req_b']);
    expect(built.perCategory).toEqual([
      { category: 'blocklist', newlyBlocked: 1, newlyAllowed: 0, newlyFlagged: 1, noLongerFlagged: 0 },
      { category: 'violence', newlyBlocked: 0, newlyAllowed: 1, newlyFlagged: 0, noLongerFlagged: 0 },
    ]);
  });
});
