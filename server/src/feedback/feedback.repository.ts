import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ListPage, ListQuery } from '../common/list-query';
import { Sampling, SamplingRule } from '../contracts';
import { ListSource, runList } from '../database/list-sql';
import { LabeledCall } from './dataset-export';
import { JUDGED } from './label-sql';
import {
  LABEL_LIST,
  LABEL_QUEUE_LIST,
  LabelFilterField,
  LabelQueueFilterField,
  LabelQueueRow,
  LabelQueueSortField,
  LabelRow,
  LabelSortField,
} from './feedback.dto';

/** A logged call, as labels need it. */
export interface CallRow {
  requestId: string;
  applicationId: string | null;
  /** The application's organization, whose developers may not label the call as staff (self-review). */
  organizationId: string | null;
  endUser: string | null;
  endpoint: string;
  model: string | null;
  prompt: unknown;
  output: unknown;
  verdicts: unknown;
  createdAt: Date;
}

export interface NewLabel {
  requestId: string;
  applicationId: string | null;
  source: LabelRow['source'];
  queueId: string | null;
  staffUserId: string | null;
  endUser: string | null;
  rating: LabelRow['rating'];
  categories: Record<string, boolean>;
  falsePositive: boolean;
  comment: string | null;
}

export interface QueueItemRow {
  requestId: string;
  position: number;
  remaining: number;
}

const TRIGGERED = `(v->>'triggered')::boolean AND v->>'action' IN ('flag', 'redact', 'hold', 'block')`;

const CALL_COLUMNS = `r.request_id AS "requestId", r.application_id AS "applicationId", r.end_user AS "endUser",
  r.endpoint, r.model, r.prompt, r.output, r.verdicts, r.created_at AS "createdAt",
  (SELECT a.organization_id FROM applications a WHERE a.id = r.application_id) AS "organizationId"`;

const LABEL_COLUMNS = `l.id, l.request_id AS "requestId", l.application_id AS "applicationId", l.source,
  l.queue_id AS "queueId", l.staff_user_id AS "staffUserId", l.end_user AS "endUser", l.rating, l.categories,
  l.false_positive AS "falsePositive", l.comment, l.created_at AS "createdAt",
  coalesce((SELECT s.points FROM strike_refunds s WHERE s.label_id = l.id), 0) AS "refundedPoints"`;

const LABEL_LIST_SOURCE: ListSource<LabelSortField, LabelFilterField> = {
  contract: LABEL_LIST,
  columns: LABEL_COLUMNS,
  from: 'FROM labels l',
  sortColumns: { id: 'l.created_at', createdAt: 'l.created_at', source: 'l.source' },
  tiebreaker: 'l.id',
  filterSql: {
    id: { column: 'l.id' },
    requestId: { column: 'l.request_id' },
    applicationId: { column: 'l.application_id' },
    queueId: { column: 'l.queue_id' },
    staffUserId: { column: 'l.staff_user_id' },
    source: { column: 'l.source' },
    rating: { column: 'l.rating' },
    falsePositive: { build: (values) => `${values[0] === 'true' ? '' : 'NOT '}l.false_positive` },
  },
};

const QUEUE_COLUMNS = `q.id, q.name, q.filter, q.sampling, q.target_size AS "targetSize",
  q.labels_per_item AS "labelsPerItem", q.status, q.created_by AS "createdBy", q.created_at AS "createdAt",
  (SELECT count(*)::int FROM label_queue_items i WHERE i.queue_id = q.id) AS items,
  (SELECT count(*)::int FROM label_queue_items i WHERE i.queue_id = q.id AND (
    SELECT count(DISTINCT l.staff_user_id) FROM labels l
    WHERE l.queue_id = q.id AND l.request_id = i.request_id AND ${JUDGED}) >= q.labels_per_item) AS completed,
  (SELECT count(*)::int FROM labels l WHERE l.queue_id = q.id AND ${JUDGED}) AS labels,
  (SELECT count(*)::int FROM labels l WHERE l.queue_id = q.id AND NOT ${JUDGED}) AS skipped`;

const QUEUE_LIST_SOURCE: ListSource<LabelQueueSortField, LabelQueueFilterField> = {
  contract: LABEL_QUEUE_LIST,
  columns: QUEUE_COLUMNS,
  from: 'FROM label_queues q',
  sortColumns: { id: 'q.created_at', createdAt: 'q.created_at', name: 'q.name', status: 'q.status' },
  tiebreaker: 'q.id',
  filterSql: {
    id: { column: 'q.id' },
    status: { column: 'q.status' },
    q: { search: ['q.name'] },
  },
};

/** What each sampling rule selects among the calls a queue's filter matches, and in which order it takes them. */
function samplingSql(
  sampling: Sampling,
  param: (value: unknown) => string,
): { where: string; order: string } {
  const newest = 'r.created_at DESC, r.request_id';
  switch (sampling.rule) {
    case SamplingRule.Flagged:
      return {
        where: `EXISTS (SELECT 1 FROM jsonb_array_elements(r.verdicts) v WHERE ${TRIGGERED})`,
        order: newest,
      };
    case SamplingRule.NearThreshold: {
      const category = param(sampling.category);
      const band = param(sampling.band);
      // The threshold a verdict was judged against is logged with it: the effective threshold at the time.
      const distance = `abs((v->>'score')::float8 - (v->>'threshold')::float8)`;
      const near = `v->>'category' = ${category} AND jsonb_typeof(v->'threshold') = 'number' AND ${distance} <= ${band}::float8`;
      return {
        where: `EXISTS (SELECT 1 FROM jsonb_array_elements(r.verdicts) v WHERE ${near})`,
        order: `(SELECT min(${distance}) FROM jsonb_array_elements(r.verdicts) v WHERE ${near}), ${newest}`,
      };
    }
    case SamplingRule.Uniform:
      return { where: 'true', order: `md5(${param(String(sampling.seed))} || r.request_id), r.request_id` };
    case SamplingRule.DeveloperDisputed:
      return {
        where: `EXISTS (SELECT 1 FROM labels l WHERE l.request_id = r.request_id AND l.application_id = r.application_id
          AND l.source = 'developer' AND (l.rating = 'bad' OR EXISTS (
            SELECT 1 FROM jsonb_each(l.categories) c WHERE (c.value = 'true'::jsonb) <> EXISTS (
              SELECT 1 FROM jsonb_array_elements(r.verdicts) v WHERE v->>'category' = c.key AND ${TRIGGERED}))))`,
        order: newest,
      };
    case SamplingRule.EndUserReports:
      return {
        where: `EXISTS (SELECT 1 FROM labels l WHERE l.request_id = r.request_id AND l.application_id = r.application_id
          AND l.source = 'end_user')`,
        order: newest,
      };
  }
}

@Injectable()
export class FeedbackRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** A call of this application, or null (another application's call does not exist for it). */
  async findApplicationCall(applicationId: string, requestId: string): Promise<CallRow | null> {
    const rows = (await this.dataSource.query(
      `SELECT ${CALL_COLUMNS} FROM request_logs r WHERE r.request_id = $1 AND r.application_id = $2 LIMIT 1`,
      [requestId, applicationId],
    )) as CallRow[];
    return rows[0] ?? null;
  }

  /** Any logged call, for staff. */
  async findCall(
    requestId: string,
    manager: EntityManager | DataSource = this.dataSource,
  ): Promise<CallRow | null> {
    const rows = (await manager.query(
      `SELECT ${CALL_COLUMNS} FROM request_logs r WHERE r.request_id = $1 ORDER BY r.created_at DESC LIMIT 1`,
      [requestId],
    )) as CallRow[];
    return rows[0] ?? null;
  }

  async insertLabel(manager: EntityManager, label: NewLabel): Promise<LabelRow> {
    const [{ id }] = (await manager.query(
      `INSERT INTO labels (request_id, application_id, source, queue_id, staff_user_id, end_user, rating, categories,
         false_positive, comment)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10) RETURNING id`,
      [
        label.requestId,
        label.applicationId,
        label.source,
        label.queueId,
        label.staffUserId,
        label.endUser,
        label.rating,
        JSON.stringify(label.categories),
        label.falsePositive,
        label.comment,
      ],
    )) as Array<{ id: string }>;
    return (await this.findLabel(id, manager))!;
  }

  async findLabel(
    id: string,
    manager: EntityManager | DataSource = this.dataSource,
  ): Promise<LabelRow | null> {
    const rows = (await manager.query(`SELECT ${LABEL_COLUMNS} FROM labels l WHERE l.id = $1`, [
      id,
    ])) as LabelRow[];
    return rows[0] ?? null;
  }

  listLabels(query: ListQuery<LabelSortField, LabelFilterField>): Promise<ListPage<LabelRow>> {
    return runList<LabelRow>(this.dataSource, LABEL_LIST_SOURCE, query);
  }

  /** Labels on one application's calls, newest first: what its developer may see. */
  labelsOfApplication(applicationId: string, limit: number): Promise<LabelRow[]> {
    return this.dataSource.query(
      `SELECT ${LABEL_COLUMNS} FROM labels l WHERE l.application_id = $1 ORDER BY l.created_at DESC, l.id LIMIT $2`,
      [applicationId, limit],
    ) as Promise<LabelRow[]>;
  }

  /** Records the refund of one call's strike points; false when that call was refunded before. */
  async recordRefund(
    manager: EntityManager,
    refund: { requestId: string; applicationId: string; endUser: string; points: number; labelId: string },
  ): Promise<boolean> {
    const rows = (await manager.query(
      `INSERT INTO strike_refunds (request_id, application_id, end_user, points, label_id)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (request_id) DO NOTHING RETURNING request_id`,
      [refund.requestId, refund.applicationId, refund.endUser, refund.points, refund.labelId],
    )) as unknown[];
    return rows.length === 1;
  }

  /**
   * Creates a queue and samples its items in one statement: the calls the filter's conditions match and the rule
   * selects, in the rule's order, up to the target size.
   */
  async createQueue(
    manager: EntityManager,
    queue: {
      name: string;
      filter: Record<string, unknown>;
      sampling: Sampling;
      targetSize: number;
      labelsPerItem: number;
      createdBy: string;
    },
    filterWhere: (param: (value: unknown) => string) => string[],
  ): Promise<string> {
    const [{ id }] = (await manager.query(
      `INSERT INTO label_queues (name, filter, sampling, target_size, labels_per_item, created_by)
       VALUES ($1, $2::jsonb, $3::jsonb, $4, $5, $6) RETURNING id`,
      [
        queue.name,
        JSON.stringify(queue.filter),
        JSON.stringify(queue.sampling),
        queue.targetSize,
        queue.labelsPerItem,
        queue.createdBy,
      ],
    )) as Array<{ id: string }>;
    const params: unknown[] = [id, queue.targetSize];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = [
      'r.application_id IS NOT NULL',
      'r.prompt IS NOT NULL',
      ...filterWhere(param).map((condition) => `(${condition})`),
    ];
    const rule = samplingSql(queue.sampling, param);
    await manager.query(
      `INSERT INTO label_queue_items (queue_id, request_id, position)
       SELECT $1, s.request_id, row_number() OVER (ORDER BY s.ord)
       FROM (
         SELECT r.request_id, row_number() OVER (ORDER BY ${rule.order}) AS ord
         FROM request_logs r WHERE ${where.join(' AND ')} AND (${rule.where})
         ORDER BY ${rule.order} LIMIT $2
       ) s`,
      params,
    );
    return id;
  }

  listQueues(query: ListQuery<LabelQueueSortField, LabelQueueFilterField>): Promise<ListPage<LabelQueueRow>> {
    return runList<LabelQueueRow>(this.dataSource, QUEUE_LIST_SOURCE, query);
  }

  async findQueue(
    id: string,
    manager: EntityManager | DataSource = this.dataSource,
  ): Promise<LabelQueueRow | null> {
    const rows = (await manager.query(`SELECT ${QUEUE_COLUMNS} FROM label_queues q WHERE q.id = $1`, [
      id,
    ])) as LabelQueueRow[];
    return rows[0] ?? null;
  }

  async closeQueue(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE label_queues SET status = 'closed' WHERE id = $1`, [id]);
  }

  /** Locks the queue row: labels of one queue are taken one at a time, so an item never gets more than it asks. */
  async lockQueue(
    manager: EntityManager,
    id: string,
  ): Promise<{ status: string; labelsPerItem: number } | null> {
    const rows = (await manager.query(
      `SELECT status, labels_per_item AS "labelsPerItem" FROM label_queues WHERE id = $1 FOR UPDATE`,
      [id],
    )) as Array<{ status: string; labelsPerItem: number }>;
    return rows[0] ?? null;
  }

  /** How an item stands for one labeler: null when the call is not in the queue. */
  async itemState(
    manager: EntityManager,
    queueId: string,
    requestId: string,
    staffUserId: string,
  ): Promise<{ judged: number; mine: number } | null> {
    const rows = (await manager.query(
      `SELECT
         (SELECT count(DISTINCT l.staff_user_id)::int FROM labels l
          WHERE l.queue_id = i.queue_id AND l.request_id = i.request_id AND ${JUDGED}) AS judged,
         (SELECT count(*)::int FROM labels l
          WHERE l.queue_id = i.queue_id AND l.request_id = i.request_id AND l.staff_user_id = $3) AS mine
       FROM label_queue_items i WHERE i.queue_id = $1 AND i.request_id = $2`,
      [queueId, requestId, staffUserId],
    )) as Array<{ judged: number; mine: number }>;
    return rows[0] ?? null;
  }

  /** The first item this labeler has neither labeled nor skipped and that still needs labels. */
  async nextItem(queueId: string, staffUserId: string, labelsPerItem: number): Promise<QueueItemRow | null> {
    const rows = (await this.dataSource.query(
      `SELECT i.request_id AS "requestId", i.position, count(*) OVER ()::int AS remaining
       FROM label_queue_items i
       WHERE i.queue_id = $1
         AND NOT EXISTS (SELECT 1 FROM labels l WHERE l.queue_id = i.queue_id AND l.request_id = i.request_id
                         AND l.staff_user_id = $2)
         AND (SELECT count(DISTINCT l.staff_user_id) FROM labels l
              WHERE l.queue_id = i.queue_id AND l.request_id = i.request_id AND ${JUDGED}) < $3
       ORDER BY i.position LIMIT 1`,
      [queueId, staffUserId, labelsPerItem],
    )) as QueueItemRow[];
    return rows[0] ?? null;
  }

  /** The judged staff labels of a queue's doubly-labeled items, oldest first per item. */
  doubleLabels(
    queueId: string,
  ): Promise<Array<{ requestId: string; staffUserId: string; categories: Record<string, boolean> }>> {
    return this.dataSource.query(
      `SELECT l.request_id AS "requestId", l.staff_user_id AS "staffUserId", l.categories
       FROM labels l
       WHERE l.queue_id = $1 AND l.staff_user_id IS NOT NULL AND ${JUDGED}
         AND (SELECT count(*) FROM labels o WHERE o.queue_id = l.queue_id AND o.request_id = l.request_id
              AND o.staff_user_id IS NOT NULL AND NOT (o.categories = '{}'::jsonb AND NOT o.false_positive AND o.rating IS NULL)) >= 2
       ORDER BY l.request_id, l.created_at, l.id`,
      [queueId],
    ) as Promise<Array<{ requestId: string; staffUserId: string; categories: Record<string, boolean> }>>;
  }

  /**
   * One page of labeled calls for an export, in (created_at, request_id) order after `after`. Staff judgments come
   * from the queue's labels when a queue is given (from any staff label otherwise); ratings from every label.
   */
  async labeledCalls(
    scope: { queueId: string } | { filterWhere: (param: (value: unknown) => string) => string[] },
    after: { createdAt: Date; requestId: string } | null,
    limit: number,
  ): Promise<Array<LabeledCall & { createdAt: Date }>> {
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where: string[] = [];
    let staffScope = `l.source = 'staff'`;
    if ('queueId' in scope) {
      const queue = param(scope.queueId);
      where.push(`r.request_id IN (SELECT request_id FROM label_queue_items WHERE queue_id = ${queue})`);
      staffScope += ` AND l.queue_id = ${queue}`;
    } else {
      where.push(...scope.filterWhere(param).map((condition) => `(${condition})`));
    }
    if (after) {
      where.push(
        `(r.created_at, r.request_id) > (${param(after.createdAt)}::timestamptz, ${param(after.requestId)})`,
      );
    }
    const rows = (await this.dataSource.query(
      `SELECT r.request_id AS "requestId", r.created_at AS "createdAt", r.prompt, r.output,
         coalesce(jsonb_agg(l.categories) FILTER (WHERE ${staffScope} AND ${JUDGED}), '[]'::jsonb) AS "staffCategories",
         count(*) FILTER (WHERE l.rating = 'good')::int AS "goodRatings",
         count(*) FILTER (WHERE l.rating = 'bad')::int AS "badRatings"
       FROM request_logs r
       JOIN labels l ON l.request_id = r.request_id AND l.application_id = r.application_id
       ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       GROUP BY r.request_id, r.created_at, r.prompt, r.output
       ORDER BY r.created_at, r.request_id
       LIMIT ${param(limit)}`,
      params,
    )) as Array<LabeledCall & { createdAt: Date }>;
    return rows;
  }
}
