import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { Actor, AuditAction, AuditEntityType } from '../audit/audit.types';
import { ListPage, ListQuery } from '../common/list-query';
import { CalibrationRow } from '../contracts';
import { isModerationCategory } from '../moderation/moderation.types';
import { CreateCalibration } from './calibration.dto';
import { CalibrationError } from './calibration.errors';
import { CalibrationRepository } from './calibration.repository';
import { CalibrationRecord } from './calibration.types';
import { PolicyProposalsRepository } from './policy-proposals.repository';
import { chooseThreshold, LabeledScore, majorityTruth } from './threshold-choice';

/** Categories that report a check's own failure: nothing to calibrate. */
const NOT_CALIBRATED = new Set(['check-failure', 'guard-unavailable', 'unreadable']);

/** check → category → request id → the highest score the check gave that category on the call (either direction). */
type ScoreTable = Map<string, Map<string, Map<string, number>>>;

/**
 * Calibration proposals from labels: per check and category, the precision/recall curve over a queue's labeled
 * calls, the threshold meeting the precision target with the highest recall, and what it would do to the volume
 * of recent traffic.
 */
@Injectable()
export class CalibrationService {
  constructor(
    private readonly repository: CalibrationRepository,
    private readonly proposals: PolicyProposalsRepository,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, staffId: string, input: CreateCalibration): Promise<CalibrationRecord> {
    if (!(await this.repository.queueExists(input.queueId)))
      throw CalibrationError.queueNotFound(input.queueId);
    const applicationId = input.scope.applicationId ?? null;
    if (applicationId && !(await this.proposals.application(applicationId))) {
      throw CalibrationError.applicationNotFound(applicationId);
    }
    const truth = new Map<string, Map<string, boolean>>();
    for (const item of await this.repository.judgments(input.queueId)) {
      const value = majorityTruth(item.judgments);
      if (value === null || !isModerationCategory(item.category) || NOT_CALIBRATED.has(item.category))
        continue;
      if (!truth.has(item.requestId)) truth.set(item.requestId, new Map());
      truth.get(item.requestId)!.set(item.category, value);
    }
    const logged = await this.repository.verdictsOf([...truth.keys()], applicationId);
    const scores = scoreTable(logged);
    const checks = input.checks ?? [...scores.keys()].sort();
    const rows: Array<Omit<CalibrationRow, 'volume'>> = [];
    for (const check of checks) {
      const byCategory = scores.get(check) ?? new Map<string, Map<string, number>>();
      for (const [category, scored] of [...byCategory.entries()].sort(([a], [b]) => a.localeCompare(b))) {
        // A call the check gave no stored verdict for this category scored below the log's 0.01 floor: 0.
        const items: LabeledScore[] = logged.flatMap(({ requestId }) => {
          const positive = truth.get(requestId)?.get(category);
          return positive === undefined ? [] : [{ score: scored.get(requestId) ?? 0, positive }];
        });
        if (items.length === 0) continue;
        const choice = chooseThreshold(items, input.precisionTarget);
        rows.push({
          check,
          category,
          labeledItems: items.length,
          positives: choice.positives,
          curve: choice.curve,
          chosen: choice.chosen,
          reason: choice.reason,
        });
      }
    }
    const volume = await this.repository.volume({
      applicationId,
      days: input.trafficDays,
      rows: rows.map((row) => ({
        check: row.check,
        category: row.category,
        threshold: row.chosen?.threshold ?? null,
      })),
    });
    const result: CalibrationRow[] = rows.map((row) => {
      const counts = volume.counts.get(`${row.check}\u0000${row.category}`) ?? { old: 0, new: 0 };
      return {
        ...row,
        volume: { calls: volume.calls, crossingOld: counts.old, crossingNew: row.chosen ? counts.new : null },
      };
    });
    const record = await this.repository.insert({
      queueId: input.queueId,
      applicationId,
      precisionTarget: input.precisionTarget,
      checks,
      trafficDays: input.trafficDays,
      labeledItems: logged.length,
      result,
      createdBy: staffId,
    });
    await this.audit.recordAlone({
      actor,
      action: AuditAction.CalibrationCreated,
      entityType: AuditEntityType.Calibration,
      entityId: record.id,
      after: { queueId: record.queueId, applicationId, precisionTarget: record.precisionTarget, checks },
    });
    return record;
  }

  async get(id: string): Promise<CalibrationRecord> {
    const record = await this.repository.find(id);
    if (!record) throw CalibrationError.calibrationNotFound(id);
    return record;
  }

  list(query: ListQuery): Promise<ListPage<CalibrationRecord>> {
    return this.repository.list(query);
  }
}

function scoreTable(logged: Array<{ requestId: string; verdicts: unknown }>): ScoreTable {
  const table: ScoreTable = new Map();
  for (const { requestId, verdicts } of logged) {
    for (const verdict of Array.isArray(verdicts) ? (verdicts as unknown[]) : []) {
      if (typeof verdict !== 'object' || verdict === null) continue;
      const { check, category, score } = verdict as Record<string, unknown>;
      if (typeof check !== 'string' || typeof category !== 'string' || typeof score !== 'number') continue;
      if (NOT_CALIBRATED.has(category)) continue;
      if (!table.has(check)) table.set(check, new Map());
      const byCategory = table.get(check)!;
      if (!byCategory.has(category)) byCategory.set(category, new Map());
      const scored = byCategory.get(category)!;
      scored.set(requestId, Math.max(scored.get(requestId) ?? 0, score));
    }
  }
  return table;
}
