import { setWebhookSchema, type WebhookResponse } from '../contracts';
import type { WebhookSettings } from './webhooks.service';

export { setWebhookSchema, type WebhookResponse };

export function toWebhookResponse(settings: WebhookSettings | { url: string | null }): WebhookResponse {
  return 'secret' in settings ? { url: settings.url, secret: settings.secret } : { url: settings.url };
}
