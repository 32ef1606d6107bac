import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Request-log rows no client can break: the search index reads a bounded share of the text (a tsvector cannot
 * pass 1 MB; the stored text stays whole), each row says what was sanitized before storing, and a row that
 * still cannot be written waits in a dead-letter table with the reason instead of being lost.
 */
export class RequestLogHostileRows1764190100000 implements MigrationInterface {
  name = 'RequestLogHostileRows1764190100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // 100,000 characters make at most about 800 kB of tsvector (4 bytes per character of lexeme, 8 per word).
    await queryRunner.query(`
      CREATE FUNCTION warden_request_log_search_text(prompt jsonb, output jsonb) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT left(coalesce(string_agg(value #>> '{}', ' '), ''), 100000)
        FROM (
          SELECT value FROM jsonb_path_query(coalesce(prompt, 'null'::jsonb), 'strict $.**') AS value
          UNION ALL
          SELECT value FROM jsonb_path_query(coalesce(output, 'null'::jsonb), 'strict $.**') AS value
        ) AS everything
        WHERE jsonb_typeof(value) = 'string'
      $$`);
    await queryRunner.query(`ALTER TABLE request_logs DROP COLUMN search`);
    await queryRunner.query(`
      ALTER TABLE request_logs ADD COLUMN search tsvector GENERATED ALWAYS AS (
        to_tsvector('english'::regconfig, warden_request_log_search_text(prompt, output))
      ) STORED`);
    await queryRunner.query(`CREATE INDEX request_logs_search_idx ON request_logs USING gin (search)`);
    await queryRunner.query(`ALTER TABLE request_logs ADD COLUMN sanitized text[]`);
    await queryRunner.query(`
      CREATE TABLE request_log_dead_letters (
        request_id text NOT NULL,
        created_at timestamptz NOT NULL,
        application_id text,
        reason text NOT NULL,
        record text NOT NULL,
        failed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (request_id, created_at)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE request_log_dead_letters`);
    await queryRunner.query(`ALTER TABLE request_logs DROP COLUMN sanitized`);
    await queryRunner.query(`ALTER TABLE request_logs DROP COLUMN search`);
    await queryRunner.query(`
      ALTER TABLE request_logs ADD COLUMN search tsvector GENERATED ALWAYS AS (
        jsonb_to_tsvector('english'::regconfig, coalesce(prompt, '""'::jsonb), '["string"]')
        || jsonb_to_tsvector('english'::regconfig, coalesce(output, '""'::jsonb), '["string"]')
      ) STORED`);
    await queryRunner.query(`CREATE INDEX request_logs_search_idx ON request_logs USING gin (search)`);
    await queryRunner.query(`DROP FUNCTION warden_request_log_search_text(jsonb, jsonb)`);
  }
}
