import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Calibration from labels and shadow replay. A calibration stores the precision/recall curves computed from one
 * labeling queue and the threshold each check and category would need; a policy proposal is a policy patch for one
 * application that is only applied after a replay over logged traffic has shown what it would change. A replay
 * remembers the policy version it ran against, so a policy edited since cannot be overwritten by a stale proposal.
 */
export class CalibrationsAndPolicyProposals1764200100000 implements MigrationInterface {
  name = 'CalibrationsAndPolicyProposals1764200100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE calibrations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        queue_id uuid REFERENCES label_queues (id) ON DELETE SET NULL,
        application_id uuid REFERENCES applications (id) ON DELETE CASCADE,
        precision_target double precision NOT NULL CHECK (precision_target > 0 AND precision_target <= 1),
        checks text[] NOT NULL,
        traffic_days integer NOT NULL CHECK (traffic_days BETWEEN 1 AND 365),
        labeled_items integer NOT NULL,
        result jsonb NOT NULL,
        created_by uuid REFERENCES staff_users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX calibrations_created_idx ON calibrations (created_at DESC)`);

    await queryRunner.query(`
      CREATE TABLE policy_proposals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
        calibration_id uuid REFERENCES calibrations (id) ON DELETE SET NULL,
        patch jsonb NOT NULL,
        note text CHECK (length(note) <= 4000),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'applied')),
        created_by uuid REFERENCES staff_users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        applied_by uuid REFERENCES staff_users (id) ON DELETE SET NULL,
        applied_at timestamptz,
        applied_replay_id uuid
      )`);
    await queryRunner.query(
      `CREATE INDEX policy_proposals_application_idx ON policy_proposals (application_id, created_at DESC)`,
    );

    await queryRunner.query(`
      CREATE TABLE policy_replays (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        proposal_id uuid NOT NULL REFERENCES policy_proposals (id) ON DELETE CASCADE,
        window_from timestamptz NOT NULL,
        window_to timestamptz NOT NULL CHECK (window_to > window_from),
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'completed', 'failed')),
        policy_version integer NOT NULL,
        progress_done integer NOT NULL DEFAULT 0,
        progress_total integer NOT NULL DEFAULT 0,
        attempts integer NOT NULL DEFAULT 0,
        result jsonb,
        error text,
        created_by uuid REFERENCES staff_users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX policy_replays_proposal_idx ON policy_replays (proposal_id, created_at DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE policy_replays`);
    await queryRunner.query(`DROP TABLE policy_proposals`);
    await queryRunner.query(`DROP TABLE calibrations`);
  }
}
