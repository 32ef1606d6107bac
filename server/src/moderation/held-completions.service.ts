import {
  HeldDecision as ContractHeldDecision,
  HeldStatus,
  type AppliedVerdictResponse,
  type HeldOutput,
  WebhookEvent,
} from '../contracts';
import { ModerationErrorCode } from './moderation.errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ListPage, ListQuery } from '../common/list-query';
import { ListSource, runList } from '../database/list-sql';
import { AuditService } from '../audit/audit.service';
import { Actor, AuditAction, AuditEntityType } from '../audit/audit.types';
import { InvalidRequestError, NotFoundError } from '../common/errors';
import { OrganizationsService } from '../organizations/organizations.service';
import { WebhooksService } from '../webhooks/webhooks.service';
import {
  HELD_COMPLETION_LIST,
  HeldCompletionFilterField,
  HeldCompletionSortField,
} from './held-completions.dto';

// The decision vocabulary is the console's too.
export const HeldDecision = ContractHeldDecision;
export type HeldDecision = ContractHeldDecision;

export interface HeldCompletionAdminRow {
  id: string;
  requestId: string;
  applicationId: string;
  applicationName: string;
  apiKeyId: string;
  endUser: string | null;
  model: string;
  prompt: unknown;
  /** jsonb the completion path wrote: the completion as it would have been answered, and the applied verdicts. */
  response: HeldOutput | null;
  verdicts: AppliedVerdictResponse[] | null;
  status: HeldStatus;
  decidedBy: string | null;
  decisionReason: string | null;
  decidedAt: Date | null;
  createdAt: Date;
}

export const HELD_COMPLETION_LIST_SOURCE: ListSource<HeldCompletionSortField, HeldCompletionFilterField> = {
  contract: HELD_COMPLETION_LIST,
  columns: `h.id, h.request_id AS "requestId", h.application_id AS "applicationId", a.name AS "applicationName",
    h.api_key_id AS "apiKeyId", h.end_user AS "endUser", h.model, h.prompt, h.response, h.verdicts, h.status,
    h.decided_by AS "decidedBy", h.decision_reason AS "decisionReason", h.decided_at AS "decidedAt", h.created_at AS "createdAt"`,
  from: 'FROM held_completions h JOIN applications a ON a.id = h.application_id',
  sortColumns: {
    id: 'h.created_at',
    createdAt: 'h.created_at',
    status: 'h.status',
    applicationName: 'a.name',
  },
  tiebreaker: 'h.id',
  filterSql: {
    id: { column: 'h.id' },
    status: { column: 'h.status' },
    applicationId: { column: 'h.application_id' },
    endUser: { column: 'h.end_user' },
    q: { search: ['a.name', 'h.end_user', 'h.prompt::text'] },
  },
};

/** Staff decide what happens to outputs a policy held: release them to the developer, or discard them. */
@Injectable()
export class HeldCompletionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly webhooks: WebhooksService,
    private readonly organizations: OrganizationsService,
  ) {}

  list(query: ListQuery): Promise<ListPage<HeldCompletionAdminRow>> {
    return runList<HeldCompletionAdminRow>(this.dataSource, HELD_COMPLETION_LIST_SOURCE, query);
  }

  async get(id: string): Promise<HeldCompletionAdminRow> {
    const rows = (await this.dataSource.query(
      `SELECT ${HELD_COMPLETION_LIST_SOURCE.columns} ${HELD_COMPLETION_LIST_SOURCE.from} WHERE h.id = $1`,
      [id],
    )) as HeldCompletionAdminRow[];
    if (!rows[0])
      throw new NotFoundError(ModerationErrorCode.HeldCompletionNotFound, `No held completion ${id}.`, 'id');
    return rows[0];
  }

  async decide(
    actor: Actor,
    id: string,
    decision: HeldDecision,
    reason: string,
  ): Promise<HeldCompletionAdminRow> {
    // An output held from an application is released or discarded by staff outside its organization (self-review).
    const [owner] = (await this.dataSource.query(
      `SELECT a.organization_id AS "organizationId" FROM held_completions h
       JOIN applications a ON a.id = h.application_id WHERE h.id = $1`,
      [id],
    )) as Array<{ organizationId: string }>;
    if (owner && actor.email) await this.organizations.assertOutsider(owner.organizationId, actor.email);
    await this.dataSource.transaction(async (manager) => {
      const [rows] = (await manager.query(
        `UPDATE held_completions SET status = $2, decided_by = $3, decision_reason = $4, decided_at = now()
         WHERE id = $1 AND status = 'pending' RETURNING id, status, application_id`,
        [
          id,
          decision === HeldDecision.Release ? 'released' : 'discarded',
          actor.email ?? actor.id ?? actor.type,
          reason,
        ],
      )) as [Array<{ id: string; status: string; application_id: string }>, number];
      if (rows.length === 0) {
        const existing = await this.get(id);
        throw new InvalidRequestError(
          ModerationErrorCode.HeldCompletionDecided,
          `Held completion ${id} was already ${existing.status}.`,
          'id',
        );
      }
      await this.audit.record(manager, {
        actor,
        action:
          decision === HeldDecision.Release
            ? AuditAction.HeldCompletionReleased
            : AuditAction.HeldCompletionDiscarded,
        entityType: AuditEntityType.HeldCompletion,
        entityId: id,
        before: { status: 'pending' },
        after: { status: rows[0].status, reason },
      });
    });
    const held = await this.get(id);
    await this.webhooks.notify(
      held.applicationId,
      decision === HeldDecision.Release
        ? WebhookEvent.HeldCompletionReleased
        : WebhookEvent.HeldCompletionDiscarded,
      { heldCompletionId: held.id, requestId: held.requestId, status: held.status, reason },
      held.id,
    );
    return held;
  }
}
