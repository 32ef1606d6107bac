import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ListPage, ListQuery } from '../common/list-query';
import { AuditService } from '../audit/audit.service';
import { Actor, ActorType, AuditAction, AuditEntityType } from '../audit/audit.types';
import { LabelSource, StaffLabel } from '../contracts';
import { EndUserRow } from '../end-users/end-users.repository';
import { EndUsersService } from '../end-users/end-users.service';
import { strikePoints } from '../end-users/strikes';
import { RateLimiter } from '../limits/rate-limiter';
import { ModerationAction, ModerationCategory } from '../moderation/moderation.types';
import { CallTrace, V1RequestContext } from '../v1/call-trace';
import { callerBudgets, CallerResolver } from '../v1/caller';
import { V1Recorder } from '../v1/v1-recorder';
import { OrganizationsService } from '../organizations/organizations.service';
import { staffActor } from '../staff/staff-principal';
import { CallRow, FeedbackRepository, NewLabel } from './feedback.repository';
import {
  assertKnownCategories,
  FeedbackResponse,
  LabelFilterField,
  LabelRow,
  LabelSortField,
  parseFeedback,
  toFeedbackResponse,
} from './feedback.dto';
import { CallNotFoundError } from './feedback.errors';
import { judges } from './label-sql';

interface LoggedVerdict {
  category: ModerationCategory;
  triggered?: boolean;
  action?: ModerationAction;
  failure?: unknown;
}

/** A staff member as the audit log and the labels table both name them. */
export type StaffActor = Actor & { id: string };

export function staffLabeler(staff: { id: string; email: string }): StaffActor {
  return { ...staffActor(staff), id: staff.id };
}

/** A staff label, from a queue or on its own. */
export interface StaffLabelInput extends StaffLabel {
  queueId: string | null;
}

/**
 * Labels on logged calls: developers and (through them) end users with `POST /v1/feedback`, staff from the
 * console. A staff "false positive" takes back the strike points the verdict cost the end user, once.
 */
@Injectable()
export class FeedbackService {
  constructor(
    private readonly repository: FeedbackRepository,
    private readonly callers: CallerResolver,
    private readonly rateLimiter: RateLimiter,
    private readonly recorder: V1Recorder,
    private readonly audit: AuditService,
    private readonly endUsers: EndUsersService,
    private readonly organizations: OrganizationsService,
  ) {}

  async submitFeedback(
    context: V1RequestContext,
  ): Promise<{ body: FeedbackResponse; headers: Record<string, string> }> {
    const trace = new CallTrace('/v1/feedback', context);
    try {
      const caller = (trace.caller = await this.callers.resolveCaller(context.authorization));
      // Charged before validation, like every /v1 route: a flood of malformed feedback still spends the budget.
      const headers = await this.rateLimiter.enforce(callerBudgets(caller, null), 0);
      const input = parseFeedback(context.body);
      trace.endUser = input.endUser;
      const call = await this.repository.findApplicationCall(caller.application.id, input.requestId);
      if (!call) throw new CallNotFoundError(input.requestId);
      const source = input.endUser ? LabelSource.EndUser : LabelSource.Developer;
      const label = await this.repository.transaction(async (manager) => {
        const row = await this.repository.insertLabel(manager, {
          requestId: call.requestId,
          applicationId: caller.application.id,
          source,
          queueId: null,
          staffUserId: null,
          endUser: input.endUser,
          rating: input.rating,
          categories: Object.fromEntries(input.categories.map((category) => [category, true])),
          falsePositive: false,
          comment: input.comment,
        });
        await this.audit.record(manager, {
          actor: { type: ActorType.Developer, id: null, email: null },
          action: AuditAction.LabelCreated,
          entityType: AuditEntityType.Label,
          entityId: row.id,
          after: { ...row, apiKeyId: caller.key.id },
        });
        return row;
      });
      await this.recorder.record(trace);
      return { body: toFeedbackResponse(label), headers };
    } catch (err) {
      await this.recorder.record(trace, err);
      throw err;
    }
  }

  /**
   * Stores a staff label (audited) and, for a false positive, refunds the call's strike points in the same
   * transaction. A false positive with no category judged says every triggered category was wrong.
   *
   * Staff who are developers in the call's organization may not judge its traffic (self-review): a false positive
   * would refund its own end users' strikes, and any judgment feeds the calibrations its policy is tuned from. A
   * skip judges nothing, so it stays open to them and their queue moves on.
   */
  async labelAsStaff(
    actor: StaffActor,
    input: StaffLabelInput,
    manager: EntityManager,
    call: CallRow,
  ): Promise<{ label: LabelRow; refunded: EndUserRow | null }> {
    assertKnownCategories(Object.keys(input.categories));
    if (judges(input) && call.organizationId && actor.email) {
      await this.organizations.assertOutsider(call.organizationId, actor.email);
    }
    const verdicts = (Array.isArray(call.verdicts) ? call.verdicts : []) as LoggedVerdict[];
    const categories = input.falsePositive
      ? falsePositiveTruth(input.categories, verdicts)
      : input.categories;
    const label = await this.repository.insertLabel(manager, {
      requestId: call.requestId,
      applicationId: call.applicationId,
      source: LabelSource.Staff,
      queueId: input.queueId,
      staffUserId: actor.id,
      endUser: call.endUser,
      rating: input.rating ?? null,
      categories,
      falsePositive: input.falsePositive,
      comment: input.comment ?? null,
    } satisfies NewLabel);
    await this.audit.record(manager, {
      actor,
      action: AuditAction.LabelCreated,
      entityType: AuditEntityType.Label,
      entityId: label.id,
      after: label,
    });
    const refunded = input.falsePositive ? await this.refund(actor, manager, call, verdicts, label.id) : null;
    return {
      label: refunded ? ((await this.repository.findLabel(label.id, manager)) ?? label) : label,
      refunded,
    };
  }

  /** A staff label outside any queue. */
  async createStaffLabel(actor: StaffActor, input: StaffLabel): Promise<LabelRow> {
    const call = await this.repository.findCall(input.requestId);
    if (!call) throw new CallNotFoundError(input.requestId, 'requestId');
    const { label, refunded } = await this.repository.transaction((manager) =>
      this.labelAsStaff(actor, { ...input, queueId: null }, manager, call),
    );
    await this.settle(refunded);
    return label;
  }

  /** After the label's transaction committed: the end user's status follows their remaining points. */
  async settle(refunded: EndUserRow | null): Promise<void> {
    if (refunded) await this.endUsers.settleRefund(refunded);
  }

  listLabels(query: ListQuery<LabelSortField, LabelFilterField>): Promise<ListPage<LabelRow>> {
    return this.repository.listLabels(query);
  }

  findLabel(id: string): Promise<LabelRow | null> {
    return this.repository.findLabel(id);
  }

  /** What a developer sees of the labels on their application's calls (staff identities left out by the mapper). */
  labelsOfApplication(applicationId: string, limit = 100): Promise<LabelRow[]> {
    return this.repository.labelsOfApplication(applicationId, limit);
  }

  private async refund(
    actor: Actor,
    manager: EntityManager,
    call: CallRow,
    verdicts: LoggedVerdict[],
    labelId: string,
  ): Promise<EndUserRow | null> {
    const points = strikePoints(verdicts);
    if (points === 0 || !call.applicationId || !call.endUser) return null;
    const first = await this.repository.recordRefund(manager, {
      requestId: call.requestId,
      applicationId: call.applicationId,
      endUser: call.endUser,
      points,
      labelId,
    });
    if (!first) return null;
    const row = await this.endUsers.refundStrikes(manager, call.applicationId, call.endUser, points);
    await this.audit.record(manager, {
      actor,
      action: AuditAction.StrikesRefunded,
      entityType: AuditEntityType.EndUser,
      entityId: `${call.applicationId}:${call.endUser}`,
      after: { requestId: call.requestId, labelId, points, strikePoints: row?.strike_points ?? null },
    });
    return row;
  }
}

/**
 * The categories a false positive denies: every category a verdict acted on (flag or stronger, as strikes count
 * them) that the labeler did not judge otherwise. Observed-only verdicts did nothing to be wrong about.
 */
function falsePositiveTruth(
  given: Record<string, boolean>,
  verdicts: LoggedVerdict[],
): Record<string, boolean> {
  const truth: Record<string, boolean> = {};
  for (const verdict of verdicts) {
    if (strikePoints([verdict]) > 0) truth[verdict.category] = false;
  }
  return { ...truth, ...given };
}
