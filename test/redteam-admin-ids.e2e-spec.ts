import { CommonErrorCode, EndUserErrorCode, staffAnswer } from './support/error-catalog';
import { request, Session, staffLogin } from './support/review-api';
import { startWarden, WardenInstance } from './support/warden';

const ADMIN = { email: 'admin@warden.test', password: 'admin-password-long-enough' };

/**
 * Alerts and end users took their path ids as they came: an alert id that is no uuid answered 400 "filter id must
 * be an id" to a read and 500 internal_error to acknowledge or resolve (Postgres refused the cast), and an end
 * user's id whose application part has the length of a uuid but is none answered 500 to a read and an unblock. A
 * path id that cannot name a record is not found, as on every other /admin route.
 */
describe('redteam: /admin path ids that cannot name a record', () => {
  let warden: WardenInstance;
  let admin: Session;

  beforeAll(async () => {
    warden = await startWarden('redteam_admin_ids', {
      WARDEN_EMBEDDED_MODELS: '',
      WARDEN_INIT_ADMIN_EMAIL: ADMIN.email,
      WARDEN_INIT_ADMIN_PASSWORD: ADMIN.password,
    });
    admin = await staffLogin(warden.url, ADMIN.email, ADMIN.password);
  }, 120_000);

  afterAll(async () => {
    await warden?.stop();
  });

  it.each([
    ['GET', '/admin/alerts/not-an-id'],
    ['POST', '/admin/alerts/not-an-id/acknowledge'],
    ['POST', '/admin/alerts/not-an-id/resolve'],
    ['POST', "/admin/alerts/1'%20OR%20'1'='1/resolve"],
  ])('answers %s %s not found', async (method, path) => {
    expect(
      await request(warden.url, method, path, {
        token: admin.token,
        body: method === 'POST' ? {} : undefined,
      }),
    ).toMatchObject(staffAnswer(CommonErrorCode.NotFound));
  });

  it.each([
    ['GET', ''],
    ['POST', '/unblock'],
  ])('answers %s of an end user whose application part is no uuid not found', async (method, suffix) => {
    const id = encodeURIComponent('zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz:mallory');
    expect(
      await request(warden.url, method, `/admin/end-users/${id}${suffix}`, {
        token: admin.token,
        body: method === 'POST' ? { reason: 'reviewed' } : undefined,
      }),
    ).toMatchObject(staffAnswer(EndUserErrorCode.EndUserNotFound));
  });
});
