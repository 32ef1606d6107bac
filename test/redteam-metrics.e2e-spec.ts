import { randomBytes } from 'node:crypto';
import { testApiKey } from './support/keys';
import { postJson } from './support/review-api';
import { startWarden, WardenInstance } from './support/warden';

/**
 * A metric label is a time series kept for the life of the process: a label a client writes (a model name no
 * model answers to) would let any key grow `/metrics` and the api's memory without bound.
 */
describe('redteam: /metrics labels clients cannot choose', () => {
  const apiKey = testApiKey();
  let warden: WardenInstance;

  beforeAll(async () => {
    warden = await startWarden('redteam-metrics', {
      WARDEN_INIT_API_KEY: apiKey,
      WARDEN_EMBEDDED_MODELS: '',
    });
  }, 90_000);

  afterAll(async () => {
    await warden?.stop();
  });

  it.each(['/v1/completions', '/v1/chat/completions'])(
    'does not label %s metrics with a model name nothing serves',
    async (path) => {
      const invented = `invented-${randomBytes(8).toString('hex')}`;
      const response = await postJson(warden.url, path, apiKey, {
        model: invented,
        max_tokens: 1,
        ...(path === '/v1/completions' ? { prompt: 'hi' } : { messages: [{ role: 'user', content: 'hi' }] }),
      });
      expect(response.status).toBe(404);
      const metrics = await (await fetch(`${warden.url}/metrics`)).text();
      expect(metrics).toContain(`warden_completions_total{model="unknown",outcome="404"`);
      expect(metrics).not.toContain(invented);
    },
  );
});
