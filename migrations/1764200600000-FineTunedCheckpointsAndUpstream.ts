import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Checkpoints become callable models (their weights are kept), and a fine-tuned model may live upstream: then it
 * has no graph, only the upstream's model id, and is served through the same review gate.
 */
export class FineTunedCheckpointsAndUpstream1764200600000 implements MigrationInterface {
  name = 'FineTunedCheckpointsAndUpstream1764200600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE fine_tuning_checkpoints ADD COLUMN onnx bytea`);
    await queryRunner.query(`ALTER TABLE fine_tuned_models ALTER COLUMN onnx DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE fine_tuned_models ADD COLUMN upstream_model text`);
    await queryRunner.query(
      `ALTER TABLE fine_tuned_models ADD CONSTRAINT fine_tuned_models_weights_check
         CHECK ((onnx IS NULL) <> (upstream_model IS NULL))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM fine_tuned_models WHERE onnx IS NULL`);
    await queryRunner.query(`ALTER TABLE fine_tuned_models DROP CONSTRAINT fine_tuned_models_weights_check`);
    await queryRunner.query(`ALTER TABLE fine_tuned_models DROP COLUMN upstream_model`);
    await queryRunner.query(`ALTER TABLE fine_tuned_models ALTER COLUMN onnx SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE fine_tuning_checkpoints DROP COLUMN onnx`);
  }
}
