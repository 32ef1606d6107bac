import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Logger } from 'pino';
import { DataSource, EntityManager } from 'typeorm';
import { apiKeyMatches, parseApiKey } from '../api-keys/api-key.secret';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { ApiKeyEntity, ApiKeyKind } from '../api-keys/api-key.entity';
import { ApplicationStatus } from '../applications/application.entity';
import { ApplicationsService } from '../applications/applications.service';
import { SYSTEM_ACTOR } from '../audit/audit.types';
import { LOGGER } from '../common/logger.module';
import { WardenConfig } from '../config/config';
import { WARDEN_CONFIG } from '../config/config.module';
import { OrganizationsService } from '../organizations/organizations.service';
import { StaffRole } from '../contracts';
import { StaffUserEntity } from '../staff/staff-user.entity';
import { StaffService } from '../staff/staff.service';

export const DEMO_ORGANIZATION = 'Demo';
export const DEMO_APPLICATION = 'Demo application';

/** What a start should tell the person who ran it. */
export interface FirstRunOutcome {
  /** `created` by this start from WARDEN_INIT_ADMIN_*, already `present`, or `missing` (nobody can sign in). */
  admin: 'created' | 'present' | 'missing';
  /** A demo key minted because the install had none and none was configured: shown once, never stored. */
  mintedKey?: string;
}

/**
 * Makes a fresh install usable at once from the environment: the first staff admin and a live demo application
 * holding exactly `WARDEN_INIT_API_KEY`. Idempotent, and serialized so replicas starting together agree.
 */
@Injectable()
export class FirstRunService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly staff: StaffService,
    private readonly organizations: OrganizationsService,
    private readonly applications: ApplicationsService,
    private readonly apiKeys: ApiKeysService,
  ) {}

  async run(): Promise<FirstRunOutcome> {
    const { adminEmail, adminPassword } = this.config.init;
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('warden:first-run'))`);
      const admins = manager.getRepository(StaffUserEntity);
      const adminsBefore = await admins.countBy({ role: StaffRole.Admin });
      if (adminEmail && adminPassword) {
        await this.staff.ensure(adminEmail, adminPassword, StaffRole.Admin, manager);
      }
      const adminsAfter = await admins.countBy({ role: StaffRole.Admin });
      return {
        admin: adminsAfter === 0 ? 'missing' : adminsAfter > adminsBefore ? 'created' : 'present',
        mintedKey: await this.ensureDemoKey(manager),
      };
    });
  }

  private async ensureDemoKey(manager: EntityManager): Promise<string | undefined> {
    const { apiKey } = this.config.init;
    const keys = manager.getRepository(ApiKeyEntity);
    if (apiKey) {
      const prefix = parseApiKey(apiKey)!.prefix;
      const existing = await keys.findOneBy({ prefix });
      if (existing) {
        if (!apiKeyMatches(apiKey, existing.secretHash)) {
          throw new Error(`WARDEN_INIT_API_KEY: the prefix wk-${prefix} already belongs to a different key`);
        }
        return undefined;
      }
    } else if ((await keys.count()) > 0) {
      return undefined;
    }
    const organization = await this.organizations.findOrCreate(SYSTEM_ACTOR, DEMO_ORGANIZATION, manager);
    const application = await this.applications.findOrCreate(
      SYSTEM_ACTOR,
      organization.id,
      DEMO_APPLICATION,
      ApplicationStatus.Live,
      manager,
    );
    const issued = await this.apiKeys.issue(
      manager,
      SYSTEM_ACTOR,
      {
        applicationId: application.id,
        name: apiKey ? 'WARDEN_INIT_API_KEY' : 'first-run demo key',
        kind: application.status === ApplicationStatus.Sandbox ? ApiKeyKind.Sandbox : ApiKeyKind.Production,
      },
      apiKey,
    );
    // A minted key is announced by the start banner; a configured one deserves its own line.
    this.logger[apiKey ? 'info' : 'debug'](
      { keyPrefix: issued.key.prefix, applicationId: application.id },
      'registered a key for the demo application',
    );
    return apiKey ? undefined : issued.secret;
  }
}
