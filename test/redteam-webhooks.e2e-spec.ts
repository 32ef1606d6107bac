import { staffAnswer, WebhooksErrorCode } from './support/error-catalog';
import { apply, registerDeveloper, request } from './support/review-api';
import { startWarden, WardenInstance } from './support/warden';

/**
 * A URL's host spells an IPv4-mapped IPv6 address in hex (`[::ffff:127.0.0.1]` becomes `[::ffff:7f00:1]`), which
 * the address check recognised as blocked but could not name the range of: every such webhook URL, loopback or
 * metadata service, answered a 500 internal_error instead of saying why it was refused.
 */
describe('redteam: webhook URLs that spell a private address as IPv4-mapped IPv6', () => {
  let warden: WardenInstance;

  beforeAll(async () => {
    warden = await startWarden('redteam_webhooks', { WARDEN_EMBEDDED_MODELS: '' });
  }, 120_000);

  afterAll(async () => {
    await warden?.stop();
  });

  it.each([
    ['http://[::ffff:127.0.0.1]:9000/hook', 'loopback'],
    ['http://[::ffff:7f00:1]:9000/hook', 'loopback'],
    ['http://[0:0:0:0:0:FFFF:A9FE:A9FE]/latest/meta-data/', 'link-local or metadata'],
    ['https://[::ffff:10.0.0.5]/hook', 'private'],
  ])('refuses %s as the client’s error, naming it %s', async (url, range) => {
    const developer = await registerDeveloper(warden.url);
    const applied = await apply(warden.url, developer);
    const answered = await request(warden.url, 'PUT', `/portal/applications/${applied.id}/webhook`, {
      token: developer.token,
      body: { url },
    });
    expect(answered).toMatchObject(
      staffAnswer(
        WebhooksErrorCode.PrivateWebhookUrl,
        expect.stringContaining(`, a ${range} address; webhooks go to public addresses only`),
      ),
    );
    const rows = await warden.query<{ webhook_url: string | null }>(
      'SELECT webhook_url FROM applications WHERE id = $1',
      [applied.id],
    );
    expect(rows[0].webhook_url).toBeNull();
  });
});
