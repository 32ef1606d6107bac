import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Production review: developer accounts, sessions for staff and developers, the review workflow on applications,
 * the key lifecycle (kinds, suspension, termination, expiry) and the append-only, hash-chained audit log.
 */
export class ReviewWorkflow1764170100000 implements MigrationInterface {
  name = 'ReviewWorkflow1764170100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE staff_users
        ADD COLUMN failed_attempts int NOT NULL DEFAULT 0,
        ADD COLUMN locked_until timestamptz`);

    await queryRunner.query(`
      CREATE TABLE developers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        email text NOT NULL,
        password_hash text NOT NULL,
        failed_attempts int NOT NULL DEFAULT 0,
        locked_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX developers_email_key ON developers (lower(email))`);
    await queryRunner.query(`CREATE INDEX developers_organization_id_idx ON developers (organization_id)`);

    await queryRunner.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        audience text NOT NULL CHECK (audience IN ('staff', 'developer')),
        principal_id uuid NOT NULL,
        family_id uuid NOT NULL,
        access_hash bytea NOT NULL UNIQUE,
        refresh_hash bytea NOT NULL UNIQUE,
        access_expires_at timestamptz NOT NULL,
        refresh_expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        rotated_at timestamptz,
        revoked_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX sessions_family_id_idx ON sessions (family_id)`);
    await queryRunner.query(`CREATE INDEX sessions_principal_idx ON sessions (audience, principal_id)`);

    await queryRunner.query(`
      ALTER TABLE applications
        ADD COLUMN review_state text NOT NULL DEFAULT 'draft'
          CHECK (review_state IN ('draft', 'submitted', 'in_review', 'approved', 'changes_requested', 'rejected')),
        ADD COLUMN risk_tier text CHECK (risk_tier IN ('low', 'medium', 'high')),
        ADD COLUMN risk_reasons jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN questionnaire jsonb,
        ADD COLUMN submitted_at timestamptz,
        ADD COLUMN re_review_at timestamptz,
        ADD COLUMN created_by uuid REFERENCES developers (id) ON DELETE SET NULL`);
    // Applications made live before the workflow existed (the demo, `apps:create --live`) count as approved.
    await queryRunner.query(
      `UPDATE applications SET review_state = 'approved' WHERE status IN ('live', 'suspended')`,
    );
    await queryRunner.query(
      `CREATE INDEX applications_review_state_idx ON applications (review_state, submitted_at)`,
    );

    await queryRunner.query(`
      CREATE TABLE application_decisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
        decision text NOT NULL,
        reviewer_id uuid,
        reviewer_email text NOT NULL,
        checklist jsonb NOT NULL DEFAULT '{}',
        rationale text NOT NULL,
        re_review_at timestamptz,
        from_review_state text NOT NULL,
        to_review_state text NOT NULL,
        from_status text NOT NULL,
        to_status text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX application_decisions_application_idx ON application_decisions (application_id, created_at)`,
    );

    // Keys that existed before kinds did were issued for their application's status at the time.
    await queryRunner.query(
      `ALTER TABLE api_keys ADD COLUMN kind text NOT NULL DEFAULT 'production' CHECK (kind IN ('sandbox', 'production'))`,
    );
    await queryRunner.query(`
      UPDATE api_keys SET kind = 'sandbox' FROM applications
      WHERE applications.id = api_keys.application_id AND applications.status = 'sandbox'`);
    await queryRunner.query(`ALTER TABLE api_keys ALTER COLUMN kind DROP DEFAULT`);
    await queryRunner.query(`
      ALTER TABLE api_keys
        ADD COLUMN expires_at timestamptz,
        ADD COLUMN status_reason text,
        ADD COLUMN status_changed_at timestamptz,
        ADD COLUMN replaced_by uuid REFERENCES api_keys (id) ON DELETE SET NULL,
        DROP CONSTRAINT api_keys_status_check,
        ADD CONSTRAINT api_keys_status_check CHECK (status IN ('active', 'suspended', 'revoked', 'terminated'))`);

    await queryRunner.query(`
      CREATE TABLE audit_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint NOT NULL UNIQUE CHECK (seq > 0),
        at timestamptz NOT NULL,
        actor_type text NOT NULL,
        actor_id uuid,
        actor_email text,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text,
        before jsonb,
        after jsonb,
        request_id text,
        prev_hash text,
        hash text NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id, seq)`,
    );
    await queryRunner.query(`CREATE INDEX audit_events_actor_idx ON audit_events (actor_id, seq)`);
    await queryRunner.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_events`);
    await queryRunner.query(`DROP FUNCTION audit_events_append_only()`);
    await queryRunner.query(`UPDATE api_keys SET status = 'revoked' WHERE status <> 'active'`);
    await queryRunner.query(`
      ALTER TABLE api_keys
        DROP CONSTRAINT api_keys_status_check,
        ADD CONSTRAINT api_keys_status_check CHECK (status IN ('active', 'revoked')),
        DROP COLUMN replaced_by,
        DROP COLUMN status_changed_at,
        DROP COLUMN status_reason,
        DROP COLUMN expires_at,
        DROP COLUMN kind`);
    await queryRunner.query(`DROP TABLE application_decisions`);
    await queryRunner.query(`
      ALTER TABLE applications
        DROP COLUMN created_by,
        DROP COLUMN re_review_at,
        DROP COLUMN submitted_at,
        DROP COLUMN questionnaire,
        DROP COLUMN risk_reasons,
        DROP COLUMN risk_tier,
        DROP COLUMN review_state`);
    await queryRunner.query(`DROP TABLE sessions`);
    await queryRunner.query(`DROP TABLE developers`);
    await queryRunner.query(`ALTER TABLE staff_users DROP COLUMN locked_until, DROP COLUMN failed_attempts`);
  }
}
