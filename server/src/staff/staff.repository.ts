import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { StaffRole, StaffUserEntity } from './staff-user.entity';

@Injectable()
export class StaffRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findByEmail(email: string, manager: EntityManager = this.dataSource.manager): Promise<StaffUserEntity | null> {
    return manager.getRepository(StaffUserEntity).findOneBy({ email: email.toLowerCase() });
  }

  create(
    values: { email: string; passwordHash: string; role: StaffRole },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<StaffUserEntity> {
    const repository = manager.getRepository(StaffUserEntity);
    return repository.save(repository.create({ ...values, email: values.email.toLowerCase() }));
  }
}
