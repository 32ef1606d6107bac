import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JUDGED } from './label-sql';
import type { CheckPrecision } from '../contracts';

export type { CheckPrecision };

/**
 * Precision of each check per category, estimated from staff labels: of the labeled calls the check flagged in a
 * category, the share the labelers judged to be in it. Each call counts once, its truth the mean of its staff
 * judgments. Over every label ever given: labels are scarce, and a window would leave most cells empty.
 */
@Injectable()
export class LabelPrecisionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async precision(): Promise<CheckPrecision[]> {
    const rows = (await this.dataSource.query(`
      WITH judged AS (
        SELECT l.request_id, l.application_id, c.key AS category, avg(CASE WHEN c.value = 'true'::jsonb THEN 1 ELSE 0 END) AS truth
        FROM labels l, jsonb_each(l.categories) c
        WHERE l.source = 'staff' AND ${JUDGED} AND jsonb_typeof(c.value) = 'boolean'
        GROUP BY l.request_id, l.application_id, c.key
      )
      SELECT v->>'check' AS check, j.category, count(DISTINCT r.request_id)::int AS labeled,
        sum(j.truth)::float8 AS "truePositives"
      FROM judged j
      JOIN request_logs r ON r.request_id = j.request_id AND r.application_id = j.application_id
      CROSS JOIN LATERAL (
        SELECT DISTINCT ON (v->>'check') v FROM jsonb_array_elements(r.verdicts) v
        WHERE v->>'category' = j.category AND (v->>'triggered')::boolean
          AND v->>'action' IN ('flag', 'redact', 'hold', 'block')
      ) flagged(v)
      GROUP BY 1, 2 ORDER BY 2, 1`)) as Array<{
      check: string;
      category: string;
      labeled: number;
      truePositives: number;
    }>;
    return rows.map((row) => ({
      ...row,
      precision: row.labeled > 0 ? row.truePositives / row.labeled : null,
    }));
  }
}
