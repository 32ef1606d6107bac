import { MigrationInterface, QueryRunner } from 'typeorm';

export class Moderation1764160000000 implements MigrationInterface {
  name = 'Moderation1764160000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE policies (
        application_id uuid PRIMARY KEY REFERENCES applications (id) ON DELETE CASCADE,
        rules jsonb NOT NULL DEFAULT '{}',
        version int NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE held_completions (
        id text PRIMARY KEY,
        request_id text NOT NULL UNIQUE,
        application_id uuid NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
        api_key_id uuid NOT NULL,
        end_user text,
        model text NOT NULL,
        prompt jsonb NOT NULL,
        response jsonb NOT NULL,
        verdicts jsonb NOT NULL DEFAULT '[]',
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'released', 'discarded')),
        decided_by text,
        decision_reason text,
        decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX held_completions_status_created_idx ON held_completions (status, created_at DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX held_completions_application_idx ON held_completions (application_id, created_at DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE held_completions`);
    await queryRunner.query(`DROP TABLE policies`);
  }
}
