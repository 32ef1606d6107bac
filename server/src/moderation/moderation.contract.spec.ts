import { DIRECTIONS, MODERATION_ACTIONS, MODERATION_CATEGORIES } from '../contracts';
import { ACTION_SEVERITY, ALL_CATEGORIES, Direction, ModerationAction } from './moderation.types';

describe('moderation vocabulary', () => {
  it('spells actions and directions as the contract lists them, actions from least to most severe', () => {
    expect(Object.values(ModerationAction)).toEqual([...MODERATION_ACTIONS]);
    expect(Object.values(Direction)).toEqual([...DIRECTIONS]);
    const bySeverity = [...MODERATION_ACTIONS].sort(
      (a, b) => ACTION_SEVERITY[a as ModerationAction] - ACTION_SEVERITY[b as ModerationAction],
    );
    expect(bySeverity).toEqual([...MODERATION_ACTIONS]);
  });

  it('knows the categories the contract lists', () => {
    expect(ALL_CATEGORIES).toBe(MODERATION_CATEGORIES);
  });
});
