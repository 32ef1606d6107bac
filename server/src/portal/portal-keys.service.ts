import { Injectable } from '@nestjs/common';
import { ApiKeyRow } from '../api-keys/api-keys.repository';
import { ApiKeysService, IssuedApiKeyRow } from '../api-keys/api-keys.service';
import { KeyAction } from '../contracts';
import { ApplicationsService } from '../applications/applications.service';
import { DeveloperPrincipal, developerActor } from './developer-principal';

/** A developer's keys: only those of their own organization's applications; anything else is not found. */
@Injectable()
export class PortalKeysService {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly apiKeys: ApiKeysService,
  ) {}

  async list(developer: DeveloperPrincipal, applicationId: string): Promise<ApiKeyRow[]> {
    await this.applications.getOwn(developer.organizationId, applicationId);
    return this.apiKeys.listForApplication(applicationId);
  }

  async create(
    developer: DeveloperPrincipal,
    applicationId: string,
    input: { name: string; expiresAt?: Date | null },
  ): Promise<IssuedApiKeyRow> {
    await this.applications.getOwn(developer.organizationId, applicationId);
    return this.apiKeys.create(developerActor(developer), applicationId, input);
  }

  async revoke(
    developer: DeveloperPrincipal,
    applicationId: string,
    keyId: string,
    reason: string | null,
  ): Promise<ApiKeyRow> {
    await this.applications.getOwn(developer.organizationId, applicationId);
    return this.apiKeys.changeStatus(developerActor(developer), keyId, KeyAction.Revoke, reason, {
      applicationId,
    });
  }
}
