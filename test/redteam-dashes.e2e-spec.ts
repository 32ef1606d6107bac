import { setDemoPolicy } from './support/demo-policy';
import { testApiKey } from './support/keys';
import { moderate as moderateThrough } from './support/moderations';
import { startWarden, WardenInstance } from './support/warden';

/**
 * The confusables table the lexicons fold with reads the em dash and the horizontal bar as a katakana letter, so a
 * dash joined the words on either side into one and no blocklist entry or profanity next to a dash matched: the
 * most ordinary punctuation of written English hid them, and spelling a word out with dashes did too.
 */
const TEXTS: Array<[string, string]> = [
  ['a cup of coffee\u2014please', 'blocklist'],
  ['coffee\u2015now', 'blocklist'],
  ['We drink coffee \u2014 strong, black coffee\u2014every morning.', 'blocklist'],
  ['a cup of c\u2014o\u2014f\u2014f\u2014e\u2014e please', 'blocklist'],
  ['you dumb bitch\u2014shut up', 'profanity'],
];

describe('redteam: words next to an em dash or horizontal bar', () => {
  const apiKey = testApiKey();
  let warden: WardenInstance;

  beforeAll(async () => {
    warden = await startWarden('redteam-dashes', { WARDEN_INIT_API_KEY: apiKey });
    await setDemoPolicy(warden, { requireUser: false, blocklist: { words: ['coffee'] } });
  }, 240_000);

  afterAll(async () => {
    await warden?.stop();
  });

  it.each(TEXTS)('flags %j as %s', async (text, category) => {
    const [result] = await moderateThrough(warden, apiKey, [text]);
    expect(result.warden_categories[category]).toBe(true);
  });
});
