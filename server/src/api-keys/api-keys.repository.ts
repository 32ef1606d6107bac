import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ApplicationEntity } from '../applications/application.entity';
import { ApiKeyEntity, ApiKeyStatus } from './api-key.entity';

export interface KeyWithApplication {
  key: ApiKeyEntity;
  application: ApplicationEntity;
}

@Injectable()
export class ApiKeysRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findByPrefixWithApplication(prefix: string): Promise<KeyWithApplication | null> {
    const key = await this.dataSource.getRepository(ApiKeyEntity).findOneBy({ prefix });
    if (!key) {
      return null;
    }
    const application = await this.dataSource.getRepository(ApplicationEntity).findOneByOrFail({ id: key.applicationId });
    return { key, application };
  }

  create(
    values: Pick<ApiKeyEntity, 'applicationId' | 'name' | 'prefix' | 'secretHash'>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ApiKeyEntity> {
    const repository = manager.getRepository(ApiKeyEntity);
    return repository.save(repository.create({ ...values, status: ApiKeyStatus.Active }));
  }

  findByPrefix(prefix: string): Promise<ApiKeyEntity | null> {
    return this.dataSource.getRepository(ApiKeyEntity).findOneBy({ prefix });
  }

  listForApplication(applicationId: string): Promise<ApiKeyEntity[]> {
    return this.dataSource.getRepository(ApiKeyEntity).find({ where: { applicationId }, order: { createdAt: 'ASC' } });
  }

  async revoke(id: string): Promise<ApiKeyEntity | null> {
    await this.dataSource
      .getRepository(ApiKeyEntity)
      .update({ id, status: ApiKeyStatus.Active }, { status: ApiKeyStatus.Revoked, revokedAt: () => 'now()' });
    return this.dataSource.getRepository(ApiKeyEntity).findOneBy({ id });
  }

  async touchLastUsed(id: string, at: Date): Promise<void> {
    await this.dataSource.getRepository(ApiKeyEntity).update({ id }, { lastUsedAt: at });
  }
}
