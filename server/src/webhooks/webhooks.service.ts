import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { JobName, QueueName } from '../common/queues';

export enum WebhookEvent {
  EndUserThrottled = 'end_user.throttled',
  EndUserBlocked = 'end_user.blocked',
  EndUserUnblocked = 'end_user.unblocked',
  HeldCompletionReleased = 'held_completion.released',
  HeldCompletionDiscarded = 'held_completion.discarded',
}

export interface DeliverWebhookJob {
  deliveryId: string;
}

/** Retries span about half an hour before a delivery is marked failed. */
export const WEBHOOK_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 24 * 3600 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

@Injectable()
export class WebhooksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Webhooks) private readonly queue: Queue<DeliverWebhookJob>,
  ) {}

  /**
   * Records the notification and queues its delivery. `dedupeKey` names the underlying fact, so a redelivered job
   * that notices the same fact again does not notify twice.
   */
  async notify(
    applicationId: string,
    event: WebhookEvent,
    payload: Record<string, unknown>,
    dedupeKey: string,
  ): Promise<string | null> {
    const [application] = (await this.dataSource.query(`SELECT webhook_url FROM applications WHERE id = $1`, [
      applicationId,
    ])) as Array<{ webhook_url: string | null }>;
    if (!application?.webhook_url) return null;
    const deliveryId = `wh_${createHash('sha256').update(`${applicationId}:${event}:${dedupeKey}`).digest('hex').slice(0, 24)}`;
    const inserted = (await this.dataSource.query(
      `INSERT INTO webhook_deliveries (id, application_id, event, payload) VALUES ($1, $2, $3, $4::jsonb) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [deliveryId, applicationId, event, JSON.stringify(payload)],
    )) as Array<{ id: string }>;
    if (inserted.length > 0) {
      await this.queue.add(
        JobName.DeliverWebhook,
        { deliveryId },
        { ...WEBHOOK_JOB_OPTIONS, jobId: deliveryId },
      );
    }
    return deliveryId;
  }

  /** Sets where an application's notifications go; returns the signing secret, shown this once. */
  async configure(applicationId: string, url: string): Promise<string> {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
      throw new Error('a webhook URL must be http(s)');
    }
    const secret = `whsec_${randomBytes(24).toString('base64url')}`;
    await this.dataSource.query(
      `UPDATE applications SET webhook_url = $2, webhook_secret = $3 WHERE id = $1`,
      [applicationId, parsed.toString(), secret],
    );
    return secret;
  }
}
