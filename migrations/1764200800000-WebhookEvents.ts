import { MigrationInterface, QueryRunner } from 'typeorm';

/** The events an application's webhook is sent; NULL sends every event, including ones added later. */
export class WebhookEvents1764200800000 implements MigrationInterface {
  name = 'WebhookEvents1764200800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE applications ADD COLUMN webhook_events text[]`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE applications DROP COLUMN webhook_events`);
  }
}
