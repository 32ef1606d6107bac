import { testApiKey } from './support/keys';
import { setDemoPolicy } from './support/demo-policy';
import { postJson } from './support/review-api';
import { startWarden, WardenInstance } from './support/warden';

/** The policy's blocklist word every variant spells. */
const WORD = 'coffee';

/** Every letter followed by `marks` (combining marks or invisible characters), as "zalgo" text does. */
function between(word: string, marks: string): string {
  return [...word].map((letter) => letter + marks).join('');
}

/** Evasions the `test/evasion` families did not reach: longer runs of what the normalizer strips, and look-alikes. */
const EVASIONS: Array<[string, string]> = [
  ['four combining marks on every letter (zalgo)', between(WORD, '\u0336\u0335\u0321\u0322')],
  ['eight combining marks on one letter', `cof${'\u0336'.repeat(8)}fee`],
  ['four zero-width spaces inside the word', `cof${'\u200b'.repeat(4)}fee`],
  ['four zero-width spaces between all letters', between(WORD, '\u200b'.repeat(4)).slice(0, -4)],
  ['four variation selectors inside the word', `cof${'\ufe0f'.repeat(4)}fee`],
  ['small capitals', '\u1d04\u1d0f\ua730\ua730\u1d07\u1d07'],
  ['regional indicator letters', '\u{1f1e8}\u{1f1f4}\u{1f1eb}\u{1f1eb}\u{1f1ea}\u{1f1ea}'],
];

/** Look-alike texts that must stay clean: marks on other words, small capitals of other words. */
const BENIGN: Array<[string, string]> = [
  ['zalgo on another word', between('coffin', '\u0336\u0335\u0321\u0322')],
  ['small capitals of another word', '\u1d04\u1d0f\ua730\ua730\u026a\u0274'],
  ['a flag pair', 'the flags \u{1f1e8}\u{1f1f4} and \u{1f1eb}\u{1f1f7} fly'],
  ['zero-width spaces between two words', `free${'\u200b'.repeat(4)} fee`],
];

describe('redteam: blocklist evasion through stripped-character runs and unfolded look-alikes', () => {
  const apiKey = testApiKey();
  let warden: WardenInstance;

  beforeAll(async () => {
    warden = await startWarden('redteam-evasion', {
      WARDEN_INIT_API_KEY: apiKey,
      WARDEN_EMBEDDED_MODELS: '',
    });
    const patch = {
      requireUser: false,
      rateLimits: { requestsPerMinute: 10_000, tokensPerMinute: 10_000_000 },
      blocklist: { words: [WORD] },
    };
    await setDemoPolicy(warden, patch);
  }, 90_000);

  afterAll(async () => {
    await warden?.stop();
  });

  /** Whether the blocklist scores the text on `/v1/moderations`. */
  async function blocklisted(text: string): Promise<boolean> {
    const response = await postJson<{ results: Array<{ warden_categories: Record<string, boolean> }> }>(
      warden.url,
      '/v1/moderations',
      apiKey,
      { input: `tell me about ${text} today` },
    );
    expect(response.status).toBe(200);
    const body = response.body;
    return body.results[0].warden_categories.blocklist === true;
  }

  it.each(EVASIONS)('catches %s', async (_label, text) => {
    expect(await blocklisted(text)).toBe(true);
  });

  it.each(BENIGN)('lets %s through', async (_label, text) => {
    expect(await blocklisted(text)).toBe(false);
  });
});
