import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The academic access program. A research application is an application of kind `research`, reviewed in the same
 * workflow; its grant (same id as the application; questionnaire, dates, quotas, policy profile, renewal) lives in `research_grants`.
 * `applications.keys_expire_by` is the date every key of the application must expire by (the grant's end): the key
 * domain enforces it without knowing about grants.
 */
export class AcademicAccess1764200400000 implements MigrationInterface {
  name = 'AcademicAccess1764200400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE applications
        ADD COLUMN kind text NOT NULL DEFAULT 'product' CHECK (kind IN ('product', 'research')),
        ADD COLUMN keys_expire_by timestamptz`);
    await queryRunner.query(`
      CREATE TABLE research_grants (
        id uuid PRIMARY KEY REFERENCES applications (id) ON DELETE CASCADE,
        questionnaire jsonb NOT NULL,
        starts_at timestamptz,
        ends_at timestamptz,
        quotas jsonb NOT NULL,
        profile jsonb NOT NULL,
        renewal_state text NOT NULL DEFAULT 'none'
          CHECK (renewal_state IN ('none', 'requested', 'approved', 'denied')),
        renewal_requested_ends_at timestamptz,
        renewal_reason text,
        renewal_requested_at timestamptz,
        renewal_decided_at timestamptz,
        renewal_decided_by uuid REFERENCES staff_users (id) ON DELETE SET NULL,
        renewal_rationale text,
        renewals integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at IS NULL OR starts_at IS NULL OR ends_at > starts_at)
      )`);
    await queryRunner.query(`CREATE INDEX research_grants_ends_at ON research_grants (ends_at)`);
    await queryRunner.query(`
      CREATE TABLE research_grant_bias_runs (
        grant_id uuid NOT NULL REFERENCES research_grants (id) ON DELETE CASCADE,
        bias_run_id uuid NOT NULL REFERENCES bias_runs (id) ON DELETE CASCADE,
        attached_by uuid REFERENCES staff_users (id) ON DELETE SET NULL,
        attached_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (grant_id, bias_run_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE research_grant_bias_runs`);
    await queryRunner.query(`DROP TABLE research_grants`);
    await queryRunner.query(`ALTER TABLE applications DROP COLUMN keys_expire_by, DROP COLUMN kind`);
  }
}
