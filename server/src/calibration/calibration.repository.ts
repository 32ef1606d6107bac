import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ListPage, ListQuery } from '../common/list-query';
import { CalibrationRow } from '../contracts';
import { ListSource, runList } from '../database/list-sql';
import { CALIBRATION_LIST, CalibrationFilterField, CalibrationSortField } from './calibration.dto';
import { CalibrationRecord } from './calibration.types';

const COLUMNS = `c.id, c.queue_id AS "queueId", c.application_id AS "applicationId",
  c.precision_target AS "precisionTarget", c.checks, c.traffic_days AS "trafficDays",
  c.labeled_items AS "labeledItems", c.result, c.created_by AS "createdBy", c.created_at AS "createdAt"`;

const CALIBRATION_LIST_SOURCE: ListSource<CalibrationSortField, CalibrationFilterField> = {
  contract: CALIBRATION_LIST,
  columns: COLUMNS,
  from: 'FROM calibrations c',
  sortColumns: { id: 'c.id', createdAt: 'c.created_at', precisionTarget: 'c.precision_target' },
  tiebreaker: 'c.id',
  filterSql: {
    id: { column: 'c.id' },
    queueId: { column: 'c.queue_id' },
    applicationId: { column: 'c.application_id' },
  },
};

/** The labels of one queue item for one category, oldest first. */
export interface ItemJudgments {
  requestId: string;
  category: string;
  judgments: boolean[];
}

/** The stored verdicts of one labeled call. */
export interface LabeledCallVerdicts {
  requestId: string;
  verdicts: unknown;
}

export interface VolumeQuery {
  applicationId: string | null;
  days: number;
  /** New thresholds by check and category; a null threshold is counted on old thresholds only. */
  rows: Array<{ check: string; category: string; threshold: number | null }>;
}

/** Labels and logged verdicts as calibration reads them, and the stored calibrations. */
@Injectable()
export class CalibrationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async queueExists(queueId: string): Promise<boolean> {
    const rows = (await this.dataSource.query(`SELECT 1 FROM label_queues WHERE id = $1`, [
      queueId,
    ])) as unknown[];
    return rows.length > 0;
  }

  /** Every category judgment (true or false) the labels of a queue hold, per item, in the order given. */
  async judgments(queueId: string): Promise<ItemJudgments[]> {
    return (await this.dataSource.query(
      `SELECT l.request_id AS "requestId", c.key AS category,
              array_agg(c.value = 'true'::jsonb ORDER BY l.created_at, l.id) AS judgments
         FROM labels l CROSS JOIN LATERAL jsonb_each(l.categories) c
        WHERE l.queue_id = $1 AND jsonb_typeof(c.value) = 'boolean'
        GROUP BY l.request_id, c.key`,
      [queueId],
    )) as ItemJudgments[];
  }

  /** The logged verdicts of the given calls, within one application when the calibration is scoped to it. */
  async verdictsOf(requestIds: string[], applicationId: string | null): Promise<LabeledCallVerdicts[]> {
    if (requestIds.length === 0) return [];
    return (await this.dataSource.query(
      `SELECT request_id AS "requestId", verdicts FROM request_logs
        WHERE request_id = ANY($1::text[]) AND ($2::uuid IS NULL OR application_id = $2::uuid)`,
      [requestIds, applicationId],
    )) as LabeledCallVerdicts[];
  }

  /**
   * Over the logged calls of the scope in the last `days` days: how many there are, and per check and category how
   * many crossed the threshold each verdict was held to when the call was made, and how many the new one.
   */
  async volume(
    query: VolumeQuery,
  ): Promise<{ calls: number; counts: Map<string, { old: number; new: number }> }> {
    const window = `r.created_at >= now() - make_interval(days => $1) AND ($2::uuid IS NULL OR r.application_id = $2::uuid)`;
    const [{ calls }] = (await this.dataSource.query(
      `SELECT count(*)::int AS calls FROM request_logs r WHERE ${window}`,
      [query.days, query.applicationId],
    )) as Array<{ calls: number }>;
    const rows = (await this.dataSource.query(
      `SELECT t.check_name AS "check", t.category,
              count(DISTINCT r.request_id) FILTER (
                WHERE (v->>'score')::float8 >= (v->>'threshold')::float8)::int AS old,
              count(DISTINCT r.request_id) FILTER (WHERE (v->>'score')::float8 >= t.threshold)::int AS new
         FROM unnest($3::text[], $4::text[], $5::float8[]) AS t(check_name, category, threshold)
         JOIN request_logs r ON ${window} AND jsonb_typeof(r.verdicts) = 'array'
         CROSS JOIN LATERAL jsonb_array_elements(r.verdicts) v
        WHERE v->>'check' = t.check_name AND v->>'category' = t.category
        GROUP BY t.check_name, t.category`,
      [
        query.days,
        query.applicationId,
        query.rows.map((row) => row.check),
        query.rows.map((row) => row.category),
        query.rows.map((row) => row.threshold),
      ],
    )) as Array<{ check: string; category: string; old: number; new: number }>;
    return {
      calls,
      counts: new Map(
        rows.map((row) => [`${row.check}\u0000${row.category}`, { old: row.old, new: row.new }]),
      ),
    };
  }

  async insert(record: Omit<CalibrationRecord, 'id' | 'createdAt'>): Promise<CalibrationRecord> {
    const [{ id }] = (await this.dataSource.query(
      `INSERT INTO calibrations (queue_id, application_id, precision_target, checks, traffic_days, labeled_items,
                                 result, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8) RETURNING id`,
      [
        record.queueId,
        record.applicationId,
        record.precisionTarget,
        record.checks,
        record.trafficDays,
        record.labeledItems,
        JSON.stringify(record.result satisfies CalibrationRow[]),
        record.createdBy,
      ],
    )) as Array<{ id: string }>;
    return (await this.find(id))!;
  }

  async find(id: string): Promise<CalibrationRecord | null> {
    const [row] = (await this.dataSource.query(`SELECT ${COLUMNS} FROM calibrations c WHERE c.id = $1`, [
      id,
    ])) as CalibrationRecord[];
    return row ?? null;
  }

  list(query: ListQuery): Promise<ListPage<CalibrationRecord>> {
    return runList<CalibrationRecord>(this.dataSource, CALIBRATION_LIST_SOURCE, query);
  }
}
