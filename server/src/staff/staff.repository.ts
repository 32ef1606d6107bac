import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ListPage, ListQuery } from '../common/list-query';
import { ListSource, runList } from '../database/list-sql';
import { LoginState } from './lockout';
import { PasswordAccounts } from './password-login';
import { StaffRole } from '../contracts';
import { StaffUserEntity } from './staff-user.entity';
import { STAFF_LIST, StaffFilterField, StaffSortField } from './staff.dto';

export interface StaffRow {
  id: string;
  email: string;
  role: StaffRole;
  createdAt: Date;
  lockedUntil: Date | null;
}

export const STAFF_LIST_SOURCE: ListSource<StaffSortField, StaffFilterField> = {
  contract: STAFF_LIST,
  columns: `s.id, s.email, s.role, s.created_at AS "createdAt", s.locked_until AS "lockedUntil"`,
  from: 'FROM staff_users s',
  sortColumns: {
    id: 's.id',
    email: 's.email',
    role: 's.role',
    createdAt: 's.created_at',
    lockedUntil: 's.locked_until',
  },
  tiebreaker: 's.id',
  filterSql: {
    id: { column: 's.id' },
    role: { column: 's.role' },
    q: { search: ['s.email'] },
  },
};

@Injectable()
export class StaffRepository implements PasswordAccounts<StaffUserEntity> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findByEmail(
    email: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<StaffUserEntity | null> {
    return manager.getRepository(StaffUserEntity).findOneBy({ email: email.toLowerCase() });
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<StaffUserEntity | null> {
    return manager.getRepository(StaffUserEntity).findOneBy({ id });
  }

  findByEmailForUpdate(manager: EntityManager, email: string): Promise<StaffUserEntity | null> {
    return manager
      .getRepository(StaffUserEntity)
      .createQueryBuilder('staff')
      .setLock('pessimistic_write')
      .where('staff.email = :email', { email: email.toLowerCase() })
      .getOne();
  }

  findByIdForUpdate(manager: EntityManager, id: string): Promise<StaffUserEntity | null> {
    return manager
      .getRepository(StaffUserEntity)
      .createQueryBuilder('staff')
      .setLock('pessimistic_write')
      .where('staff.id = :id', { id })
      .getOne();
  }

  async saveLoginState(manager: EntityManager, id: string, state: LoginState): Promise<void> {
    await manager.getRepository(StaffUserEntity).update({ id }, state);
  }

  create(
    values: { email: string; passwordHash: string; role: StaffRole },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<StaffUserEntity> {
    const repository = manager.getRepository(StaffUserEntity);
    return repository.save(
      repository.create({
        ...values,
        email: values.email.toLowerCase(),
        failedAttempts: 0,
        lockedUntil: null,
      }),
    );
  }

  async update(
    manager: EntityManager,
    id: string,
    values: Partial<Pick<StaffUserEntity, 'role' | 'passwordHash' | 'failedAttempts' | 'lockedUntil'>>,
  ): Promise<StaffUserEntity> {
    await manager.getRepository(StaffUserEntity).update({ id }, values);
    return manager.getRepository(StaffUserEntity).findOneByOrFail({ id });
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(StaffUserEntity).delete({ id });
  }

  /** Locks every admin row, so two concurrent demotions cannot both see "another admin is left". */
  async lockAdmins(manager: EntityManager): Promise<string[]> {
    const rows = (await manager.query(
      `SELECT id FROM staff_users WHERE role = 'admin' FOR UPDATE`,
    )) as Array<{ id: string }>;
    return rows.map((row) => row.id);
  }

  list(query: ListQuery): Promise<ListPage<StaffRow>> {
    return runList<StaffRow>(this.dataSource, STAFF_LIST_SOURCE, query);
  }
}
