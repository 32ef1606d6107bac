import { setWebhookEventsSchema, setWebhookSchema, type WebhookResponse } from '../contracts';
import type { WebhookSettings } from './webhooks.service';

export { setWebhookEventsSchema, setWebhookSchema, type WebhookResponse };

export function toWebhookResponse(settings: WebhookSettings): WebhookResponse {
  const { url, events, secret } = settings;
  return secret === undefined ? { url, events } : { url, events, secret };
}
