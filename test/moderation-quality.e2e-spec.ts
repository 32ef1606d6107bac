import { testApiKey } from './support/keys';
import { postJson } from './support/review-api';
import { runCli, startWarden, WardenInstance } from './support/warden';

const REFERENCE =
  'Once upon a time, there was a little girl named Lily. She loved to play outside in the park.';
const PROMPTS = [
  '',
  'Once upon a time',
  'Tom and Sue',
  'The little dog',
  'One day, a girl',
  'Ben had a',
  'Mom said',
];

/**
 * The default classifier on the default model's own stories, through the real server: the embedded stories260K
 * engine, the default live and sandbox policies and the shipped moderation model. Stories are the benign text
 * Warden moderates most; withholding them costs end users strike points.
 */
describe('moderation quality on the default model’s stories', () => {
  const apiKey = testApiKey();
  let warden: WardenInstance;
  let sandboxKey: string;

  beforeAll(async () => {
    warden = await startWarden('moderation-quality', { WARDEN_INIT_API_KEY: apiKey });
    const [demo] = await warden.query<{ status: string }>(
      `SELECT status FROM applications WHERE name = 'Demo application'`,
    );
    expect(demo.status).toBe('live');
    const cli = async (args: string[]) => {
      const result = await runCli(warden.env, args);
      expect(result.code).toBe(0);
      return JSON.parse(result.stdout) as Record<string, string>;
    };
    await cli(['orgs:create', 'Story Club']);
    const app = await cli(['apps:create', 'Story Club', 'Bedtime stories']);
    expect(app.status).toBe('sandbox');
    sandboxKey = (await cli(['keys:create', app.id, 'stories'])).key;
  });

  afterAll(async () => {
    await warden?.stop();
  });

  async function complete(key: string, body: Record<string, unknown>) {
    const response = await postJson<{ choices: Array<{ text: string; finish_reason: string }> }>(
      warden.url,
      '/v1/completions',
      key,
      { model: 'stories260K', user: 'reader-1', ...body },
    );
    expect(response.status).toBe(200);
    return response.body;
  }

  async function streamed(
    key: string,
    body: Record<string, unknown>,
  ): Promise<{ text: string; finish: string }> {
    const response = await fetch(`${warden.url}/v1/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'stories260K', user: 'reader-1', stream: true, ...body }),
    });
    expect(response.status).toBe(200);
    let text = '';
    let finish = '';
    for (const line of (await response.text()).split('\n')) {
      if (!line.startsWith('data: {')) continue;
      const chunk = JSON.parse(line.slice(6)) as {
        choices: Array<{ text: string; finish_reason: string | null }>;
      };
      for (const choice of chunk.choices) {
        text += choice.text;
        if (choice.finish_reason) finish = choice.finish_reason;
      }
    }
    return { text, finish };
  }

  it.each([
    ['live', 8],
    ['live', 16],
    ['live', 32],
    ['live', 64],
    ['live', 256],
    ['sandbox', 8],
    ['sandbox', 16],
    ['sandbox', 32],
    ['sandbox', 64],
  ])(
    'never withholds the greedy reference completion (%s policy, max_tokens %i)',
    async (policy, maxTokens) => {
      const key = policy === 'live' ? apiKey : sandboxKey;
      // One end user per case: the sandbox allows an end user 10 requests a minute.
      const body = {
        prompt: '',
        max_tokens: maxTokens,
        temperature: 0,
        user: `reader-${policy}-${maxTokens}`,
      };
      const whole = await complete(key, body);
      expect(whole.choices[0].finish_reason).not.toBe('content_filter');
      const expected = REFERENCE.slice(0, Math.min(REFERENCE.length, whole.choices[0].text.length));
      expect(whole.choices[0].text.startsWith(expected)).toBe(true);
      expect(whole.choices[0].text.length).toBeGreaterThan(10);
      const stream = await streamed(key, body);
      expect(stream.finish).not.toBe('content_filter');
      expect(stream.text).toBe(whole.choices[0].text);
    },
  );

  it('withholds at most 1 of 200 seeded story completions under the default live policy', async () => {
    const jobs = Array.from({ length: 200 }, (_, index) => ({
      prompt: PROMPTS[index % PROMPTS.length],
      seed: 4242 + index,
      temperature: [0.7, 0.9, 1, 1.1][index % 4],
      max_tokens: [48, 96, 160][index % 3],
      user: `reader-${index % 50}`,
    }));
    const finishes: string[] = [];
    const withheld: string[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < jobs.length) {
          const job = jobs[next++];
          const result = await complete(apiKey, job);
          finishes.push(result.choices[0].finish_reason);
          if (result.choices[0].finish_reason === 'content_filter') withheld.push(JSON.stringify(job));
        }
      }),
    );
    expect(finishes).toHaveLength(200);
    expect(
      finishes.filter((finish) => finish === 'length' || finish === 'stop').length,
    ).toBeGreaterThanOrEqual(199);
    expect(withheld.length).toBeLessThanOrEqual(1);
  });
});
