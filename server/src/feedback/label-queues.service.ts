import { Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import { ListPage, ListQuery, parseListQuery } from '../common/list-query';
import { AuditService } from '../audit/audit.service';
import { Actor, AuditAction, AuditEntityType } from '../audit/audit.types';
import {
  CategoryAgreement,
  CreateLabelQueue,
  ExportFormat,
  QueueLabel,
  QueueStatus,
  SamplingRule,
} from '../contracts';
import { buildListWhere } from '../database/list-sql';
import { REQUEST_LOG_LIST } from '../request-logs/request-log-search.dto';
import { REQUEST_LOG_LIST_SOURCE } from '../request-logs/request-log-search.repository';
import { fineTuningLine, LabeledCall, moderationLine } from './dataset-export';
import {
  assertKnownCategories,
  LabelQueueFilterField,
  LabelQueueRow,
  LabelQueueSortField,
  LabelRow,
  QueueItemResponse,
  toQueueItemResponse,
} from './feedback.dto';
import {
  CallNotFoundError,
  InvalidExportError,
  ItemNotFoundError,
  LabelConflictError,
  QueueNotFoundError,
} from './feedback.errors';
import { FeedbackRepository } from './feedback.repository';
import { FeedbackService, StaffActor } from './feedback.service';
import { cohensKappa, JudgmentPair } from './kappa';

const EXPORT_PAGE = 500;

type FilterWhere = (param: (value: unknown) => string) => string[];

/** A request-log filter as `/admin/request-logs` takes it, checked by the same contract (a 400 names what is wrong). */
export function requestLogFilter(filter: Record<string, unknown>): FilterWhere {
  const parsed = parseListQuery({ filter: JSON.stringify(filter) }, REQUEST_LOG_LIST).filter;
  return (param) => buildListWhere(REQUEST_LOG_LIST_SOURCE, parsed, param);
}

/** Labeling queues: sampled once from the request log, worked item by item, measured by labeler agreement. */
@Injectable()
export class LabelQueuesService {
  constructor(
    private readonly repository: FeedbackRepository,
    private readonly feedback: FeedbackService,
    private readonly audit: AuditService,
  ) {}

  async create(actor: StaffActor, input: CreateLabelQueue): Promise<LabelQueueRow> {
    const filterWhere = requestLogFilter(input.filter);
    if (input.sampling.rule === SamplingRule.NearThreshold) {
      assertKnownCategories([input.sampling.category], 'sampling.category');
    }
    const id = await this.repository.transaction(async (manager) => {
      const created = await this.repository.createQueue(
        manager,
        { ...input, createdBy: actor.id },
        filterWhere,
      );
      const queue = await this.repository.findQueue(created, manager);
      await this.audit.record(manager, {
        actor,
        action: AuditAction.LabelQueueCreated,
        entityType: AuditEntityType.LabelQueue,
        entityId: created,
        after: queue,
      });
      return created;
    });
    return (await this.repository.findQueue(id))!;
  }

  list(query: ListQuery<LabelQueueSortField, LabelQueueFilterField>): Promise<ListPage<LabelQueueRow>> {
    return this.repository.listQueues(query);
  }

  async get(id: string): Promise<{ queue: LabelQueueRow; agreement: CategoryAgreement[] }> {
    const queue = await this.repository.findQueue(id);
    if (!queue) throw new QueueNotFoundError(id);
    return { queue, agreement: await this.agreement(id) };
  }

  async close(actor: Actor, id: string): Promise<LabelQueueRow> {
    await this.repository.transaction(async (manager) => {
      const before = await this.repository.findQueue(id, manager);
      if (!before) throw new QueueNotFoundError(id);
      await this.repository.closeQueue(manager, id);
      await this.audit.record(manager, {
        actor,
        action: AuditAction.LabelQueueClosed,
        entityType: AuditEntityType.LabelQueue,
        entityId: id,
        before: { status: before.status },
        after: { status: QueueStatus.Closed },
      });
    });
    return (await this.repository.findQueue(id))!;
  }

  /** The labeler's next item with what they judge it by, or null when nothing is left for them. */
  async next(staffUserId: string, queueId: string): Promise<QueueItemResponse | null> {
    const queue = await this.repository.findQueue(queueId);
    if (!queue) throw new QueueNotFoundError(queueId);
    if (queue.status === QueueStatus.Closed) return null;
    const item = await this.repository.nextItem(queueId, staffUserId, queue.labelsPerItem);
    if (!item) return null;
    const call = await this.repository.findCall(item.requestId);
    if (!call) throw new CallNotFoundError(item.requestId, 'requestId');
    return toQueueItemResponse(queueId, item, {
      ...call,
      prompt: textOf(call.prompt),
      output: outputOf(call.output),
    });
  }

  /** One labeler's label (or skip) on one item; the queue row is locked so an item gets no more labels than asked. */
  async label(actor: StaffActor, queueId: string, requestId: string, input: QueueLabel): Promise<LabelRow> {
    const call = await this.repository.findCall(requestId);
    const { label, refunded } = await this.repository.transaction(async (manager) => {
      const queue = await this.repository.lockQueue(manager, queueId);
      if (!queue) throw new QueueNotFoundError(queueId);
      if (queue.status === QueueStatus.Closed) throw LabelConflictError.closed(queueId);
      const state = await this.repository.itemState(manager, queueId, requestId, actor.id);
      if (!state || !call) throw new ItemNotFoundError(queueId, requestId);
      if (state.mine > 0) throw LabelConflictError.already(requestId);
      const skip = 'skip' in input && input.skip === true;
      if (!skip && state.judged >= queue.labelsPerItem) throw LabelConflictError.complete(requestId);
      const staffLabel =
        'categories' in input
          ? {
              requestId,
              categories: input.categories,
              falsePositive: input.falsePositive ?? false,
              rating: input.rating,
              comment: input.comment,
              queueId,
            }
          : { requestId, categories: {}, falsePositive: false, comment: input.comment, queueId };
      return this.feedback.labelAsStaff(actor, staffLabel, manager, call);
    });
    await this.feedback.settle(refunded);
    return label;
  }

  /** Cohen's kappa per category between the first two labelers of every doubly-labeled item. */
  async agreement(queueId: string): Promise<CategoryAgreement[]> {
    const rows = await this.repository.doubleLabels(queueId);
    const byItem = new Map<string, Array<Record<string, boolean>>>();
    for (const row of rows) {
      const labels = byItem.get(row.requestId) ?? [];
      labels.push(row.categories);
      byItem.set(row.requestId, labels);
    }
    const pairs = new Map<string, JudgmentPair[]>();
    for (const labels of byItem.values()) {
      const [first, second] = labels;
      if (!first || !second) continue;
      for (const category of Object.keys(first)) {
        if (!(category in second)) continue;
        const list = pairs.get(category) ?? [];
        list.push([first[category], second[category]]);
        pairs.set(category, list);
      }
    }
    return [...pairs.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([category, judged]) => ({ category, ...cohensKappa(judged) }));
  }

  /** A JSONL stream of a queue's labeled calls, read page by page so an export never sits whole in memory. */
  async exportQueue(queueId: string, format: string | undefined): Promise<Readable> {
    const line = lineWriter(format);
    if (!(await this.repository.findQueue(queueId))) throw new QueueNotFoundError(queueId);
    return this.stream({ queueId }, line);
  }

  exportFilter(filter: Record<string, unknown>, format: string | undefined): Readable {
    const line = lineWriter(format);
    return this.stream({ filterWhere: requestLogFilter(filter) }, line);
  }

  private stream(
    scope: { queueId: string } | { filterWhere: FilterWhere },
    line: (call: LabeledCall) => string | null,
  ): Readable {
    const repository = this.repository;
    async function* lines(): AsyncGenerator<string> {
      let after: { createdAt: Date; requestId: string } | null = null;
      for (;;) {
        const page = await repository.labeledCalls(scope, after, EXPORT_PAGE);
        for (const call of page) {
          const text = line(call);
          if (text !== null) yield `${text}\n`;
        }
        if (page.length < EXPORT_PAGE) return;
        const last = page[page.length - 1];
        after = { createdAt: last.createdAt, requestId: last.requestId };
      }
    }
    return Readable.from(lines());
  }
}

function lineWriter(format: string | undefined): (call: LabeledCall) => string | null {
  if (format === ExportFormat.Moderation) return moderationLine;
  if (format === ExportFormat.FineTuning) return fineTuningLine;
  throw new InvalidExportError(
    `format must be one of: ${ExportFormat.Moderation}, ${ExportFormat.FineTuning}`,
    'format',
  );
}

function textOf(prompt: unknown): string | null {
  if (prompt === null || prompt === undefined) return null;
  if (typeof prompt === 'string') return prompt;
  if (Array.isArray(prompt)) {
    return prompt
      .map((item: unknown) =>
        typeof item === 'string'
          ? item
          : typeof item === 'object' && item !== null && 'content' in item
            ? `${'role' in item ? String(item.role) : 'user'}: ${String(item.content)}`
            : JSON.stringify(item),
      )
      .join('\n\n');
  }
  return JSON.stringify(prompt);
}

function outputOf(output: unknown): string | null {
  if (!Array.isArray(output)) return null;
  return output
    .map((choice: unknown) =>
      typeof choice === 'object' && choice !== null && 'text' in choice ? String(choice.text) : '',
    )
    .join('\n\n');
}
