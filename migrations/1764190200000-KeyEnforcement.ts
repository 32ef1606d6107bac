import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff actions on keys put the application under enforcement: the reason category staff chose is kept on the key
 * (its 401 names it) and on the application, whose developers cannot mint new keys until staff lift it.
 */
export class KeyEnforcement1764190200000 implements MigrationInterface {
  name = 'KeyEnforcement1764190200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE api_keys ADD COLUMN status_reason_category text`);
    await queryRunner.query(`
      ALTER TABLE applications
        ADD COLUMN enforced_at timestamptz,
        ADD COLUMN enforcement_category text,
        ADD COLUMN enforcement_reason text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE applications
        DROP COLUMN enforced_at,
        DROP COLUMN enforcement_category,
        DROP COLUMN enforcement_reason`);
    await queryRunner.query(`ALTER TABLE api_keys DROP COLUMN status_reason_category`);
  }
}
