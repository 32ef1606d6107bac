import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Strike points fade: they halve every `strikes.halfLifeHours` of the application's policy, counted on each end
 * user's own clock (`strike_points_at`, moved on by whole half-lives only, so points earned within one half-life add
 * up exactly). The half-life in force when the points were last updated is kept with them, so any query can read an
 * end user's points as they stand now. Halving stops mattering after 64 half-lives (5e-20 of the points).
 */
export class StrikeDecay1764200900000 implements MigrationInterface {
  name = 'StrikeDecay1764200900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE end_users
      ADD COLUMN strike_points_at timestamptz NOT NULL DEFAULT now(),
      ADD COLUMN strike_half_life_hours double precision`);
    await queryRunner.query(`CREATE FUNCTION strike_half_lives(since timestamptz, half_life_hours double precision, at timestamptz)
      RETURNS double precision LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN half_life_hours IS NULL OR half_life_hours <= 0 THEN 0
          ELSE least(64, floor(greatest(0, extract(epoch FROM at - since)::double precision) / (half_life_hours * 3600)))
        END
      $$`);
    await queryRunner.query(`CREATE FUNCTION decayed_strike_points(points double precision, since timestamptz,
        half_life_hours double precision, at timestamptz)
      RETURNS double precision LANGUAGE sql IMMUTABLE AS $$
        SELECT points * power(0.5, strike_half_lives(since, half_life_hours, at))
      $$`);
    await queryRunner.query(`CREATE FUNCTION strike_clock(since timestamptz, half_life_hours double precision, at timestamptz)
      RETURNS timestamptz LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN half_life_hours IS NULL OR half_life_hours <= 0 THEN since
          WHEN strike_half_lives(since, half_life_hours, at) >= 64 THEN at
          ELSE since + make_interval(secs => strike_half_lives(since, half_life_hours, at) * half_life_hours * 3600)
        END
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION strike_clock(timestamptz, double precision, timestamptz)`);
    await queryRunner.query(
      `DROP FUNCTION decayed_strike_points(double precision, timestamptz, double precision, timestamptz)`,
    );
    await queryRunner.query(`DROP FUNCTION strike_half_lives(timestamptz, double precision, timestamptz)`);
    await queryRunner.query(
      `ALTER TABLE end_users DROP COLUMN strike_half_life_hours, DROP COLUMN strike_points_at`,
    );
  }
}
