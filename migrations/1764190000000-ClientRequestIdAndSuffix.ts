import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Request ids are minted by the server; the client's own id is kept apart, for correlation only, and may repeat.
 * `suffix` reaches the model like the prompt, so it is logged like the prompt.
 */
export class ClientRequestIdAndSuffix1764190000000 implements MigrationInterface {
  name = 'ClientRequestIdAndSuffix1764190000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE request_logs ADD COLUMN client_request_id text, ADD COLUMN suffix text`,
    );
    await queryRunner.query(
      `CREATE INDEX request_logs_client_request_id_idx ON request_logs (client_request_id) WHERE client_request_id IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS request_logs_client_request_id_idx`);
    await queryRunner.query(`ALTER TABLE request_logs DROP COLUMN client_request_id, DROP COLUMN suffix`);
  }
}
