import { setWebhookEventsSchema, setWebhookSchema, webhookResponseSchema } from '../contracts';
import { toWebhookResponse } from './webhooks.dto';

describe('webhook contract', () => {
  it('carries the secret only in the answer that set or rotated it', () => {
    const set = toWebhookResponse({
      url: 'https://hooks.example.com/warden',
      events: null,
      secret: 'whsec_abc',
    });
    expect(webhookResponseSchema.parse(set)).toEqual({
      url: 'https://hooks.example.com/warden',
      events: null,
      secret: 'whsec_abc',
    });
    const shown = webhookResponseSchema.parse(toWebhookResponse({ url: null, events: ['end_user.blocked'] }));
    expect(shown).toEqual({ url: null, events: ['end_user.blocked'] });
    expect('secret' in shown).toBe(false);
  });

  it('refuses an answer with fields the contract does not name, and an empty URL body', () => {
    expect(webhookResponseSchema.safeParse({ url: null, events: null, applicationId: 'a' }).success).toBe(
      false,
    );
    expect(webhookResponseSchema.safeParse({ secret: 'whsec_abc' }).success).toBe(false);
    expect(setWebhookSchema.safeParse({ url: '   ' }).success).toBe(false);
  });

  it('takes a choice of known events, each once, or null for every event', () => {
    expect(setWebhookEventsSchema.safeParse({ events: null }).success).toBe(true);
    expect(
      setWebhookEventsSchema.safeParse({ events: ['end_user.blocked', 'end_user.unblocked'] }).success,
    ).toBe(true);
    expect(setWebhookEventsSchema.safeParse({ events: [] }).success).toBe(false);
    expect(setWebhookEventsSchema.safeParse({ events: ['end_user.deleted'] }).success).toBe(false);
    expect(
      setWebhookEventsSchema.safeParse({ events: ['end_user.blocked', 'end_user.blocked'] }).success,
    ).toBe(false);
    expect(setWebhookEventsSchema.safeParse({}).success).toBe(false);
  });
});
