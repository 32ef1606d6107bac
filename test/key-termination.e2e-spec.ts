import { ChildProcess } from 'node:child_process';
import {
  ApiKeyErrorCode,
  ApiKeyManagementErrorCode,
  OPENAI_ERRORS,
  openAiAnswer,
  staffAnswer,
} from './support/error-catalog';
import {
  complete,
  createStaff,
  liveApplication,
  registerDeveloper,
  request,
  Session,
  staffLogin,
} from './support/review-api';
import { UpstreamServer } from './support/upstream-server';
import { spawnOnFreePort, startWarden, stopProcess, WardenInstance } from './support/warden';

const ADMIN = { email: 'admin@warden.test', password: 'admin-password-long-enough' };
/**
 * B holds keys for 10 minutes (WARDEN_KEY_CACHE_TTL_MS), so a refusal within this bound can only come from the
 * revocation event. The bound is generous on purpose: the design's < 100 ms latency is measured by
 * `bench/key-termination.ts`, not asserted here, where a loaded machine would make it flaky.
 */
const EVENT_BOUND_MS = 5000;
const POLL_MS = 5;

/**
 * Two api instances on one database and one Redis namespace. A key is terminated through instance A; instance B,
 * which holds the key in its cache with a TTL far longer than the test, must refuse it once the event arrives.
 */
describe('key termination across api instances', () => {
  const upstream = new UpstreamServer();
  let a: WardenInstance;
  let b: { url: string; child: ChildProcess };
  let reviewer: Session;

  beforeAll(async () => {
    const upstreamUrl = await upstream.start();
    a = await startWarden(
      'termination',
      {
        WARDEN_INIT_ADMIN_EMAIL: ADMIN.email,
        WARDEN_INIT_ADMIN_PASSWORD: ADMIN.password,
        WARDEN_UPSTREAM_URL: upstreamUrl,
        WARDEN_UPSTREAM_MODELS: 'house-model',
        WARDEN_EMBEDDED_MODELS: '',
        WARDEN_KEY_CACHE_TTL_MS: '600000',
      },
      ['api'],
    );
    // A migrated and bootstrapped the shared database; B only serves.
    const spawned = await spawnOnFreePort({ ...a.env, PORT: undefined }, ['api', '--prepared']);
    b = { url: spawned.url, child: spawned.child };
    const admin = await staffLogin(a.url, ADMIN.email, ADMIN.password);
    reviewer = await createStaff(a.url, admin.token, 'reviewer');
  });

  afterAll(async () => {
    if (b) {
      await stopProcess(b.child);
    }
    await a?.stop();
    await upstream.stop();
  });

  /** Polls B every 5 ms from the moment A answered the termination until B refuses the key. */
  async function millisecondsUntilRefusedOnB(key: string, terminate: () => Promise<number>): Promise<number> {
    expect(await terminate()).toBe(200);
    const answeredAt = performance.now();
    for (;;) {
      // /v1/models authenticates exactly like /v1/completions, without an upstream round trip in each poll.
      const response = await fetch(`${b.url}/v1/models`, { headers: { authorization: `Bearer ${key}` } });
      if (response.status === 401) {
        const elapsed = performance.now() - answeredAt;
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
          OPENAI_ERRORS.terminatedKey.code,
        );
        return elapsed;
      }
      expect(response.status).toBe(200);
      if (performance.now() - answeredAt > EVENT_BOUND_MS) {
        throw new Error(`instance B still accepts the terminated key after ${EVENT_BOUND_MS} ms`);
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  it('refuses a key terminated on instance A on instance B once the revocation event arrives', async () => {
    const measured: number[] = [];
    for (let round = 0; round < 5; round++) {
      const live = await liveApplication(a.url, await registerDeveloper(a.url), reviewer);
      const key = live.productionKey.secret;
      // B serves the key, and so now holds it in its in-process cache.
      expect((await complete(b.url, key)).status).toBe(200);
      expect(
        (await fetch(`${b.url}/v1/models`, { headers: { authorization: `Bearer ${key}` } })).status,
      ).toBe(200);

      measured.push(
        await millisecondsUntilRefusedOnB(key, async () => {
          const terminated = await request(
            a.url,
            'POST',
            `/admin/api-keys/${live.productionKey.id}/terminate`,
            {
              token: reviewer.token,
              body: { reason: 'termination latency test' },
            },
          );
          return terminated.status;
        }),
      );
      const refused = await complete(b.url, key);
      expect(refused).toMatchObject(openAiAnswer(ApiKeyErrorCode.KeyTerminated));
    }
    const sorted = [...measured].sort((x, y) => x - y);
    process.stdout.write(
      `termination visible on the other api instance after: ${measured.map((ms) => `${ms.toFixed(1)} ms`).join(', ')} ` +
        `(median ${sorted[2].toFixed(1)} ms, max ${sorted[4].toFixed(1)} ms; latency: bench/key-termination.ts)\n`,
    );
    expect(measured).toHaveLength(5);
  });

  it('drops the cached key on B when the whole application is terminated on A', async () => {
    const developer = await registerDeveloper(a.url);
    const live = await liveApplication(a.url, developer, reviewer);
    expect((await complete(b.url, live.sandboxKey.secret)).status).toBe(200);
    expect((await complete(b.url, live.productionKey.secret)).status).toBe(200);

    const elapsed = await millisecondsUntilRefusedOnB(live.productionKey.secret, async () => {
      const terminated = await request(a.url, 'POST', `/admin/applications/${live.id}/decisions`, {
        token: reviewer.token,
        body: { decision: 'terminate', rationale: 'termination latency test', checklist: {} },
      });
      return terminated.status;
    });
    process.stdout.write(
      `application termination visible on the other api instance after ${elapsed.toFixed(1)} ms\n`,
    );
    expect(elapsed).toBeLessThan(EVENT_BOUND_MS);
    expect((await complete(b.url, live.sandboxKey.secret)).body.error?.code).toBe(
      OPENAI_ERRORS.terminatedKey.code,
    );
  });

  it("names the reason category staff chose in a terminated key's 401", async () => {
    const live = await liveApplication(a.url, await registerDeveloper(a.url), reviewer);
    const terminated = await request(a.url, 'POST', `/admin/api-keys/${live.productionKey.id}/terminate`, {
      token: reviewer.token,
      body: { reason: 'key found in a public repository', category: 'suspected_compromise' },
    });
    expect(terminated.status).toBe(200);
    const refused = await complete(a.url, live.productionKey.secret);
    expect(refused).toMatchObject(openAiAnswer(ApiKeyErrorCode.KeyTerminated));
    expect(refused.body.error?.message).toContain('suspected key compromise');
    expect(refused.body.error?.message).not.toContain('policy violation');
  });

  it('puts the application under enforcement: the developer cannot mint a working key and sees why', async () => {
    const developer = await registerDeveloper(a.url);
    const live = await liveApplication(a.url, developer, reviewer);
    expect(
      (
        await request(a.url, 'POST', `/admin/api-keys/${live.productionKey.id}/terminate`, {
          token: reviewer.token,
          body: { reason: 'scraping third-party sites', category: 'abuse_report' },
        })
      ).status,
    ).toBe(200);

    const minted = await request(a.url, 'POST', `/portal/applications/${live.id}/keys`, {
      token: developer.token,
      body: { name: 'fresh start' },
    });
    expect(minted).toMatchObject(
      staffAnswer(
        ApiKeyManagementErrorCode.ApplicationUnderEnforcement,
        expect.stringMatching(/frozen pending staff review/),
      ),
    );
    expect(minted.body.message).toContain('an abuse report');
    expect(minted.body).not.toHaveProperty('secret');

    const seen = await request(a.url, 'GET', `/portal/applications/${live.id}`, { token: developer.token });
    expect(seen.body.enforcement).toEqual({
      since: expect.any(String),
      category: 'abuse_report',
      explanation: expect.stringContaining('an abuse report'),
      reason: 'scraping third-party sites',
    });

    // Suspension binds the same way.
    const other = await liveApplication(a.url, await registerDeveloper(a.url), reviewer);
    await request(a.url, 'POST', `/admin/api-keys/${other.productionKey.id}/suspend`, {
      token: reviewer.token,
      body: { reason: 'investigating', category: 'security_incident' },
    });
    const suspendedKey = await complete(a.url, other.productionKey.secret);
    expect(suspendedKey.body.error?.message).toContain('a security incident');

    // Staff review lifts it, and the developer can work again.
    expect(
      (
        await request(a.url, 'POST', `/admin/applications/${live.id}/lift-enforcement`, {
          token: reviewer.token,
          body: { reason: 'developer rotated credentials and stopped scraping' },
        })
      ).status,
    ).toBe(204);
    const again = await request<{ secret: string }>(a.url, 'POST', `/portal/applications/${live.id}/keys`, {
      token: developer.token,
      body: { name: 'after review' },
    });
    expect(again.status).toBe(201);
    expect((await complete(a.url, again.body.secret)).status).toBe(200);
    expect(
      (await request(a.url, 'GET', `/portal/applications/${live.id}`, { token: developer.token })).body
        .enforcement,
    ).toBeNull();
  });

  it('caps the active keys of one application (default 5)', async () => {
    const developer = await registerDeveloper(a.url);
    const live = await liveApplication(a.url, developer, reviewer);
    // The sandbox and the production key are two of the five.
    const created: Array<{ id: string }> = [];
    for (let n = 0; n < 3; n++) {
      const key = await request<{ id: string }>(a.url, 'POST', `/portal/applications/${live.id}/keys`, {
        token: developer.token,
        body: { name: `extra ${n}` },
      });
      expect(key.status).toBe(201);
      created.push(key.body);
    }
    const over = await request(a.url, 'POST', `/portal/applications/${live.id}/keys`, {
      token: developer.token,
      body: { name: 'one too many' },
    });
    expect(over).toMatchObject(
      staffAnswer(
        ApiKeyManagementErrorCode.ActiveKeyLimitReached,
        expect.stringContaining('at most 5 active keys'),
      ),
    );
    // Concurrent requests cannot squeeze past the cap either.
    await request(a.url, 'POST', `/portal/applications/${live.id}/keys/${created[0].id}/revoke`, {
      token: developer.token,
      body: {},
    });
    const racing = await Promise.all(
      [1, 2, 3].map((n) =>
        request(a.url, 'POST', `/portal/applications/${live.id}/keys`, {
          token: developer.token,
          body: { name: `race ${n}` },
        }),
      ),
    );
    expect(racing.map((answer) => answer.status).sort()).toEqual([201, 409, 409]);
  });
});
