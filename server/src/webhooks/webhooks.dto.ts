import { z } from 'zod';
import type { WebhookSettings } from './webhooks.service';

export const setWebhookSchema = z.object({ url: z.string().trim().min(1).max(2000) });

export interface WebhookResponse {
  url: string | null;
  /** Only in the answer that set the URL or rotated the secret. */
  secret?: string;
}

export function toWebhookResponse(settings: WebhookSettings | { url: string | null }): WebhookResponse {
  return 'secret' in settings ? { url: settings.url, secret: settings.secret } : { url: settings.url };
}
