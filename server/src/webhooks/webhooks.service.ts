import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor, AuditAction, AuditEntityType } from '../audit/audit.types';
import { JobName, QueueName } from '../common/queues';
import { WardenConfig } from '../config/config';
import { WARDEN_CONFIG } from '../config/config.module';
import { WebhookEvent } from '../contracts';
import { checkWebhookUrl } from './webhook-url';
import { WebhooksError } from './webhooks.errors';

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
    private readonly audit: AuditService,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
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
    const { url, events } = await this.settings(applicationId);
    if (!url) return null;
    if (events && !events.includes(event)) return null;
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
  async configure(actor: Actor, applicationId: string, url: string): Promise<WebhookSettings> {
    const checked = await checkWebhookUrl(url, this.config.webhookAllowPrivate);
    const secret = newSecret();
    const events = await this.dataSource.transaction(async (manager) => {
      const [rows] = (await manager.query(
        `UPDATE applications SET webhook_url = $2, webhook_secret = $3 WHERE id = $1 RETURNING webhook_events`,
        [applicationId, checked.toString(), secret],
      )) as [Array<Pick<WebhookRow, 'webhook_events'>>, number];
      await this.audit.record(manager, {
        actor,
        action: AuditAction.WebhookConfigured,
        entityType: AuditEntityType.Application,
        entityId: applicationId,
        after: { webhookUrl: checked.toString() },
      });
      return rows[0]?.webhook_events ?? null;
    });
    return { url: checked.toString(), events, secret };
  }

  /** Which events the webhook is sent (null: every event); the URL and the signing secret stay as they are. */
  async chooseEvents(
    actor: Actor,
    applicationId: string,
    events: WebhookEvent[] | null,
  ): Promise<WebhookSettings> {
    return this.dataSource.transaction(async (manager) => {
      const before = await readWebhook(manager, applicationId, 'FOR UPDATE');
      await manager.query(`UPDATE applications SET webhook_events = $2 WHERE id = $1`, [
        applicationId,
        events,
      ]);
      await this.audit.record(manager, {
        actor,
        action: AuditAction.WebhookEventsChosen,
        entityType: AuditEntityType.Application,
        entityId: applicationId,
        before: { webhookEvents: before.events },
        after: { webhookEvents: events },
      });
      return { url: before.url, events };
    });
  }

  /** A new signing secret for the same URL; the old one stops signing at once. */
  async rotateSecret(actor: Actor, applicationId: string): Promise<WebhookSettings> {
    const secret = newSecret();
    const { url, events } = await this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query(
        `UPDATE applications SET webhook_secret = $2 WHERE id = $1 AND webhook_url IS NOT NULL
         RETURNING webhook_url, webhook_events`,
        [applicationId, secret],
      )) as [Array<WebhookRow & { webhook_url: string }>, number];
      const updated = row[0];
      if (!updated) {
        throw WebhooksError.notConfigured();
      }
      await this.audit.record(manager, {
        actor,
        action: AuditAction.WebhookSecretRotated,
        entityType: AuditEntityType.Application,
        entityId: applicationId,
      });
      return { url: updated.webhook_url, events: updated.webhook_events };
    });
    return { url, events, secret };
  }

  async settings(applicationId: string): Promise<WebhookSettings> {
    return readWebhook(this.dataSource, applicationId);
  }
}

interface WebhookRow {
  webhook_url: string | null;
  webhook_events: WebhookEvent[] | null;
}

/** An application's webhook URL and events (none for an unknown application); `lock` holds its row to the end. */
async function readWebhook(
  runner: Pick<EntityManager, 'query'>,
  applicationId: string,
  lock: 'FOR UPDATE' | '' = '',
): Promise<WebhookSettings> {
  const [row] = (await runner.query(
    `SELECT webhook_url, webhook_events FROM applications WHERE id = $1 ${lock}`,
    [applicationId],
  )) as WebhookRow[];
  return { url: row?.webhook_url ?? null, events: row?.webhook_events ?? null };
}

export interface WebhookSettings {
  url: string | null;
  /** The events sent; null: every event. */
  events: WebhookEvent[] | null;
  /** Shown once, when set or rotated. */
  secret?: string;
}

function newSecret(): string {
  return `whsec_${randomBytes(24).toString('base64url')}`;
}
