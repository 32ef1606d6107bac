import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A block staff impose stands until staff lift it: strike points fade and refunds settle, but neither lets it lapse.
 * Blocks earned by strikes keep lapsing with their points, so a false positive still costs an end user only hours.
 */
export class StaffBlocks1764201000000 implements MigrationInterface {
  name = 'StaffBlocks1764201000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE end_users ADD COLUMN blocked_by_staff boolean NOT NULL DEFAULT false`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE end_users DROP COLUMN blocked_by_staff`);
  }
}
