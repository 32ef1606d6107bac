import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fine-tuning: uploaded files (content in Postgres, the one store every api instance and worker shares), jobs with
 * their events and checkpoints, and the models they produce (ONNX bytes and their staff review).
 */
export class FineTuning1764190300000 implements MigrationInterface {
  name = 'FineTuning1764190300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE files (
        id text PRIMARY KEY,
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        application_id uuid REFERENCES applications (id) ON DELETE SET NULL,
        purpose text NOT NULL,
        filename text NOT NULL,
        bytes integer NOT NULL CHECK (bytes >= 0),
        content bytea NOT NULL,
        format text CHECK (format IN ('completion', 'chat')),
        examples integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX files_organization_idx ON files (organization_id, created_at DESC, id) WHERE deleted_at IS NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE fine_tuning_jobs (
        id text PRIMARY KEY,
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        application_id uuid NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
        api_key_id uuid,
        model text NOT NULL,
        training_file text NOT NULL REFERENCES files (id),
        validation_file text REFERENCES files (id),
        n_epochs integer NOT NULL CHECK (n_epochs BETWEEN 1 AND 50),
        batch_size integer NOT NULL CHECK (batch_size BETWEEN 1 AND 256),
        learning_rate_multiplier double precision NOT NULL CHECK (learning_rate_multiplier > 0),
        seed integer NOT NULL,
        suffix text,
        status text NOT NULL DEFAULT 'validating_files'
          CHECK (status IN ('validating_files', 'queued', 'running', 'succeeded', 'failed', 'cancelled')),
        screening_status text NOT NULL DEFAULT 'pending'
          CHECK (screening_status IN ('pending', 'passed', 'awaiting_review', 'approved', 'rejected', 'flagged')),
        screening_report jsonb,
        cancel_requested boolean NOT NULL DEFAULT false,
        fine_tuned_model text,
        trained_tokens integer,
        error jsonb,
        upstream_job_id text,
        metrics jsonb NOT NULL DEFAULT '[]'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX fine_tuning_jobs_organization_idx ON fine_tuning_jobs (organization_id, created_at DESC, id)`,
    );
    await queryRunner.query(`CREATE INDEX fine_tuning_jobs_status_idx ON fine_tuning_jobs (status)`);

    await queryRunner.query(`
      CREATE TABLE fine_tuning_events (
        seq bigserial PRIMARY KEY,
        id text NOT NULL UNIQUE,
        job_id text NOT NULL REFERENCES fine_tuning_jobs (id) ON DELETE CASCADE,
        level text NOT NULL CHECK (level IN ('info', 'warn', 'error')),
        type text NOT NULL CHECK (type IN ('message', 'metrics')),
        message text NOT NULL,
        data jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX fine_tuning_events_job_idx ON fine_tuning_events (job_id, seq DESC)`);

    await queryRunner.query(`
      CREATE TABLE fine_tuning_checkpoints (
        id text PRIMARY KEY,
        job_id text NOT NULL REFERENCES fine_tuning_jobs (id) ON DELETE CASCADE,
        step_number integer NOT NULL,
        metrics jsonb NOT NULL,
        fine_tuned_model_checkpoint text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (job_id, step_number)
      )`);

    await queryRunner.query(`
      CREATE TABLE fine_tuned_models (
        id text PRIMARY KEY,
        job_id text NOT NULL UNIQUE REFERENCES fine_tuning_jobs (id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        application_id uuid NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
        base_model text NOT NULL,
        onnx bytea NOT NULL,
        review_status text NOT NULL DEFAULT 'pending_review'
          CHECK (review_status IN ('pending_review', 'approved', 'rejected', 'retired')),
        bias_run_id uuid REFERENCES bias_runs (id) ON DELETE SET NULL,
        base_bias_run_id uuid REFERENCES bias_runs (id) ON DELETE SET NULL,
        samples jsonb NOT NULL DEFAULT '[]'::jsonb,
        reviewed_by uuid REFERENCES staff_users (id) ON DELETE SET NULL,
        reviewed_at timestamptz,
        review_note text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX fine_tuned_models_review_idx ON fine_tuned_models (review_status)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE fine_tuned_models`);
    await queryRunner.query(`DROP TABLE fine_tuning_checkpoints`);
    await queryRunner.query(`DROP TABLE fine_tuning_events`);
    await queryRunner.query(`DROP TABLE fine_tuning_jobs`);
    await queryRunner.query(`DROP TABLE files`);
  }
}
