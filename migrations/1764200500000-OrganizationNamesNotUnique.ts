import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organization names are display names, not identifiers: a unique index let anyone learn through `/portal` register
 * whether an organization exists. Names stay indexed for the operator CLI's look-up by name.
 */
export class OrganizationNamesNotUnique1764200500000 implements MigrationInterface {
  name = 'OrganizationNamesNotUnique1764200500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX organizations_name_key`);
    await queryRunner.query(`CREATE INDEX organizations_name_idx ON organizations (lower(name))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX organizations_name_idx`);
    // Every later namesake gets its id appended, so the unique index can come back without losing a row.
    await queryRunner.query(`
      UPDATE organizations o SET name = o.name || ' (' || o.id || ')'
      WHERE EXISTS (
        SELECT 1 FROM organizations older
        WHERE lower(older.name) = lower(o.name) AND (older.created_at, older.id) < (o.created_at, o.id)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX organizations_name_key ON organizations (lower(name))`);
  }
}
