import { MigrationInterface, QueryRunner } from 'typeorm';

export class EndUsersAndWebhooks1764166000000 implements MigrationInterface {
  name = 'EndUsersAndWebhooks1764166000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE end_users (
        application_id uuid NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
        end_user text NOT NULL,
        first_seen_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        request_count bigint NOT NULL DEFAULT 0,
        flagged_count bigint NOT NULL DEFAULT 0,
        strike_points double precision NOT NULL DEFAULT 0,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'throttled', 'blocked')),
        status_changed_at timestamptz,
        status_reason text,
        PRIMARY KEY (application_id, end_user)
      )`);
    await queryRunner.query(`CREATE INDEX end_users_status_idx ON end_users (application_id, status)`);
    await queryRunner.query(
      `CREATE INDEX end_users_flagged_idx ON end_users (application_id, flagged_count DESC)`,
    );
    await queryRunner.query(
      `ALTER TABLE applications ADD COLUMN webhook_url text, ADD COLUMN webhook_secret text`,
    );
    await queryRunner.query(`
      CREATE TABLE webhook_deliveries (
        id text PRIMARY KEY,
        application_id uuid NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
        event text NOT NULL,
        payload jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX webhook_deliveries_application_idx ON webhook_deliveries (application_id, created_at DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE webhook_deliveries`);
    await queryRunner.query(`ALTER TABLE applications DROP COLUMN webhook_url, DROP COLUMN webhook_secret`);
    await queryRunner.query(`DROP TABLE end_users`);
  }
}
