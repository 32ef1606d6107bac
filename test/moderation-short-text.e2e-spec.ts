import { testApiKey } from './support/keys';
import { expectValid } from './support/openai-schemas';
import { postJson } from './support/review-api';
import { startWarden, WardenInstance } from './support/warden';

interface ModerationResult {
  flagged: boolean;
  action: string;
  category_scores: Record<string, number>;
}

/**
 * Short, numeric and nonsense prompts are everyday traffic (load tests, health checks, ids and commands pasted by
 * developers). The default classifier shipped before this suite scored "load 524" violence 0.30 and random tokens
 * illicit/violent up to 0.96, so a live application's end users were blocked, and struck, for sending them. Scored
 * here through the real server: the shipped ONNX model, the default live policy of the demo application, and
 * /v1/moderations, which answers each text's action under the caller's policy.
 */
describe('moderation of short, numeric and nonsense text under the default live policy', () => {
  const apiKey = testApiKey();
  let warden: WardenInstance;

  beforeAll(async () => {
    warden = await startWarden('moderation-short', { WARDEN_INIT_API_KEY: apiKey });
  }, 240_000);

  afterAll(async () => {
    await warden?.stop();
  });

  async function moderate(texts: string[]): Promise<ModerationResult[]> {
    const results: ModerationResult[] = [];
    for (let i = 0; i < texts.length; i += 200) {
      const response = await postJson<{ results: ModerationResult[] }>(
        warden.url,
        '/v1/moderations',
        apiKey,
        { input: texts.slice(i, i + 200) },
      );
      expect(response.status).toBe(200);
      const body = response.body;
      if (i === 0) expectValid('CreateModerationResponse', body);
      results.push(...body.results);
    }
    return results;
  }

  function offenders(texts: string[], results: ModerationResult[], action: string): string[] {
    return results.flatMap((result, index) => {
      if (result.action !== action) return [];
      const top = Object.entries(result.category_scores).sort((a, b) => b[1] - a[1])[0];
      return [`${texts[index]} (${top[0]} ${top[1]})`];
    });
  }

  it('blocks none of "load 0" … "load 2999"', async () => {
    const texts = Array.from({ length: 3000 }, (_, n) => `load ${n}`);
    const results = await moderate(texts);
    expect(results).toHaveLength(texts.length);
    expect(offenders(texts, results, 'block')).toEqual([]);
  }, 180_000);

  it('blocks none of the loopback stubs’ trigger strings and at most 0.5 % of 4,000 random tokens and pairs', async () => {
    // A seeded generator of its own (not the training or calibration generators of tools/moderation-classifier).
    let state = 0x9e3779b9;
    const next = () => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return (state >>> 0) / 0x1_0000_0000;
    };
    const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
    const token = () =>
      Array.from(
        { length: 2 + Math.floor(next() * 11) },
        () => alphabet[Math.floor(next() * alphabet.length)],
      ).join('');
    const tokens = [
      ...Array.from({ length: 2000 }, token),
      ...Array.from({ length: 2000 }, () => `${token()} ${token()}`),
    ];
    const stubs = ['tell me a story zq-stall', 'trigger:500-secret', 'trigger:hang'];
    const results = await moderate([...tokens, ...stubs]);
    expect(offenders(stubs, results.slice(tokens.length), 'block')).toEqual([]);
    // Random tokens within the live calibration's any-category budget on short text (0.5 %): at most 20 of 4,000.
    // A model within budget scores a few random strings over a threshold at ~0.4 %, so the sample must be large
    // enough to tell that from a regression (the first version, "at most 1 of 400", failed about a third of in-budget
    // models: model card, v2.15). The shipped v2 blocked 73 of 400.
    const blocked = offenders(tokens, results.slice(0, tokens.length), 'block');
    expect(blocked.length <= tokens.length * 0.005 ? [] : blocked).toEqual([]);
  }, 180_000);
});
