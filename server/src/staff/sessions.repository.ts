import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { SessionAudience, SessionEntity } from './session.entity';

@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  insert(
    manager: EntityManager,
    values: Pick<
      SessionEntity,
      | 'audience'
      | 'principalId'
      | 'familyId'
      | 'accessHash'
      | 'refreshHash'
      | 'accessExpiresAt'
      | 'refreshExpiresAt'
    >,
  ): Promise<SessionEntity> {
    const repository = manager.getRepository(SessionEntity);
    return repository.save(repository.create(values));
  }

  async findUsableByAccessHash(audience: SessionAudience, accessHash: Buffer): Promise<SessionEntity | null> {
    return this.dataSource
      .getRepository(SessionEntity)
      .createQueryBuilder('session')
      .where('session.access_hash = :accessHash AND session.audience = :audience', { accessHash, audience })
      .andWhere('session.revoked_at IS NULL AND session.access_expires_at > now()')
      .getOne();
  }

  lockByRefreshHash(
    manager: EntityManager,
    audience: SessionAudience,
    refreshHash: Buffer,
  ): Promise<SessionEntity | null> {
    return manager
      .getRepository(SessionEntity)
      .createQueryBuilder('session')
      .setLock('pessimistic_write')
      .where('session.refresh_hash = :refreshHash AND session.audience = :audience', {
        refreshHash,
        audience,
      })
      .getOne();
  }

  async markRotated(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(SessionEntity).update({ id }, { rotatedAt: () => 'now()' });
  }

  async revokeFamily(manager: EntityManager, familyId: string): Promise<void> {
    await manager
      .getRepository(SessionEntity)
      .update({ familyId, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
  }

  async revokeAllFor(manager: EntityManager, audience: SessionAudience, principalId: string): Promise<void> {
    await manager
      .getRepository(SessionEntity)
      .update({ audience, principalId, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
  }
}
