import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { OrganizationEntity } from './organization.entity';

@Injectable()
export class OrganizationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  create(name: string, manager: EntityManager = this.dataSource.manager): Promise<OrganizationEntity> {
    const repository = manager.getRepository(OrganizationEntity);
    return repository.save(repository.create({ name }));
  }

  findByName(name: string, manager: EntityManager = this.dataSource.manager): Promise<OrganizationEntity | null> {
    return manager
      .getRepository(OrganizationEntity)
      .createQueryBuilder('organization')
      .where('lower(organization.name) = lower(:name)', { name })
      .getOne();
  }

  findById(id: string): Promise<OrganizationEntity | null> {
    return this.dataSource.getRepository(OrganizationEntity).findOneBy({ id });
  }

  list(): Promise<OrganizationEntity[]> {
    return this.dataSource.getRepository(OrganizationEntity).find({ order: { createdAt: 'ASC' } });
  }
}
