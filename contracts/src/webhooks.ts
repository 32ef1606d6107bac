import { z } from 'zod';

/** `PUT /portal/applications/:id/webhook`; the server also refuses private addresses (webhook-url.ts). */
export const setWebhookSchema = z.object({ url: z.string().trim().min(1).max(2000) });

export const webhookResponseSchema = z.strictObject({
  url: z.string().nullable(),
  /** Only in the answer that set the URL or rotated the secret. */
  secret: z.string().min(1).optional(),
});
export type WebhookResponse = z.infer<typeof webhookResponseSchema>;
