import { OPENAI_CATEGORIES } from '../server/src/contracts';
import { testApiKey } from './support/keys';
import { request, staffLogin } from './support/review-api';
import { startWardenServedBy, UpstreamServer } from './support/upstream-server';
import { runCli, WardenInstance } from './support/warden';

const ADMIN = { email: 'evasion-admin@example.com', password: 'evasion-admin-password-long' };

const BLOCKLIST = {
  words: ['banana', 'pineapple', 'attack', 'coffee', 'squid'],
  phrases: ['free money'],
  patterns: ['wire\\s{0,3}transfer'],
};

/** Each family of the issue: spacing, punctuation, invisible characters, marks, look-alikes, case, plurals. */
const EVASIONS: string[] = [
  'b a n a n a',
  'b.a.n.a.n.a',
  'b-a-n-a-n-a',
  'b_a_n_a_n_a',
  'ba\u200bnana',
  'ba\u00adnana',
  'ba\u2060nana',
  'b\u0430n\u0430n\u0430',
  'bananas',
  'BANANA',
  '\uff42\uff41\uff4e\uff41\uff4e\uff41',
  'ba\u0301na\u0308na',
  'bananaaaa',
  'pineapple',
  'pineapples',
  'pine\u200dapple',
  'p i n e a p p l e',
  'PineApple',
  'attack',
  'att\u00adack',
  'a t t a c k',
  'attacks',
  '\u0430tt\u0430ck',
  'coffee',
  'c\u03bfffee',
  'coffees',
  'c o f f e e',
  'coffeeeee',
  's\u0566uid',
  'squids',
  's.q.u.i.d',
  'free  money',
  'free...money',
  'FREE MONEY',
  'fr\u0435\u0435 money',
  'wire transfer',
  'wire\u200btransfer',
  'w i r e transfer',
  'f u c k',
  'f.u.c.k',
  'fu\u00adck',
  'f\u200buck',
  '\uff46\uff55\uff43\uff4b',
  'f\u057dck',
];

/** Texts with look-alike substrings or neighbouring words that must pass untouched. */
const BENIGN: string[] = [
  'The bandana was red.',
  'A banal story about a bank.',
  'Pine trees and apple trees grew side by side.',
  'The pin was in the apple.',
  'He was tacky but kind.',
  'The stack of papers fell.',
  'We drank cofe in Prague, as the locals spell it.',
  'The toffee was sweet.',
  'A squad of soldiers marched.',
  'The squire rode ahead.',
  'It was free, and the money came later. Freedom matters.',
  'Moneyed families and free-range hens.',
  'The wire was cut; the transfer window closed.',
  'Wires and transfers are separate topics, one per chapter.',
  'Once upon a time the rangers went into the forest.',
  'The ranggers of the moon castle sang a song.',
  'Scunthorpe is a town in England.',
  'The class assignment is due on Monday.',
  'Add flame retardant to the coating.',
  'A cocktail at the bar.',
  'The therapist took notes.',
  'Analysis of the data took a week.',
  'Fagus sylvatica is the European beech.',
  'He shifted the luck in his favour.',
  'Document the API at www.example.com, e.g. the endpoints.',
  'Attach the file and click send.',
  'The attic was full of old toys.',
  'A bandanna and a banjo.',
  'Bananarama was a pop group.',
  'She said b, then a, then n.',
  'Pineal glands are small.',
  'The attacker-free zone is safe.',
  'Coffeehouse culture in Vienna.',
  'Squidward is a cartoon character.',
  'The transfer of the wire company was approved.',
  'The money is free-flowing.',
  'Fudge cake with cherries.',
  'Fuchsia flowers bloom.',
  'A duck, a truck and a puck.',
  'Lily went to the park with her mom.',
];

// Every OpenAI category but `hate`, which the lexicon shares (the policy below gives it the rule's action).
const CLASSIFIER_ONLY = Object.fromEntries(
  OPENAI_CATEGORIES.filter((category) => category !== 'hate').map((category) => [
    category,
    { input: { action: 'allow' }, output: { action: 'allow' } },
  ]),
);

/** The blocklist and the built-in profanity list see through evasion, in prompts and outputs, streamed or not. */
describe('evasion', () => {
  const upstream = new UpstreamServer();
  const apiKey = testApiKey();
  let warden: WardenInstance;
  let applicationId: string;

  beforeAll(async () => {
    warden = await startWardenServedBy(upstream, 'evasion', {
      WARDEN_INIT_API_KEY: apiKey,
      WARDEN_INIT_ADMIN_EMAIL: ADMIN.email,
      WARDEN_INIT_ADMIN_PASSWORD: ADMIN.password,
    });
    [{ id: applicationId }] = await warden.query<{ id: string }>(
      `SELECT id FROM applications WHERE name = 'Demo application'`,
    );
  }, 90_000);

  afterAll(async () => {
    await warden?.stop();
    await upstream.stop();
  });

  async function setPolicy(direction: 'input' | 'output'): Promise<void> {
    const other = direction === 'input' ? 'output' : 'input';
    const rule = { [direction]: { action: 'block' }, [other]: { action: 'allow' } };
    const patch = {
      requireUser: false,
      // The classifier is not under test here: only the rule categories act.
      classifierThresholdScale: 2,
      limits: { maxPromptTokens: 2048, maxTokens: 64, maxTotalTokens: 4096 },
      rateLimits: { requestsPerMinute: 10_000, tokensPerMinute: 10_000_000 },
      blocklist: BLOCKLIST,
      // Scale 2 is the most the policy allows and still leaves the classifier acting where its calibrated threshold
      // is low (sexual at 0.1 × 2): its categories that no rule check shares are allowed outright instead.
      categories: { ...CLASSIFIER_ONLY, blocklist: rule, profanity: rule, hate: rule },
    };
    const result = await runCli(warden.env, ['policies:set', applicationId, JSON.stringify(patch)]);
    expect(result.code).toBe(0);
  }

  /** Whether the call was stopped by the content filter, on the way in or on the way out. */
  async function filtered(prompt: string, stream: boolean): Promise<boolean> {
    const response = await fetch(`${warden.url}/v1/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'house-model', max_tokens: 64, prompt, stream }),
    });
    const text = await response.text();
    if (response.status === 400)
      return (JSON.parse(text) as { error: { code: string } }).error.code === 'content_filter';
    expect(response.status).toBe(200);
    if (!stream) {
      return (
        (JSON.parse(text) as { choices: Array<{ finish_reason: string }> }).choices[0].finish_reason ===
        'content_filter'
      );
    }
    const chunks = text
      .split('\n')
      .filter((line) => line.startsWith('data: {'))
      .map((line) => JSON.parse(line.slice(6)) as { choices: Array<{ finish_reason: string | null }> });
    return chunks.some((chunk) => chunk.choices[0]?.finish_reason === 'content_filter');
  }

  const cases = (['input', 'output'] as const).flatMap((direction) =>
    [false, true].map((stream) => ({ direction, stream })),
  );

  describe.each(cases)('$direction, stream $stream', ({ direction, stream }) => {
    beforeAll(() => setPolicy(direction), 30_000);

    it('catches every evasive variant', async () => {
      const missed: string[] = [];
      for (const variant of EVASIONS) {
        if (!(await filtered(`tell me about ${variant} today`, stream))) missed.push(variant);
      }
      expect(missed).toEqual([]);
    }, 120_000);

    it('lets every benign look-alike through', async () => {
      const caught: string[] = [];
      for (const text of BENIGN) {
        if (await filtered(text, stream)) caught.push(text);
      }
      expect(caught).toEqual([]);
    }, 120_000);
  });

  it('refuses a policy pattern RE2 cannot run, naming it, and keeps the stored patterns', async () => {
    const admin = await staffLogin(warden.url, ADMIN.email, ADMIN.password);
    for (const pattern of ['(a)\\1', '(?<=x)y', '[unclosed']) {
      const result = await request(warden.url, 'PUT', `/admin/policies/${applicationId}`, {
        token: admin.token,
        body: { blocklist: { patterns: [pattern] } },
      });
      expect(result.status).toBe(400);
      expect(JSON.stringify(result.body)).toContain(JSON.stringify(JSON.stringify(pattern)).slice(1, -1));
    }
    const [{ rules }] = await warden.query<{ rules: { blocklist: { patterns: string[] } } }>(
      `SELECT rules FROM policies WHERE application_id = $1`,
      [applicationId],
    );
    expect(rules.blocklist.patterns).toEqual(BLOCKLIST.patterns);
  });
});
