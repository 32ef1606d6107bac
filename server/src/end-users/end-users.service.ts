import { Inject, Injectable } from '@nestjs/common';
import { Logger } from 'pino';
import { EntityManager } from 'typeorm';
import { LOGGER } from '../common/logger.module';
import { WebhookEvent } from '../contracts';
import { PoliciesService } from '../policies/policies.service';
import { ModerationAction, ModerationCategory } from '../moderation/moderation.types';
import { RequestLogRecord } from '../request-logs/request-log.record';
import { WebhooksService } from '../webhooks/webhooks.service';
import { EndUserStatusStore } from './end-user-status.store';
import { EndUserActivity, EndUserRow, EndUsersRepository } from './end-users.repository';
import { EndUserStatus, isFlagged, statusFor, strikePoints } from './strikes';

type LoggedVerdicts = Array<{
  category: ModerationCategory;
  triggered?: boolean;
  action?: ModerationAction;
  failure?: unknown;
}>;

/**
 * Who each application's end users are, how much they send and how often it is flagged. Strikes throttle, then
 * block, one end user without touching the application; the developer hears of it through a signed webhook.
 */
@Injectable()
export class EndUsersService {
  constructor(
    private readonly repository: EndUsersRepository,
    private readonly store: EndUserStatusStore,
    private readonly policies: PoliciesService,
    private readonly webhooks: WebhooksService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  status(applicationId: string, endUser: string): Promise<EndUserStatus> {
    return this.store.get(applicationId, endUser);
  }

  /** Called with the records a log batch inserted, inside its transaction, so each request counts exactly once. */
  async recordActivity(manager: EntityManager, records: RequestLogRecord[]): Promise<EndUserRow[]> {
    const byUser = new Map<string, EndUserActivity>();
    for (const record of records) {
      if (!record.applicationId || !record.endUser) continue;
      const key = `${record.applicationId}\u0000${record.endUser}`;
      const verdicts = (record.verdicts ?? []) as LoggedVerdicts;
      const entry = byUser.get(key) ?? {
        applicationId: record.applicationId,
        endUser: record.endUser,
        requests: 0,
        flagged: 0,
        points: 0,
        firstSeenAt: record.createdAt,
        lastSeenAt: record.createdAt,
      };
      entry.requests += 1;
      entry.flagged += isFlagged(verdicts) ? 1 : 0;
      entry.points += strikePoints(verdicts);
      if (record.createdAt < entry.firstSeenAt) entry.firstSeenAt = record.createdAt;
      if (record.createdAt > entry.lastSeenAt) entry.lastSeenAt = record.createdAt;
      byUser.set(key, entry);
    }
    return this.repository.addActivity(manager, [...byUser.values()]);
  }

  /** After the batch committed: escalate whoever crossed a strike threshold, and tell the developer. */
  async applyStrikes(rows: EndUserRow[]): Promise<void> {
    const escalating = rows.filter((row) => row.strike_points > 0);
    if (escalating.length === 0) return;
    const applications = await this.repository.applicationStatuses([
      ...new Set(escalating.map((row) => row.application_id)),
    ]);
    for (const row of escalating) {
      const application = applications.get(row.application_id);
      if (!application) continue;
      const policy = await this.policies.resolve(application);
      const earned = statusFor(row.strike_points, policy.strikes);
      if (severity(earned) <= severity(row.status)) continue;
      const reason = `${row.strike_points} strike points (throttle at ${policy.strikes.throttleAt}, block at ${policy.strikes.blockAt})`;
      const updated = await this.repository.transaction((manager) =>
        this.repository.setStatus(manager, row.application_id, row.end_user, earned, reason),
      );
      await this.store.set(row.application_id, row.end_user, earned);
      this.logger.info(
        { applicationId: row.application_id, endUser: row.end_user, status: earned },
        'end user escalated',
      );
      await this.webhooks.notify(
        row.application_id,
        earned === EndUserStatus.Blocked ? WebhookEvent.EndUserBlocked : WebhookEvent.EndUserThrottled,
        {
          applicationId: row.application_id,
          endUser: row.end_user,
          status: earned,
          strikePoints: row.strike_points,
          reason,
          changedAt: updated?.status_changed_at ?? new Date(),
        },
        `${row.end_user}:${earned}:${updated?.status_changed_at?.toISOString() ?? ''}`,
      );
    }
  }

  /** A strike earned by a verdict staff judged wrong is taken back, inside the transaction that records why. */
  refundStrikes(
    manager: EntityManager,
    applicationId: string,
    endUser: string,
    points: number,
  ): Promise<EndUserRow | null> {
    return this.repository.refundPoints(manager, applicationId, endUser, points);
  }

  /**
   * After a refund committed: an end user whose remaining points no longer earn their throttle or block is
   * de-escalated to what the points do earn (strikes only ever escalate; staff unblocks reset to zero).
   */
  async settleRefund(row: EndUserRow): Promise<EndUserStatus> {
    const [application] = [...(await this.repository.applicationStatuses([row.application_id])).values()];
    if (!application) return row.status;
    const policy = await this.policies.resolve(application);
    const earned = statusFor(row.strike_points, policy.strikes);
    if (severity(earned) >= severity(row.status)) return row.status;
    const reason = `strike points refunded: ${row.strike_points} remain (throttle at ${policy.strikes.throttleAt}, block at ${policy.strikes.blockAt})`;
    await this.repository.transaction((manager) =>
      this.repository.setStatus(manager, row.application_id, row.end_user, earned, reason),
    );
    await this.store.set(row.application_id, row.end_user, earned);
    return earned;
  }

  /** Staff lift a throttle or block; the strike record starts again from zero. */
  async unblock(applicationId: string, endUser: string, reason: string): Promise<EndUserRow | null> {
    const row = await this.repository.transaction((manager) =>
      this.repository.setStatus(manager, applicationId, endUser, EndUserStatus.Active, reason, true),
    );
    if (!row) return null;
    await this.store.set(applicationId, endUser, EndUserStatus.Active);
    await this.webhooks.notify(
      applicationId,
      WebhookEvent.EndUserUnblocked,
      { applicationId, endUser, reason },
      `${endUser}:unblocked:${row.status_changed_at?.toISOString()}`,
    );
    return row;
  }
}

function severity(status: EndUserStatus): number {
  return status === EndUserStatus.Blocked ? 2 : status === EndUserStatus.Throttled ? 1 : 0;
}
