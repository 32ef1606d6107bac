import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ApplicationEntity } from '../applications/application.entity';
import { EndUserStatus } from './strikes';

export interface EndUserActivity {
  applicationId: string;
  endUser: string;
  requests: number;
  flagged: number;
  points: number;
  firstSeenAt: string;
  lastSeenAt: string;
}

export interface EndUserRow {
  application_id: string;
  end_user: string;
  request_count: string;
  flagged_count: string;
  strike_points: number;
  status: EndUserStatus;
  first_seen_at: Date;
  last_seen_at: Date;
  status_changed_at: Date | null;
  status_reason: string | null;
}

@Injectable()
export class EndUsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Adds a batch's activity; returns each touched end user's totals after the change. */
  async addActivity(manager: EntityManager, activity: EndUserActivity[]): Promise<EndUserRow[]> {
    if (activity.length === 0) return [];
    return (await manager.query(
      `INSERT INTO end_users AS u (application_id, end_user, first_seen_at, last_seen_at, request_count, flagged_count, strike_points)
       SELECT a.application_id, a.end_user, a.first_seen_at, a.last_seen_at, a.requests, a.flagged, a.points
       FROM jsonb_to_recordset($1::jsonb) AS a(application_id uuid, end_user text, first_seen_at timestamptz, last_seen_at timestamptz, requests int, flagged int, points double precision)
       ON CONFLICT (application_id, end_user) DO UPDATE SET
         first_seen_at = least(u.first_seen_at, EXCLUDED.first_seen_at),
         last_seen_at = greatest(u.last_seen_at, EXCLUDED.last_seen_at),
         request_count = u.request_count + EXCLUDED.request_count,
         flagged_count = u.flagged_count + EXCLUDED.flagged_count,
         strike_points = u.strike_points + EXCLUDED.strike_points
       RETURNING *`,
      [
        JSON.stringify(
          activity.map((a) => ({
            application_id: a.applicationId,
            end_user: a.endUser,
            first_seen_at: a.firstSeenAt,
            last_seen_at: a.lastSeenAt,
            requests: a.requests,
            flagged: a.flagged,
            points: a.points,
          })),
        ),
      ],
    )) as EndUserRow[];
  }

  async setStatus(
    manager: EntityManager,
    applicationId: string,
    endUser: string,
    status: EndUserStatus,
    reason: string,
    resetPoints = false,
  ): Promise<EndUserRow | null> {
    const [rows] = (await manager.query(
      `UPDATE end_users SET status = $3, status_reason = $4, status_changed_at = now(),
         strike_points = CASE WHEN $5 THEN 0 ELSE strike_points END
       WHERE application_id = $1 AND end_user = $2 RETURNING *`,
      [applicationId, endUser, status, reason, resetPoints],
    )) as [EndUserRow[], number];
    return rows[0] ?? null;
  }

  /** Takes refunded strike points off an end user's record (never below zero); returns the record after. */
  async refundPoints(
    manager: EntityManager,
    applicationId: string,
    endUser: string,
    points: number,
  ): Promise<EndUserRow | null> {
    const [rows] = (await manager.query(
      `UPDATE end_users SET strike_points = greatest(0, strike_points - $3)
       WHERE application_id = $1 AND end_user = $2 RETURNING *`,
      [applicationId, endUser, points],
    )) as [EndUserRow[], number];
    return rows[0] ?? null;
  }

  async find(applicationId: string, endUser: string): Promise<EndUserRow | null> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM end_users WHERE application_id = $1 AND end_user = $2`,
      [applicationId, endUser],
    )) as EndUserRow[];
    return rows[0] ?? null;
  }

  async applicationStatuses(ids: string[]): Promise<Map<string, Pick<ApplicationEntity, 'id' | 'status'>>> {
    const rows = (await this.dataSource.query(
      `SELECT id, status FROM applications WHERE id = ANY($1::uuid[])`,
      [ids],
    )) as Array<Pick<ApplicationEntity, 'id' | 'status'>>;
    return new Map(rows.map((row) => [row.id, row]));
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
