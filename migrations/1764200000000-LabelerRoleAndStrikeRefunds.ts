import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Human feedback, part two: the `labeler` staff role, and the strike points refunded when staff mark a verdict as a
 * false positive. One refund per call (the primary key), so a second false-positive label refunds nothing.
 */
export class LabelerRoleAndStrikeRefunds1764200000000 implements MigrationInterface {
  name = 'LabelerRoleAndStrikeRefunds1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE staff_users DROP CONSTRAINT IF EXISTS staff_users_role_check`);
    await queryRunner.query(
      `ALTER TABLE staff_users ADD CONSTRAINT staff_users_role_check CHECK (role IN ('admin', 'reviewer', 'analyst', 'labeler'))`,
    );
    await queryRunner.query(`
      CREATE TABLE strike_refunds (
        request_id text PRIMARY KEY,
        application_id uuid NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
        end_user text NOT NULL,
        points double precision NOT NULL CHECK (points > 0),
        label_id uuid REFERENCES labels (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX strike_refunds_end_user_idx ON strike_refunds (application_id, end_user)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE strike_refunds`);
    await queryRunner.query(`DELETE FROM staff_users WHERE role = 'labeler'`);
    await queryRunner.query(`ALTER TABLE staff_users DROP CONSTRAINT IF EXISTS staff_users_role_check`);
    await queryRunner.query(
      `ALTER TABLE staff_users ADD CONSTRAINT staff_users_role_check CHECK (role IN ('admin', 'reviewer', 'analyst'))`,
    );
  }
}
