import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A chat's fields other than its messages' text that reach the model (message names, tool definitions, content parts
 * that are not text, response formats, predictions) are moderated, so staff reviewing a call must see them too.
 */
export class RequestLogForwardedFields1764200700000 implements MigrationInterface {
  name = 'RequestLogForwardedFields1764200700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE request_logs ADD COLUMN forwarded jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE request_logs DROP COLUMN forwarded`);
  }
}
