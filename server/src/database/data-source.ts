import path from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import { ApiKeyEntity } from '../api-keys/api-key.entity';
import { ApplicationDecisionEntity } from '../applications/application-decision.entity';
import { ApplicationEntity } from '../applications/application.entity';
import { AuditEventEntity } from '../audit/audit-event.entity';
import { ApplicationBiasRunEntity, BiasRunEntity, BiasRunResultEntity } from '../bias/bias-run.entity';
import { ResearchGrantEntity } from '../research-grants/research-grant.entity';
import { PolicyEntity } from '../policies/policy.entity';
import { DeveloperEntity } from '../organizations/developer.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import { RequestLogEntity } from '../request-logs/request-log.entity';
import { SessionEntity } from '../staff/session.entity';
import { StaffUserEntity } from '../staff/staff-user.entity';

export const ENTITIES = [
  OrganizationEntity,
  ApplicationEntity,
  ApiKeyEntity,
  RequestLogEntity,
  StaffUserEntity,
  PolicyEntity,
  DeveloperEntity,
  SessionEntity,
  ApplicationDecisionEntity,
  AuditEventEntity,
  BiasRunEntity,
  BiasRunResultEntity,
  ApplicationBiasRunEntity,
  ResearchGrantEntity,
];

/** The one data source definition, shared by the api, the worker, the launcher and the CLI. */
export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: [path.join(__dirname, '..', '..', '..', 'migrations', '*.js')],
    migrationsTableName: 'migrations',
    synchronize: false,
    logging: false,
    extra: { max: 10, connectionTimeoutMillis: 5000 },
  };
}

export function createDataSource(databaseUrl: string): DataSource {
  return new DataSource(dataSourceOptions(databaseUrl));
}
