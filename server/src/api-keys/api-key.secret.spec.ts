import { apiKeyMatches, generateApiKey, hashApiKey, maskApiKey, parseApiKey } from './api-key.secret';

describe('api key secrets', () => {
  it('generates keys in the wk-<prefix>_<secret> form with distinct prefixes', () => {
    const keys = Array.from({ length: 50 }, generateApiKey);
    for (const key of keys) {
      expect(key).toMatch(/^wk-[A-Za-z0-9]{8}_[A-Za-z0-9]{40}$/);
    }
    expect(new Set(keys.map((key) => parseApiKey(key)?.prefix)).size).toBe(50);
  });

  it('matches only the exact key', () => {
    const key = generateApiKey();
    const stored = hashApiKey(key);
    expect(apiKeyMatches(key, stored)).toBe(true);
    expect(apiKeyMatches(`${key.slice(0, -1)}${key.endsWith('a') ? 'b' : 'a'}`, stored)).toBe(false);
  });

  it('masks everything but the public prefix', () => {
    expect(maskApiKey('wk-abcdEFGH_0123456789012345678901234567890123')).toBe('wk-abcdEFGH_****');
    expect(maskApiKey('sk-something-else')).toBe('****');
    expect(parseApiKey('wk-short_123')).toBeNull();
  });
});
