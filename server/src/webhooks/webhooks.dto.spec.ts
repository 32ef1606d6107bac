import { setWebhookSchema, webhookResponseSchema } from '../contracts';
import { toWebhookResponse } from './webhooks.dto';

describe('webhook contract', () => {
  it('carries the secret only in the answer that set or rotated it', () => {
    const set = toWebhookResponse({ url: 'https://hooks.example.com/warden', secret: 'whsec_abc' });
    expect(webhookResponseSchema.parse(set)).toEqual({
      url: 'https://hooks.example.com/warden',
      secret: 'whsec_abc',
    });
    const shown = webhookResponseSchema.parse(toWebhookResponse({ url: null }));
    expect(shown).toEqual({ url: null });
    expect('secret' in shown).toBe(false);
  });

  it('refuses an answer with fields the contract does not name, and an empty URL body', () => {
    expect(webhookResponseSchema.safeParse({ url: null, applicationId: 'a' }).success).toBe(false);
    expect(webhookResponseSchema.safeParse({ secret: 'whsec_abc' }).success).toBe(false);
    expect(setWebhookSchema.safeParse({ url: '   ' }).success).toBe(false);
  });
});
