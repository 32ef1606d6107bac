import { ApplicationReviewErrorCode, WebhooksErrorCode, staffAnswer } from './support/error-catalog';
import { apply, registerDeveloper, request } from './support/review-api';
import { runCli, startWarden, WardenInstance } from './support/warden';
import { WebhookReceiver } from './support/webhook-receiver';

/** Developers manage their webhook in /portal; nobody can point it into the server's own network. */
describe('webhooks in the portal', () => {
  const receiver = new WebhookReceiver();
  let strict: WardenInstance;
  let permissive: WardenInstance;

  beforeAll(async () => {
    [strict, permissive] = await Promise.all([
      startWarden('webhooks_strict', { WARDEN_EMBEDDED_MODELS: '' }),
      startWarden('webhooks_permissive', {
        WARDEN_EMBEDDED_MODELS: '',
        WARDEN_WEBHOOK_ALLOW_PRIVATE: 'true',
      }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([strict?.stop(), permissive?.stop(), receiver.stop()]);
  });

  it.each([
    ['loopback', 'http://127.0.0.1:9000/hook'],
    ['loopback by name', 'http://localhost:9000/hook'],
    ['IPv6 loopback', 'http://[::1]:9000/hook'],
    ['a private range', 'https://10.0.0.5/hook'],
    ['a private range', 'https://192.168.1.20/hook'],
    ['the metadata service', 'http://169.254.169.254/latest/meta-data/'],
    ['a decimal loopback', 'http://2130706433/hook'],
  ])('refuses %s (%s) and says why', async (_label, url) => {
    const developer = await registerDeveloper(strict.url);
    const applied = await apply(strict.url, developer);
    const answered = await request(strict.url, 'PUT', `/portal/applications/${applied.id}/webhook`, {
      token: developer.token,
      body: { url },
    });
    expect(answered).toMatchObject(
      staffAnswer(
        WebhooksErrorCode.PrivateWebhookUrl,
        expect.stringMatching(/address; webhooks go to public addresses only/),
      ),
    );
    const rows = await strict.query<{ webhook_url: string | null }>(
      'SELECT webhook_url FROM applications WHERE id = $1',
      [applied.id],
    );
    expect(rows[0].webhook_url).toBeNull();
  });

  it('lets a developer set a public URL and rotate its secret', async () => {
    const developer = await registerDeveloper(strict.url);
    const applied = await apply(strict.url, developer);
    const path = `/portal/applications/${applied.id}/webhook`;
    const set = await request<{ url: string; secret: string }>(strict.url, 'PUT', path, {
      token: developer.token,
      body: { url: 'https://93.184.216.34/warden-hooks' },
    });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({
      url: 'https://93.184.216.34/warden-hooks',
      events: null,
      secret: expect.stringMatching(/^whsec_/),
    });
    const rotated = await request<{ url: string; secret: string }>(
      strict.url,
      'POST',
      `${path}/rotate-secret`,
      {
        token: developer.token,
      },
    );
    expect(rotated.status).toBe(200);
    expect(rotated.body.url).toBe(set.body.url);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(set.body.secret);
    const stored = await strict.query<{ webhook_secret: string }>(
      'SELECT webhook_secret FROM applications WHERE id = $1',
      [applied.id],
    );
    expect(stored[0].webhook_secret).toBe(rotated.body.secret);
    // Reading it back never shows the secret; another organization's developer cannot see it at all.
    expect((await request(strict.url, 'GET', path, { token: developer.token })).body).toEqual({
      url: set.body.url,
      events: null,
    });
    // A choice of events names only events Warden sends.
    const unknown = await request(strict.url, 'PUT', `${path}/events`, {
      token: developer.token,
      body: { events: ['end_user.deleted'] },
    });
    expect(unknown.status).toBe(400);
    const stranger = await registerDeveloper(strict.url);
    expect(await request(strict.url, 'GET', path, { token: stranger.token })).toMatchObject(
      staffAnswer(ApplicationReviewErrorCode.ApplicationNotFound),
    );
    expect(
      await request(strict.url, 'PUT', path, {
        token: stranger.token,
        body: { url: 'https://93.184.216.34/x' },
      }),
    ).toMatchObject(staffAnswer(ApplicationReviewErrorCode.ApplicationNotFound));
  });

  it('allows loopback receivers only when the operator allows private targets', async () => {
    const developer = await registerDeveloper(permissive.url);
    const applied = await apply(permissive.url, developer);
    const answered = await request(permissive.url, 'PUT', `/portal/applications/${applied.id}/webhook`, {
      token: developer.token,
      body: { url: await receiver.start() },
    });
    expect(answered.status).toBe(200);
  });

  it('holds the operator CLI to the same rule', async () => {
    const developer = await registerDeveloper(strict.url);
    const applied = await apply(strict.url, developer);
    const refused = await runCli(strict.env, ['apps:webhook', applied.id, 'http://169.254.169.254/hook']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('public addresses only');
    const allowed = await runCli(permissive.env, [
      'apps:webhook',
      (await apply(permissive.url, await registerDeveloper(permissive.url))).id,
      'http://127.0.0.1:9/hook',
    ]);
    expect(allowed.code).toBe(0);
  });
});
