import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { LoginState } from '../staff/lockout';
import { PasswordAccounts } from '../staff/password-login';
import { DeveloperEntity } from './developer.entity';

@Injectable()
export class DevelopersRepository implements PasswordAccounts<DeveloperEntity> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  create(
    manager: EntityManager,
    values: Pick<DeveloperEntity, 'id' | 'organizationId' | 'email' | 'passwordHash'>,
  ): Promise<DeveloperEntity> {
    const repository = manager.getRepository(DeveloperEntity);
    return repository.save(
      repository.create({
        ...values,
        email: values.email.toLowerCase(),
        failedAttempts: 0,
        lockedUntil: null,
      }),
    );
  }

  findByEmail(
    email: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<DeveloperEntity | null> {
    return manager
      .getRepository(DeveloperEntity)
      .createQueryBuilder('developer')
      .where('lower(developer.email) = lower(:email)', { email })
      .getOne();
  }

  findById(id: string): Promise<DeveloperEntity | null> {
    return this.dataSource.getRepository(DeveloperEntity).findOneBy({ id });
  }

  findByEmailForUpdate(manager: EntityManager, email: string): Promise<DeveloperEntity | null> {
    return manager
      .getRepository(DeveloperEntity)
      .createQueryBuilder('developer')
      .setLock('pessimistic_write')
      .where('lower(developer.email) = lower(:email)', { email })
      .getOne();
  }

  async saveLoginState(manager: EntityManager, id: string, state: LoginState): Promise<void> {
    await manager.getRepository(DeveloperEntity).update({ id }, state);
  }

  /** Whether someone with this e-mail address holds a developer account in the organization. */
  async isMember(organizationId: string, email: string): Promise<boolean> {
    return this.dataSource
      .getRepository(DeveloperEntity)
      .createQueryBuilder('developer')
      .where('developer.organization_id = :organizationId AND lower(developer.email) = lower(:email)', {
        organizationId,
        email,
      })
      .getExists();
  }
}
