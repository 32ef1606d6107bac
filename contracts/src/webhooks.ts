import { z } from 'zod';

/** What an application's webhook is told about; every configured webhook receives all of them. */
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

export const webhookResponseSchema = z.strictObject({
  url: z.string().nullable(),
  /** Only in the answer that set the URL or rotated the secret. */
  secret: z.string().min(1).optional(),
});
export type WebhookResponse = z.infer<typeof webhookResponseSchema>;
