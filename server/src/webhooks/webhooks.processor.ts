import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { LOGGER } from '../common/logger.module';
import { QueueName } from '../common/queues';
import { WardenConfig } from '../config/config';
import { WARDEN_CONFIG } from '../config/config.module';
import { postWebhook } from './webhook-delivery';
import { signWebhook } from './webhook.signature';
import { DeliverWebhookJob, WEBHOOK_JOB_OPTIONS } from './webhooks.service';

const DELIVERY_TIMEOUT_MS = 10_000;

/** Delivers signed notifications to developers; a non-2xx answer or a timeout is retried with backoff. */
@Processor(QueueName.Webhooks, { concurrency: 8 })
export class WebhooksProcessor extends WorkerHost {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
  ) {
    super();
  }

  async process(job: Job<DeliverWebhookJob>): Promise<{ status: number }> {
    const [delivery] = (await this.dataSource.query(
      `SELECT d.id, d.event, d.payload, d.status, d.created_at, a.webhook_url, a.webhook_secret
       FROM webhook_deliveries d JOIN applications a ON a.id = d.application_id WHERE d.id = $1`,
      [job.data.deliveryId],
    )) as Array<{
      id: string;
      event: string;
      payload: unknown;
      status: string;
      created_at: Date;
      webhook_url: string | null;
      webhook_secret: string | null;
    }>;
    if (!delivery || delivery.status === 'delivered' || !delivery.webhook_url || !delivery.webhook_secret) {
      return { status: 0 };
    }
    const body = JSON.stringify({
      id: delivery.id,
      type: delivery.event,
      created: Math.floor(new Date(delivery.created_at).getTime() / 1000),
      data: delivery.payload,
    });
    await this.dataSource.query(`UPDATE webhook_deliveries SET attempts = attempts + 1 WHERE id = $1`, [
      delivery.id,
    ]);
    let status: number;
    try {
      // Checked again at delivery: a name may resolve inside the network now even if it did not when it was set.
      status = await postWebhook(delivery.webhook_url, this.config.webhookAllowPrivate, {
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Warden-Webhooks/1',
          'x-warden-event': delivery.event,
          'x-warden-delivery': delivery.id,
          'x-warden-signature': signWebhook(delivery.webhook_secret, body),
        },
        body,
        timeoutMs: DELIVERY_TIMEOUT_MS,
      });
    } catch (err) {
      await this.noteError(delivery.id, err instanceof Error ? err.message : String(err));
      throw err;
    }
    if (status < 200 || status > 299) {
      await this.noteError(delivery.id, `HTTP ${status}`);
      throw new Error(`webhook endpoint answered HTTP ${status}`);
    }
    await this.dataSource.query(
      `UPDATE webhook_deliveries SET status = 'delivered', delivered_at = now(), last_error = NULL WHERE id = $1`,
      [delivery.id],
    );
    return { status };
  }

  @OnWorkerEvent('failed')
  async onFailed(job: Job<DeliverWebhookJob>): Promise<void> {
    if (job.attemptsMade >= WEBHOOK_JOB_OPTIONS.attempts) {
      await this.dataSource.query(`UPDATE webhook_deliveries SET status = 'failed' WHERE id = $1`, [
        job.data.deliveryId,
      ]);
      this.logger.warn({ deliveryId: job.data.deliveryId }, 'webhook delivery failed for good');
    }
  }

  private async noteError(id: string, error: string): Promise<void> {
    await this.dataSource.query(`UPDATE webhook_deliveries SET last_error = $2 WHERE id = $1`, [
      id,
      error.slice(0, 500),
    ]);
  }
}
