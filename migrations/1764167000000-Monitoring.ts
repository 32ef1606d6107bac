import { MigrationInterface, QueryRunner } from 'typeorm';

export class Monitoring1764167000000 implements MigrationInterface {
  name = 'Monitoring1764167000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE anomaly_rules (
        id text PRIMARY KEY,
        description text NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        window_seconds int NOT NULL CHECK (window_seconds > 0),
        params jsonb NOT NULL DEFAULT '{}',
        action text NOT NULL DEFAULT 'none' CHECK (action IN ('none', 'suspend_key', 'suspend_application')),
        severity text NOT NULL DEFAULT 'warning' CHECK (severity IN ('info', 'warning', 'critical')),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      INSERT INTO anomaly_rules (id, description, window_seconds, params, action, severity) VALUES
        ('volume_spike', 'Requests of an application far above its own baseline', 300, '{"factor": 5, "minRequests": 100, "baselineHours": 24}', 'none', 'warning'),
        ('flagged_rate_spike', 'Share of flagged requests of an application far above its baseline', 300, '{"minRate": 0.3, "factor": 3, "minRequests": 20, "baselineHours": 24}', 'none', 'warning'),
        ('blocked_burst', 'A burst of blocked prompts from one key', 300, '{"minBlocked": 10}', 'none', 'critical'),
        ('key_many_ips', 'One key used from many client addresses', 600, '{"minAddresses": 20}', 'none', 'warning'),
        ('suspended_traffic', 'Traffic still arriving for a suspended application', 300, '{"minRequests": 5}', 'none', 'info')`);
    await queryRunner.query(`
      CREATE TABLE alerts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        rule_id text NOT NULL REFERENCES anomaly_rules (id),
        severity text NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged', 'resolved')),
        application_id uuid REFERENCES applications (id) ON DELETE CASCADE,
        api_key_id uuid,
        title text NOT NULL,
        details jsonb NOT NULL DEFAULT '{}',
        dedupe_key text NOT NULL UNIQUE,
        window_start timestamptz NOT NULL,
        window_end timestamptz NOT NULL,
        action_taken text,
        fired_at timestamptz NOT NULL DEFAULT now(),
        acknowledged_by text,
        acknowledged_at timestamptz,
        resolved_by text,
        resolved_at timestamptz,
        resolution text
      )`);
    await queryRunner.query(`CREATE INDEX alerts_status_fired_idx ON alerts (status, fired_at DESC)`);
    await queryRunner.query(`CREATE INDEX alerts_application_idx ON alerts (application_id, fired_at DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE alerts`);
    await queryRunner.query(`DROP TABLE anomaly_rules`);
  }
}
