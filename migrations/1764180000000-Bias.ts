import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bias analysis: runs (a probe set applied to a model, or to an application's configuration), the result of each
 * probe (checkpoints, so a redelivered job resumes), and the runs attached to an application's review.
 */
export class Bias1764180000000 implements MigrationInterface {
  name = 'Bias1764180000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE bias_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'completed', 'failed')),
        model text NOT NULL,
        application_id uuid REFERENCES applications (id) ON DELETE SET NULL,
        prompt_template text CHECK (prompt_template IS NULL OR position('{prompt}' IN prompt_template) > 0),
        probe_sets text[] NOT NULL CHECK (cardinality(probe_sets) > 0),
        seed integer NOT NULL,
        sample_limit integer CHECK (sample_limit IS NULL OR sample_limit > 0),
        progress_done integer NOT NULL DEFAULT 0,
        progress_total integer NOT NULL DEFAULT 0,
        attempts integer NOT NULL DEFAULT 0,
        created_by uuid REFERENCES staff_users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        report jsonb,
        error text
      )`);
    await queryRunner.query(`CREATE INDEX bias_runs_created_at_idx ON bias_runs (created_at DESC, id)`);
    await queryRunner.query(
      `CREATE INDEX bias_runs_application_id_idx ON bias_runs (application_id) WHERE application_id IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX bias_runs_status_idx ON bias_runs (status)`);

    await queryRunner.query(`
      CREATE TABLE bias_run_results (
        run_id uuid NOT NULL REFERENCES bias_runs (id) ON DELETE CASCADE,
        probe_id text NOT NULL,
        result jsonb NOT NULL,
        PRIMARY KEY (run_id, probe_id)
      )`);

    await queryRunner.query(`
      CREATE TABLE application_bias_runs (
        application_id uuid NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
        bias_run_id uuid NOT NULL REFERENCES bias_runs (id) ON DELETE CASCADE,
        attached_by uuid REFERENCES staff_users (id) ON DELETE SET NULL,
        attached_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (application_id, bias_run_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX application_bias_runs_run_idx ON application_bias_runs (bias_run_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE application_bias_runs`);
    await queryRunner.query(`DROP TABLE bias_run_results`);
    await queryRunner.query(`DROP TABLE bias_runs`);
  }
}
