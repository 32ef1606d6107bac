import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An alert stays one alert while it is open: at most one unresolved alert per rule and subject (application, key).
 * The volume-spike rule also gets a warm-up, so an application's first traffic is not a spike against nothing.
 */
export class AlertsOpenOncePerSubject1764190000100 implements MigrationInterface {
  name = 'AlertsOpenOncePerSubject1764190000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Older duplicates of one open subject are folded into the newest before the index can hold.
    await queryRunner.query(`
      UPDATE alerts a SET status = 'resolved', resolved_by = 'migration', resolved_at = now(),
        resolution = 'duplicate of a newer open alert for the same rule and subject'
      WHERE status <> 'resolved' AND EXISTS (
        SELECT 1 FROM alerts b WHERE b.status <> 'resolved' AND b.rule_id = a.rule_id
          AND b.application_id IS NOT DISTINCT FROM a.application_id AND b.api_key_id IS NOT DISTINCT FROM a.api_key_id
          AND (b.fired_at, b.id) > (a.fired_at, a.id))`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX alerts_open_subject_key ON alerts (
        rule_id, (coalesce(application_id::text, '-')), (coalesce(api_key_id::text, '-'))
      ) WHERE status <> 'resolved'`);
    await queryRunner.query(
      `ALTER TABLE alerts ADD COLUMN last_seen_at timestamptz, ADD COLUMN occurrences int NOT NULL DEFAULT 1`,
    );
    await queryRunner.query(
      `UPDATE anomaly_rules SET params = params || '{"warmupHours": 24}'::jsonb WHERE id = 'volume_spike'`,
    );
    await queryRunner.query(`ALTER TABLE anomaly_rules ADD COLUMN updated_by text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE anomaly_rules DROP COLUMN updated_by`);
    await queryRunner.query(
      `UPDATE anomaly_rules SET params = params - 'warmupHours' WHERE id = 'volume_spike'`,
    );
    await queryRunner.query(`ALTER TABLE alerts DROP COLUMN last_seen_at, DROP COLUMN occurrences`);
    await queryRunner.query(`DROP INDEX alerts_open_subject_key`);
  }
}
