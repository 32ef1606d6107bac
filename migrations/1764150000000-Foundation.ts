import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1764150000000 implements MigrationInterface {
  name = 'Foundation1764150000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE organizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX organizations_name_key ON organizations (lower(name))`);
    await queryRunner.query(`
      CREATE TABLE applications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
        name text NOT NULL,
        status text NOT NULL CHECK (status IN ('sandbox', 'live', 'suspended', 'terminated')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX applications_organization_id_idx ON applications (organization_id)`,
    );
    await queryRunner.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES applications (id) ON DELETE RESTRICT,
        name text NOT NULL,
        prefix text NOT NULL UNIQUE,
        secret_hash bytea NOT NULL,
        status text NOT NULL CHECK (status IN ('active', 'revoked')),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX api_keys_application_id_idx ON api_keys (application_id)`);
    await queryRunner.query(`
      CREATE TABLE staff_users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL UNIQUE,
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'reviewer', 'analyst')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE request_logs (
        request_id text PRIMARY KEY,
        created_at timestamptz NOT NULL,
        endpoint text NOT NULL,
        api_key_id uuid,
        application_id uuid,
        organization_id uuid,
        end_user text,
        model text,
        prompt jsonb,
        output jsonb,
        stream boolean NOT NULL DEFAULT false,
        status_code int NOT NULL,
        error_code text,
        error_message text,
        finish_reasons text[],
        prompt_tokens int,
        completion_tokens int,
        latency_ms double precision NOT NULL,
        time_to_first_token_ms double precision,
        verdicts jsonb NOT NULL DEFAULT '[]',
        client_ip text
      )`);
    await queryRunner.query(`CREATE INDEX request_logs_created_at_idx ON request_logs (created_at DESC)`);
    await queryRunner.query(
      `CREATE INDEX request_logs_application_created_idx ON request_logs (application_id, created_at DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE request_logs`);
    await queryRunner.query(`DROP TABLE staff_users`);
    await queryRunner.query(`DROP TABLE api_keys`);
    await queryRunner.query(`DROP TABLE applications`);
    await queryRunner.query(`DROP TABLE organizations`);
  }
}
