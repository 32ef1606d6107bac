import { testApiKey } from './support/keys';
import { postJson } from './support/review-api';
import { startWardenServedBy, UpstreamServer } from './support/upstream-server';
import { eventually, WardenInstance } from './support/warden';

/** The response never waits on Postgres, yet every answered call ends up as exactly one row. */
describe('request log', () => {
  const upstream = new UpstreamServer();
  const apiKey = testApiKey();
  let warden: WardenInstance;

  beforeAll(async () => {
    warden = await startWardenServedBy(upstream, 'request_log', {
      WARDEN_INIT_API_KEY: apiKey,
    });
  });

  afterAll(async () => {
    await warden?.stop();
    await upstream.stop();
  });

  it('after N concurrent calls of every kind, holds exactly N rows with what each call did', async () => {
    const bodies = Array.from({ length: 60 }, (_, i) => {
      const kind = i % 4;
      if (kind === 0) return { model: 'house-model', prompt: `plain ${i}`, user: `user-${i % 3}` };
      if (kind === 1) return { model: 'house-model', prompt: `streamed ${i}`, stream: true };
      if (kind === 2) return { model: 'no-such-model', prompt: `lost ${i}` };
      return { model: 'house-model', prompt: 'trigger:500' };
    });
    const answers = await Promise.all(
      bodies.map((body) => postJson(warden.url, '/v1/completions', apiKey, body)),
    );
    const ids = answers.map((answer) => answer.requestId);
    expect(new Set(ids).size).toBe(60);

    const rows = await eventually(
      () =>
        warden.query<{
          request_id: string;
          status_code: number;
          stream: boolean;
          end_user: string | null;
          output: unknown;
          prompt: unknown;
          application_id: string | null;
          latency_ms: number;
        }>(
          `SELECT request_id, status_code, stream, end_user, output, prompt, application_id, latency_ms FROM request_logs WHERE request_id = ANY($1)`,
          [ids],
        ),
      (result) => result.length >= 60,
    );
    expect(rows).toHaveLength(60);
    const byId = new Map(rows.map((row) => [row.request_id, row]));
    answers.forEach((answer, i) => {
      const row = byId.get(answer.requestId)!;
      expect(row.status_code).toBe(answer.status);
      expect(row.application_id).not.toBeNull();
      expect(row.latency_ms).toBeGreaterThan(0);
      expect(row.prompt).toEqual(bodies[i].prompt);
    });
    const plain = byId.get(answers[0].requestId)!;
    expect(plain.end_user).toBe('user-0');
    expect(plain.output).toEqual([
      { index: 0, text: UpstreamServer.answer('plain 0', 16).join(''), finish_reason: 'stop' },
    ]);
    const streamed = byId.get(answers[1].requestId)!;
    expect(streamed.stream).toBe(true);
    expect(streamed.output).toEqual([
      { index: 0, text: UpstreamServer.answer('streamed 1', 16).join(''), finish_reason: 'stop' },
    ]);

    // Nothing arrives late as a duplicate either.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const [{ count }] = await warden.query<{ count: string }>(
      `SELECT count(*) FROM request_logs WHERE request_id = ANY($1)`,
      [ids],
    );
    expect(Number(count)).toBe(60);
  });
});
