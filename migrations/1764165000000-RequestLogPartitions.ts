import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Request logs grow without bound: partition them by month (old months are dropped or archived whole), keep a
 * default partition so a row is never refused, and index what the log explorer filters and searches on.
 */
export class RequestLogPartitions1764165000000 implements MigrationInterface {
  name = 'RequestLogPartitions1764165000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE request_logs RENAME TO request_logs_unpartitioned`);
    await queryRunner.query(
      `ALTER INDEX request_logs_created_at_idx RENAME TO request_logs_unpartitioned_created_at_idx`,
    );
    await queryRunner.query(
      `ALTER INDEX request_logs_application_created_idx RENAME TO request_logs_unpartitioned_application_created_idx`,
    );
    await queryRunner.query(`
      CREATE TABLE request_logs (
        request_id text NOT NULL,
        created_at timestamptz NOT NULL,
        endpoint text NOT NULL,
        api_key_id uuid,
        application_id uuid,
        organization_id uuid,
        end_user text,
        model text,
        prompt jsonb,
        output jsonb,
        stream boolean NOT NULL DEFAULT false,
        status_code int NOT NULL,
        error_code text,
        error_message text,
        finish_reasons text[],
        prompt_tokens int,
        completion_tokens int,
        latency_ms double precision NOT NULL,
        time_to_first_token_ms double precision,
        verdicts jsonb NOT NULL DEFAULT '[]',
        client_ip text,
        search tsvector GENERATED ALWAYS AS (
          jsonb_to_tsvector('english'::regconfig, coalesce(prompt, '""'::jsonb), '["string"]')
          || jsonb_to_tsvector('english'::regconfig, coalesce(output, '""'::jsonb), '["string"]')
        ) STORED,
        PRIMARY KEY (request_id, created_at)
      ) PARTITION BY RANGE (created_at)`);
    await queryRunner.query(`CREATE TABLE request_logs_default PARTITION OF request_logs DEFAULT`);
    await queryRunner.query(`
      CREATE FUNCTION warden_ensure_request_log_partition(month date) RETURNS text LANGUAGE plpgsql AS $$
      DECLARE
        start date := date_trunc('month', month)::date;
        name text := 'request_logs_' || to_char(start, 'YYYY_MM');
      BEGIN
        IF to_regclass(name) IS NULL THEN
          EXECUTE format('CREATE TABLE %I PARTITION OF request_logs FOR VALUES FROM (%L) TO (%L)', name, start, (start + interval '1 month')::date);
        END IF;
        RETURN name;
      END $$`);
    await queryRunner.query(`
      SELECT warden_ensure_request_log_partition((date_trunc('month', now()) + make_interval(months => m))::date)
      FROM generate_series(-1, 2) AS m`);
    await queryRunner.query(`INSERT INTO request_logs SELECT * FROM request_logs_unpartitioned`);
    await queryRunner.query(`DROP TABLE request_logs_unpartitioned`);
    await queryRunner.query(`CREATE INDEX request_logs_created_at_idx ON request_logs (created_at DESC)`);
    await queryRunner.query(
      `CREATE INDEX request_logs_application_created_idx ON request_logs (application_id, created_at DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX request_logs_key_created_idx ON request_logs (api_key_id, created_at DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX request_logs_end_user_idx ON request_logs (application_id, end_user, created_at DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX request_logs_status_idx ON request_logs (status_code, created_at DESC)`,
    );
    await queryRunner.query(`CREATE INDEX request_logs_request_id_idx ON request_logs (request_id)`);
    await queryRunner.query(`CREATE INDEX request_logs_search_idx ON request_logs USING gin (search)`);
    await queryRunner.query(
      `CREATE INDEX request_logs_verdicts_idx ON request_logs USING gin (verdicts jsonb_path_ops)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE request_logs RENAME TO request_logs_partitioned`);
    await queryRunner.query(`
      CREATE TABLE request_logs (
        request_id text PRIMARY KEY, created_at timestamptz NOT NULL, endpoint text NOT NULL, api_key_id uuid,
        application_id uuid, organization_id uuid, end_user text, model text, prompt jsonb, output jsonb,
        stream boolean NOT NULL DEFAULT false, status_code int NOT NULL, error_code text, error_message text,
        finish_reasons text[], prompt_tokens int, completion_tokens int, latency_ms double precision NOT NULL,
        time_to_first_token_ms double precision, verdicts jsonb NOT NULL DEFAULT '[]', client_ip text
      )`);
    await queryRunner.query(`
      INSERT INTO request_logs SELECT request_id, created_at, endpoint, api_key_id, application_id, organization_id, end_user,
        model, prompt, output, stream, status_code, error_code, error_message, finish_reasons, prompt_tokens,
        completion_tokens, latency_ms, time_to_first_token_ms, verdicts, client_ip
      FROM request_logs_partitioned ON CONFLICT DO NOTHING`);
    await queryRunner.query(`DROP TABLE request_logs_partitioned CASCADE`);
    await queryRunner.query(`DROP FUNCTION warden_ensure_request_log_partition(date)`);
    await queryRunner.query(`CREATE INDEX request_logs_created_at_idx ON request_logs (created_at DESC)`);
    await queryRunner.query(
      `CREATE INDEX request_logs_application_created_idx ON request_logs (application_id, created_at DESC)`,
    );
  }
}
