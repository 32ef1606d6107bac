import { CommonErrorCode, openAiAnswer, withJsonBody } from './support/error-catalog';
import { testApiKey } from './support/keys';
import { expectValid } from './support/openai-schemas';
import { startWarden, WardenInstance } from './support/warden';

/**
 * Paths Fastify refuses before any route, hook or filter runs: a percent-escape that is not UTF-8 (`%E0`, a lone
 * surrogate's `%ED%A0%80`, `%zz`; a 400) and a parameter over its length limit (a 414). They answered Fastify's
 * own `{error, code: FST_ERR_…, message, statusCode}` without a request id, on `/v1` too, where every answer is
 * OpenAI's envelope.
 */
const LONG_ID = 'm'.repeat(150);
const V1_PATHS: Array<[string, number]> = [
  ['/v1/models/%E0', 400],
  ['/v1/models/%ED%A0%80', 400],
  ['/v1/files/%zz', 400],
  ['/v1/completions%ff', 400],
  ['/v1/held-completions/%E0?x=1', 400],
  [`/v1/models/${LONG_ID}`, 414],
  [`/v1/files/${LONG_ID}`, 414],
  [`/v1/fine_tuning/jobs/${LONG_ID}/events`, 414],
];
const STAFF_PATHS: Array<[string, number]> = [
  ['/admin/applications/%E0', 400],
  [`/portal/applications/${LONG_ID}`, 414],
];
const labelled = (paths: Array<[string, number]>) =>
  paths.map(([path, status]) => [path.slice(0, 60), status, path] as const);

describe('redteam: paths Fastify cannot route', () => {
  const apiKey = testApiKey();
  let warden: WardenInstance;

  beforeAll(async () => {
    warden = await startWarden('redteam-undecodable-paths', { WARDEN_INIT_API_KEY: apiKey });
  }, 240_000);

  afterAll(async () => {
    await warden?.stop();
  });

  async function get(path: string): Promise<{ status: number; body: string; requestId: string | null }> {
    const response = await fetch(`${warden.url}${path}`, { headers: { authorization: `Bearer ${apiKey}` } });
    return {
      status: response.status,
      body: await response.text(),
      requestId: response.headers.get('x-request-id'),
    };
  }

  it.each(labelled(V1_PATHS))(
    '%s: %d in OpenAI’s envelope with a request id',
    async (_label, status, path) => {
      const answer = await get(path);
      expect(withJsonBody(answer)).toMatchObject({
        ...openAiAnswer(CommonErrorCode.InvalidRequest, null),
        status,
      });
      expectValid('ErrorResponse', JSON.parse(answer.body));
      expect(answer.requestId).toMatch(/^req_/);
    },
  );

  it.each(labelled(STAFF_PATHS))(
    '%s: %d in the staff envelope, naming the request id',
    async (_label, status, path) => {
      const answer = await get(path);
      expect(withJsonBody(answer)).toMatchObject({
        status,
        body: { statusCode: status, message: expect.any(String), requestId: expect.any(String) },
      });
      expect(answer.requestId).toMatch(/^req_/);
      expect(JSON.parse(answer.body).requestId).toBe(answer.requestId);
    },
  );
});
