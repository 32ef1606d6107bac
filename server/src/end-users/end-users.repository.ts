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
  /** The application's `strikes.halfLifeHours` when the batch earned points (kept with them from now on). */
  halfLifeHours: number | null;
  firstSeenAt: string;
  lastSeenAt: string;
}

export interface EndUserRow {
  application_id: string;
  end_user: string;
  request_count: string;
  flagged_count: string;
  /** As of `strike_points_at`; `CURRENT_STRIKE_POINTS` reads them as they stand now. */
  strike_points: number;
  strike_points_at: Date;
  strike_half_life_hours: number | null;
  status: EndUserStatus;
  /** A block staff imposed: it stands until staff lift it, whatever the points (migration StaffBlocks). */
  blocked_by_staff: boolean;
  first_seen_at: Date;
  last_seen_at: Date;
  status_changed_at: Date | null;
  status_reason: string | null;
}

/** An end user's strike points as they stand now, halved for every half-life since their clock (migration StrikeDecay). */
export const CURRENT_STRIKE_POINTS =
  'decayed_strike_points(u.strike_points, u.strike_points_at, u.strike_half_life_hours, now())';
/** The clock of `CURRENT_STRIKE_POINTS`: moved on by the whole half-lives they were halved for. */
const CURRENT_STRIKE_CLOCK = 'strike_clock(u.strike_points_at, u.strike_half_life_hours, now())';

@Injectable()
export class EndUsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Adds a batch's activity to points decayed to now; returns each touched end user's totals after the change. */
  async addActivity(manager: EntityManager, activity: EndUserActivity[]): Promise<EndUserRow[]> {
    if (activity.length === 0) return [];
    return (await manager.query(
      `INSERT INTO end_users AS u (application_id, end_user, first_seen_at, last_seen_at, request_count, flagged_count,
         strike_points, strike_points_at, strike_half_life_hours)
       SELECT a.application_id, a.end_user, a.first_seen_at, a.last_seen_at, a.requests, a.flagged, a.points, now(), a.half_life_hours
       FROM jsonb_to_recordset($1::jsonb) AS a(application_id uuid, end_user text, first_seen_at timestamptz,
         last_seen_at timestamptz, requests int, flagged int, points double precision, half_life_hours double precision)
       ON CONFLICT (application_id, end_user) DO UPDATE SET
         first_seen_at = least(u.first_seen_at, EXCLUDED.first_seen_at),
         last_seen_at = greatest(u.last_seen_at, EXCLUDED.last_seen_at),
         request_count = u.request_count + EXCLUDED.request_count,
         flagged_count = u.flagged_count + EXCLUDED.flagged_count,
         strike_points = ${CURRENT_STRIKE_POINTS} + EXCLUDED.strike_points,
         strike_points_at = ${CURRENT_STRIKE_CLOCK},
         strike_half_life_hours = CASE WHEN EXCLUDED.strike_points > 0 THEN EXCLUDED.strike_half_life_hours
           ELSE u.strike_half_life_hours END
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
            half_life_hours: a.halfLifeHours,
          })),
        ),
      ],
    )) as EndUserRow[];
  }

  /** A status the strike points earned: never one of an end user staff blocked (their block stands). */
  async setEarnedStatus(
    manager: EntityManager,
    applicationId: string,
    endUser: string,
    status: EndUserStatus,
    reason: string,
  ): Promise<EndUserRow | null> {
    const [rows] = (await manager.query(
      `UPDATE end_users u SET status = $3, status_reason = $4, status_changed_at = now(),
         strike_points = ${CURRENT_STRIKE_POINTS}, strike_points_at = ${CURRENT_STRIKE_CLOCK}
       WHERE application_id = $1 AND end_user = $2 AND NOT blocked_by_staff RETURNING *`,
      [applicationId, endUser, status, reason],
    )) as [EndUserRow[], number];
    return rows[0] ?? null;
  }

  /**
   * A staff decision: a block stands until staff lift it (points kept, and still fading); lifting a throttle or block
   * starts the strike record again from zero.
   */
  async setStaffStatus(
    manager: EntityManager,
    applicationId: string,
    endUser: string,
    status: EndUserStatus.Blocked | EndUserStatus.Active,
    reason: string,
  ): Promise<EndUserRow | null> {
    const lifted = status === EndUserStatus.Active;
    const [rows] = (await manager.query(
      `UPDATE end_users u SET status = $3, status_reason = $4, status_changed_at = now(), blocked_by_staff = NOT $5,
         strike_points = CASE WHEN $5 THEN 0 ELSE ${CURRENT_STRIKE_POINTS} END,
         strike_points_at = CASE WHEN $5 THEN now() ELSE ${CURRENT_STRIKE_CLOCK} END
       WHERE application_id = $1 AND end_user = $2 RETURNING *`,
      [applicationId, endUser, status, reason, lifted],
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
      `UPDATE end_users u SET strike_points = greatest(0, ${CURRENT_STRIKE_POINTS} - $3),
         strike_points_at = ${CURRENT_STRIKE_CLOCK}
       WHERE application_id = $1 AND end_user = $2 RETURNING *`,
      [applicationId, endUser, points],
    )) as [EndUserRow[], number];
    return rows[0] ?? null;
  }

  /**
   * Throttled or blocked end users whose points have faded by at least one half-life since they were last brought up
   * to date, brought up to date now: the sweep that lets a throttle or block lapse with the points that earned it
   * (a block staff imposed does not lapse).
   */
  async decayStanding(manager: EntityManager, limit: number): Promise<EndUserRow[]> {
    const [rows] = (await manager.query(
      `UPDATE end_users u SET strike_points = ${CURRENT_STRIKE_POINTS}, strike_points_at = ${CURRENT_STRIKE_CLOCK}
       WHERE (u.application_id, u.end_user) IN (
         SELECT application_id, end_user FROM end_users
         WHERE status <> 'active' AND NOT blocked_by_staff AND strike_half_lives(strike_points_at, strike_half_life_hours, now()) >= 1
         ORDER BY strike_points_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING *`,
      [limit],
    )) as [EndUserRow[], number];
    return rows;
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
