import { signWebhook, verifyWebhook } from './webhook.signature';

describe('webhook signatures', () => {
  const body = JSON.stringify({ type: 'end_user.blocked', data: { endUser: 'u1' } });

  it('verifies what it signs', () => {
    expect(verifyWebhook('whsec_test', body, signWebhook('whsec_test', body))).toBe(true);
  });

  it('refuses another secret, a changed body and an old timestamp', () => {
    const header = signWebhook('whsec_test', body, 1_000_000);
    expect(verifyWebhook('whsec_other', body, header, 300, 1_000_000)).toBe(false);
    expect(verifyWebhook('whsec_test', `${body} `, header, 300, 1_000_000)).toBe(false);
    expect(verifyWebhook('whsec_test', body, header, 300, 1_000_301)).toBe(false);
    expect(verifyWebhook('whsec_test', body, header, 300, 1_000_299)).toBe(true);
  });
});
