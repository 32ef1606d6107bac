import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ApplicationEntity, ApplicationStatus } from './application.entity';

@Injectable()
export class ApplicationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  create(
    values: { organizationId: string; name: string; status: ApplicationStatus },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ApplicationEntity> {
    const repository = manager.getRepository(ApplicationEntity);
    return repository.save(repository.create(values));
  }

  findInOrganization(
    organizationId: string,
    name: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ApplicationEntity | null> {
    return manager.getRepository(ApplicationEntity).findOneBy({ organizationId, name });
  }

  findById(id: string): Promise<ApplicationEntity | null> {
    return this.dataSource.getRepository(ApplicationEntity).findOneBy({ id });
  }

  listForOrganization(organizationId: string): Promise<ApplicationEntity[]> {
    return this.dataSource.getRepository(ApplicationEntity).find({ where: { organizationId }, order: { createdAt: 'ASC' } });
  }
}
