import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Topicality limits: each approved application's topic model (built from its topics on approval and on an approved
 * topic change), and developers' proposals to change those topics, decided by staff.
 */
export class TopicModels1764200300000 implements MigrationInterface {
  name = 'TopicModels1764200300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE topic_models (
        application_id uuid PRIMARY KEY REFERENCES applications (id) ON DELETE CASCADE,
        topics jsonb NOT NULL,
        model jsonb NOT NULL,
        built_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE topic_proposals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
        topics jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
        proposed_by uuid,
        proposed_by_email text,
        reviewer_id uuid,
        reviewer_email text,
        note text,
        decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One open proposal per application: a second one would race the first to overwrite the topics.
    await queryRunner.query(
      `CREATE UNIQUE INDEX topic_proposals_one_pending ON topic_proposals (application_id) WHERE status = 'pending'`,
    );
    await queryRunner.query(`CREATE INDEX topic_proposals_created_idx ON topic_proposals (created_at DESC, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE topic_proposals`);
    await queryRunner.query(`DROP TABLE topic_models`);
  }
}
