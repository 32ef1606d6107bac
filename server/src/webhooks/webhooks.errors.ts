import { WardenError } from '../common/errors';

declare module '../common/errors' {
  interface ErrorCodeRegistry {
    webhooks: WebhooksErrorCode;
  }
}

export enum WebhooksErrorCode {
  InvalidWebhookUrl = 'invalid_webhook_url',
  PrivateWebhookUrl = 'private_webhook_url',
  UnresolvableWebhookHost = 'unresolvable_webhook_host',
  WebhookNotConfigured = 'webhook_not_configured',
}

export class WebhooksError extends WardenError {
  constructor(
    override readonly code: WebhooksErrorCode,
    message: string,
  ) {
    super(code, message, 'url');
  }

  static invalid(reason: string): WebhooksError {
    return new WebhooksError(WebhooksErrorCode.InvalidWebhookUrl, `The webhook URL ${reason}.`);
  }

  static privateAddress(host: string, address: string, range: string): WebhooksError {
    return new WebhooksError(
      WebhooksErrorCode.PrivateWebhookUrl,
      `The webhook host ${host} resolves to ${address}, a ${range} address; webhooks go to public addresses only ` +
        '(an operator can allow private ones with WARDEN_WEBHOOK_ALLOW_PRIVATE).',
    );
  }

  static unresolvable(host: string): WebhooksError {
    return new WebhooksError(
      WebhooksErrorCode.UnresolvableWebhookHost,
      `The webhook host ${host} does not resolve to an address.`,
    );
  }

  static notConfigured(): WebhooksError {
    return new WebhooksError(
      WebhooksErrorCode.WebhookNotConfigured,
      'This application has no webhook URL yet: set one first.',
    );
  }
}
