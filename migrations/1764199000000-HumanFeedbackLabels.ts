import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Human feedback: labels on logged calls (from developers, from end users through their developer, and from staff
 * labelers), and the labeling queues staff sample into. A label's `categories` holds the labeler's judgment per
 * moderation category (true: the text belongs in it; false: it does not; absent: not judged), so calibration can
 * pair it with the score the check gave the same call.
 */
export class HumanFeedbackLabels1764199000000 implements MigrationInterface {
  name = 'HumanFeedbackLabels1764199000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE label_queues (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        filter jsonb NOT NULL DEFAULT '{}'::jsonb,
        sampling jsonb NOT NULL,
        target_size integer NOT NULL CHECK (target_size BETWEEN 1 AND 10000),
        labels_per_item smallint NOT NULL DEFAULT 1 CHECK (labels_per_item IN (1, 2)),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        created_by uuid REFERENCES staff_users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await queryRunner.query(`
      CREATE TABLE label_queue_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        queue_id uuid NOT NULL REFERENCES label_queues (id) ON DELETE CASCADE,
        request_id text NOT NULL,
        position integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (queue_id, request_id),
        UNIQUE (queue_id, position)
      )`);

    await queryRunner.query(`
      CREATE TABLE labels (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id text NOT NULL,
        application_id uuid REFERENCES applications (id) ON DELETE CASCADE,
        source text NOT NULL CHECK (source IN ('developer', 'end_user', 'staff')),
        queue_id uuid REFERENCES label_queues (id) ON DELETE SET NULL,
        staff_user_id uuid REFERENCES staff_users (id) ON DELETE SET NULL,
        end_user text,
        rating text CHECK (rating IN ('good', 'bad')),
        categories jsonb NOT NULL DEFAULT '{}'::jsonb,
        false_positive boolean NOT NULL DEFAULT false,
        comment text CHECK (length(comment) <= 4000),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (source <> 'developer' OR staff_user_id IS NULL)
      )`);
    await queryRunner.query(`CREATE INDEX labels_request_idx ON labels (request_id)`);
    await queryRunner.query(`CREATE INDEX labels_queue_idx ON labels (queue_id, request_id) WHERE queue_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX labels_application_idx ON labels (application_id, created_at DESC)`);
    // One label per staff labeler per queue item: double labeling means two different labelers.
    await queryRunner.query(
      `CREATE UNIQUE INDEX labels_one_per_labeler ON labels (queue_id, request_id, staff_user_id)
         WHERE queue_id IS NOT NULL AND staff_user_id IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE labels`);
    await queryRunner.query(`DROP TABLE label_queue_items`);
    await queryRunner.query(`DROP TABLE label_queues`);
  }
}
