import { z } from 'zod';

/** What an application's webhook is told about: every event unless its developer picked some. */
export const WebhookEvent = {
  EndUserThrottled: 'end_user.throttled',
  EndUserBlocked: 'end_user.blocked',
  EndUserUnblocked: 'end_user.unblocked',
  HeldCompletionReleased: 'held_completion.released',
  HeldCompletionDiscarded: 'held_completion.discarded',
} as const;
export type WebhookEvent = (typeof WebhookEvent)[keyof typeof WebhookEvent];
export const WEBHOOK_EVENTS = Object.values(WebhookEvent);

/** `PUT /portal/applications/:id/webhook`; the server also refuses private addresses (webhook-url.ts). */
export const setWebhookSchema = z.object({ url: z.string().trim().min(1).max(2000) });

/**
 * `PUT /portal/applications/:id/webhook/events`: the events sent, or null for every event (including ones Warden adds
 * later). Choosing events keeps the URL and the signing secret.
 */
export const setWebhookEventsSchema = z.object({
  events: z
    .array(z.enum(WEBHOOK_EVENTS))
    .min(1)
    .refine((events) => new Set(events).size === events.length, 'each event at most once')
    .nullable(),
});

export const webhookResponseSchema = z.strictObject({
  url: z.string().nullable(),
  /** The events sent; null: every event. */
  events: z.array(z.enum(WEBHOOK_EVENTS)).nullable(),
  /** Only in the answer that set the URL or rotated the secret. */
  secret: z.string().min(1).optional(),
});
export type WebhookResponse = z.infer<typeof webhookResponseSchema>;
