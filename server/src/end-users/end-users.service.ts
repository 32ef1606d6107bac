import { Inject, Injectable } from '@nestjs/common';
import { Logger } from 'pino';
import { EntityManager } from 'typeorm';
import { LOGGER } from '../common/logger.module';
import { WebhookEvent } from '../contracts';
import { PoliciesService } from '../policies/policies.service';
import { StrikePolicy } from '../policies/policy.types';
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

/** What a log batch recorded of its end users, and the strike policies it looked up for it. */
export interface RecordedActivity {
  rows: EndUserRow[];
  policies: Map<string, StrikePolicy>;
}

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

  /**
   * Called with the records a log batch inserted, inside its transaction, so each request counts exactly once; its
   * answer goes to applyStrikes once the transaction committed.
   */
  async recordActivity(manager: EntityManager, records: RequestLogRecord[]): Promise<RecordedActivity> {
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
        halfLifeHours: null,
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
    const activity = [...byUser.values()];
    // Only new points need the policy's half-life (a batch without strikes keeps the one stored with the points).
    const striking = activity.filter((entry) => entry.points > 0);
    const policies = await this.strikePolicies(striking.map((entry) => entry.applicationId));
    for (const entry of striking)
      entry.halfLifeHours = policies.get(entry.applicationId)?.halfLifeHours ?? null;
    return { rows: await this.repository.addActivity(manager, activity), policies };
  }

  /**
   * After the batch committed: escalate whoever crossed a strike threshold, and let lapse a throttle or block whose
   * points have faded below it; the developer hears of either.
   */
  async applyStrikes({ rows, policies: known }: RecordedActivity): Promise<void> {
    const touched = rows.filter((row) => row.strike_points > 0 || row.status !== EndUserStatus.Active);
    // The batch looked up the policies of applications whose end users earned points; only the others are left.
    const policies = new Map([
      ...known,
      ...(await this.strikePolicies(
        touched.map((row) => row.application_id).filter((applicationId) => !known.has(applicationId)),
      )),
    ]);
    for (const row of touched) {
      const policy = policies.get(row.application_id);
      if (!policy) continue;
      const earned = statusFor(row.strike_points, policy);
      if (severity(earned) > severity(row.status)) await this.escalate(row, earned, policy);
      else if (severity(earned) < severity(row.status)) await this.lapse(row, earned, policy);
    }
  }

  /**
   * The worker's sweep: throttled or blocked end users whose points have halved since they were last counted are
   * counted again, so a throttle or block lapses once its points fade, even for an end user who sends nothing more.
   */
  async lapseFadedStrikes(): Promise<number> {
    let lapsed = 0;
    for (let batch = 0; batch < LAPSE_SWEEP_BATCHES; batch += 1) {
      const rows = await this.repository.transaction((manager) =>
        this.repository.decayStanding(manager, LAPSE_SWEEP_BATCH),
      );
      const policies = await this.strikePolicies(rows.map((row) => row.application_id));
      for (const row of rows) {
        const policy = policies.get(row.application_id);
        const earned = policy && statusFor(row.strike_points, policy);
        if (!policy || !earned || severity(earned) >= severity(row.status)) continue;
        await this.lapse(row, earned, policy);
        lapsed += 1;
      }
      if (rows.length < LAPSE_SWEEP_BATCH) break;
    }
    return lapsed;
  }

  private escalate(row: EndUserRow, earned: EndUserStatus, policy: StrikePolicy): Promise<void> {
    const reason = `${round(row.strike_points)} strike points (throttle at ${policy.throttleAt}, block at ${policy.blockAt})`;
    return this.changeStanding(row, earned, reason, 'end user escalated');
  }

  private lapse(row: EndUserRow, earned: EndUserStatus, policy: StrikePolicy): Promise<void> {
    // Points fade, or staff raised the thresholds: either way the status follows the points.
    const fading = policy.halfLifeHours === null ? '' : `, points halve every ${policy.halfLifeHours} h`;
    const reason = `strike points down to ${round(row.strike_points)} (throttle at ${policy.throttleAt}, block at ${policy.blockAt}${fading})`;
    return this.changeStanding(row, earned, reason, 'end user strikes lapsed');
  }

  private async changeStanding(
    row: EndUserRow,
    status: EndUserStatus,
    reason: string,
    message: string,
  ): Promise<void> {
    const updated = await this.setStanding(row, status, reason);
    // Staff blocked the end user: their block stands, and setEarnedStatus changed nothing.
    if (!updated) return;
    this.logger.info({ applicationId: row.application_id, endUser: row.end_user, status }, message);
    await this.notify(updated, reason);
  }

  /**
   * The status the points earned, in Postgres, then in the store every api instance reads on each request; null (and
   * nothing changed) for an end user staff blocked.
   */
  private async setStanding(
    row: EndUserRow,
    status: EndUserStatus,
    reason: string,
  ): Promise<EndUserRow | null> {
    const updated = await this.repository.transaction((manager) =>
      this.repository.setEarnedStatus(manager, row.application_id, row.end_user, status, reason),
    );
    if (updated) await this.store.set(row.application_id, row.end_user, status);
    return updated;
  }

  /** The event names the status the end user now has. */
  private async notify(row: EndUserRow, reason: string): Promise<void> {
    const { status } = row;
    const changedAt = row.status_changed_at ?? new Date();
    const event =
      status === EndUserStatus.Blocked
        ? WebhookEvent.EndUserBlocked
        : status === EndUserStatus.Throttled
          ? WebhookEvent.EndUserThrottled
          : WebhookEvent.EndUserUnblocked;
    await this.webhooks.notify(
      row.application_id,
      event,
      {
        applicationId: row.application_id,
        endUser: row.end_user,
        status,
        strikePoints: round(row.strike_points),
        reason,
        changedAt,
      },
      `${row.end_user}:${status}:${changedAt.toISOString()}`,
    );
  }

  private async strikePolicies(applicationIds: string[]): Promise<Map<string, StrikePolicy>> {
    const unique = [...new Set(applicationIds)];
    if (unique.length === 0) return new Map();
    const applications = await this.repository.applicationStatuses(unique);
    const policies = new Map<string, StrikePolicy>();
    for (const application of applications.values()) {
      policies.set(application.id, (await this.policies.resolve(application)).strikes);
    }
    return policies;
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
    const policy = (await this.strikePolicies([row.application_id])).get(row.application_id);
    if (!policy) return row.status;
    const earned = statusFor(row.strike_points, policy);
    if (severity(earned) >= severity(row.status)) return row.status;
    const reason = `strike points refunded: ${round(row.strike_points)} remain (throttle at ${policy.throttleAt}, block at ${policy.blockAt})`;
    return (await this.setStanding(row, earned, reason))?.status ?? row.status;
  }

  /** Staff lift a throttle or block (their own too); the strike record starts again from zero. */
  unblock(applicationId: string, endUser: string, reason: string): Promise<EndUserRow | null> {
    return this.decide(applicationId, endUser, EndUserStatus.Active, reason);
  }

  /** Staff block an end user: the block stands, whatever the points do, until staff lift it. */
  block(applicationId: string, endUser: string, reason: string): Promise<EndUserRow | null> {
    return this.decide(applicationId, endUser, EndUserStatus.Blocked, reason);
  }

  private async decide(
    applicationId: string,
    endUser: string,
    status: EndUserStatus.Active | EndUserStatus.Blocked,
    reason: string,
  ): Promise<EndUserRow | null> {
    const row = await this.repository.transaction((manager) =>
      this.repository.setStaffStatus(manager, applicationId, endUser, status, reason),
    );
    if (!row) return null;
    await this.store.set(applicationId, endUser, status);
    this.logger.info({ applicationId, endUser, status }, 'end user standing set by staff');
    await this.notify(row, reason);
    return row;
  }
}

/** End users brought up to date per transaction of the sweep, and transactions per beat (the rest wait a beat). */
const LAPSE_SWEEP_BATCH = 500;
const LAPSE_SWEEP_BATCHES = 20;

/** Points are halved, so they are shown to two decimals. */
function round(points: number): number {
  return Math.round(points * 100) / 100;
}

function severity(status: EndUserStatus): number {
  return status === EndUserStatus.Blocked ? 2 : status === EndUserStatus.Throttled ? 1 : 0;
}
