import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ListPage, ListQuery } from '../common/list-query';
import { ListSource, runList } from '../database/list-sql';
import { ApplicationEntity } from '../applications/application.entity';
import { KeyEnforcementReason } from '../contracts';
import { ApiKeyEntity, ApiKeyKind, ApiKeyStatus } from './api-key.entity';
import { API_KEY_LIST, ApiKeyFilterField, ApiKeySortField } from './api-keys.dto';

export interface KeyWithApplication {
  key: ApiKeyEntity;
  application: ApplicationEntity;
}

/** A key as staff and developers see it, with its application's name. */
export interface ApiKeyRow {
  id: string;
  applicationId: string;
  applicationName: string;
  organizationId: string;
  name: string;
  prefix: string;
  kind: ApiKeyKind;
  status: ApiKeyStatus;
  statusReason: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
}

/** The key list's public sort and filter names (api-keys.dto.ts) as SQL. */
export const API_KEY_LIST_SOURCE: ListSource<ApiKeySortField, ApiKeyFilterField> = {
  contract: API_KEY_LIST,
  columns: `k.id, k.application_id AS "applicationId", a.name AS "applicationName", a.organization_id AS "organizationId",
    k.name, k.prefix, k.kind, k.status, k.status_reason AS "statusReason", k.created_at AS "createdAt",
    k.last_used_at AS "lastUsedAt", k.expires_at AS "expiresAt"`,
  from: 'FROM api_keys k JOIN applications a ON a.id = k.application_id',
  sortColumns: {
    id: 'k.id',
    name: 'lower(k.name)',
    prefix: 'k.prefix',
    applicationName: 'lower(a.name)',
    kind: 'k.kind',
    status: 'k.status',
    createdAt: 'k.created_at',
    lastUsedAt: 'k.last_used_at',
    expiresAt: 'k.expires_at',
  },
  tiebreaker: 'k.id',
  filterSql: {
    id: { column: 'k.id' },
    applicationId: { column: 'k.application_id' },
    organizationId: { column: 'a.organization_id' },
    kind: { column: 'k.kind' },
    status: {
      // Expiry is read, not stored: an active key past its date is listed as expired, not active.
      build: (values, param) =>
        values
          .map((value) =>
            value === 'expired'
              ? `(k.status = 'active' AND k.expires_at <= now())`
              : value === ApiKeyStatus.Active
                ? `(k.status = 'active' AND (k.expires_at IS NULL OR k.expires_at > now()))`
                : `k.status = ${param(value)}`,
          )
          .join(' OR '),
    },
    q: { search: ['k.name', 'k.prefix', 'a.name'] },
  },
};

@Injectable()
export class ApiKeysRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findByPrefixWithApplication(prefix: string): Promise<KeyWithApplication | null> {
    const key = await this.dataSource.getRepository(ApiKeyEntity).findOneBy({ prefix });
    if (!key) {
      return null;
    }
    const application = await this.dataSource
      .getRepository(ApplicationEntity)
      .findOneByOrFail({ id: key.applicationId });
    return { key, application };
  }

  create(
    manager: EntityManager,
    values: Pick<ApiKeyEntity, 'applicationId' | 'name' | 'prefix' | 'secretHash' | 'kind' | 'expiresAt'>,
  ): Promise<ApiKeyEntity> {
    const repository = manager.getRepository(ApiKeyEntity);
    return repository.save(repository.create({ ...values, status: ApiKeyStatus.Active, statusReason: null }));
  }

  findByPrefix(prefix: string): Promise<ApiKeyEntity | null> {
    return this.dataSource.getRepository(ApiKeyEntity).findOneBy({ prefix });
  }

  lockById(manager: EntityManager, id: string): Promise<ApiKeyEntity | null> {
    return manager
      .getRepository(ApiKeyEntity)
      .createQueryBuilder('key')
      .setLock('pessimistic_write')
      .where('key.id = :id', { id })
      .getOne();
  }

  lockAllForApplication(manager: EntityManager, applicationId: string): Promise<ApiKeyEntity[]> {
    return manager
      .getRepository(ApiKeyEntity)
      .createQueryBuilder('key')
      .setLock('pessimistic_write')
      .where('key.application_id = :applicationId', { applicationId })
      .orderBy('key.created_at', 'ASC')
      .getMany();
  }

  /**
   * Read with a row lock, so the application cannot change status while a key is issued for it, and two requests
   * cannot both pass the active-key cap.
   */
  findApplicationForKeys(manager: EntityManager, applicationId: string): Promise<ApplicationEntity | null> {
    return manager
      .getRepository(ApplicationEntity)
      .createQueryBuilder('application')
      .setLock('pessimistic_write')
      .where('application.id = :applicationId', { applicationId })
      .getOne();
  }

  async setStatus(
    manager: EntityManager,
    id: string,
    values: {
      status: ApiKeyStatus;
      statusReason: string | null;
      statusReasonCategory?: KeyEnforcementReason | null;
      replacedBy?: string;
    },
  ): Promise<ApiKeyEntity> {
    await manager.getRepository(ApiKeyEntity).update(
      { id },
      {
        ...values,
        statusChangedAt: () => 'now()',
        ...(values.status === ApiKeyStatus.Revoked ? { revokedAt: () => 'now()' } : {}),
      },
    );
    return manager.getRepository(ApiKeyEntity).findOneByOrFail({ id });
  }

  /** Keys that authenticate today: active and not past their expiry. */
  async countUsable(manager: EntityManager, applicationId: string): Promise<number> {
    const [row] = (await manager.query(
      `SELECT count(*)::int AS n FROM api_keys
        WHERE application_id = $1 AND status = 'active' AND (expires_at IS NULL OR expires_at > now())`,
      [applicationId],
    )) as Array<{ n: number }>;
    return row.n;
  }

  async setEnforcement(
    manager: EntityManager,
    applicationId: string,
    enforcement: { category: KeyEnforcementReason | null; reason: string | null } | null,
  ): Promise<void> {
    await manager.getRepository(ApplicationEntity).update(
      { id: applicationId },
      enforcement
        ? {
            enforcedAt: () => 'now()',
            enforcementCategory: enforcement.category,
            enforcementReason: enforcement.reason,
          }
        : { enforcedAt: null, enforcementCategory: null, enforcementReason: null },
    );
  }

  async prefixesForApplication(applicationId: string): Promise<string[]> {
    const keys = await this.dataSource
      .getRepository(ApiKeyEntity)
      .find({ select: { prefix: true }, where: { applicationId } });
    return keys.map((key) => key.prefix);
  }

  list(query: ListQuery): Promise<ListPage<ApiKeyRow>> {
    return runList<ApiKeyRow>(this.dataSource, API_KEY_LIST_SOURCE, query);
  }

  async findRow(id: string): Promise<ApiKeyRow | null> {
    const [row] = (await this.dataSource.query(
      `SELECT ${API_KEY_LIST_SOURCE.columns} ${API_KEY_LIST_SOURCE.from} WHERE k.id = $1`,
      [id],
    )) as ApiKeyRow[];
    return row ?? null;
  }

  listRowsForApplication(applicationId: string): Promise<ApiKeyRow[]> {
    return this.dataSource.query(
      `SELECT ${API_KEY_LIST_SOURCE.columns} ${API_KEY_LIST_SOURCE.from} WHERE k.application_id = $1 ORDER BY k.created_at`,
      [applicationId],
    ) as Promise<ApiKeyRow[]>;
  }

  async touchLastUsed(id: string, at: Date): Promise<void> {
    await this.dataSource.getRepository(ApiKeyEntity).update({ id }, { lastUsedAt: at });
  }
}
