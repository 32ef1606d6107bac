import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ApplicationEntity, ApplicationStatus } from './application.entity';
import { ApplicationsError } from './applications.errors';
import { ApplicationsRepository } from './applications.repository';

@Injectable()
export class ApplicationsService {
  constructor(private readonly repository: ApplicationsRepository) {}

  create(
    organizationId: string,
    name: string,
    status: ApplicationStatus = ApplicationStatus.Sandbox,
    manager?: EntityManager,
  ): Promise<ApplicationEntity> {
    const trimmed = name.trim();
    if (!trimmed) {
      throw new Error('an application needs a name');
    }
    return this.repository.create({ organizationId, name: trimmed, status }, manager);
  }

  async findOrCreate(
    organizationId: string,
    name: string,
    status: ApplicationStatus,
    manager?: EntityManager,
  ): Promise<ApplicationEntity> {
    return (
      (await this.repository.findInOrganization(organizationId, name, manager)) ??
      this.repository.create({ organizationId, name, status }, manager)
    );
  }

  findById(id: string): Promise<ApplicationEntity | null> {
    return this.repository.findById(id);
  }

  listForOrganization(organizationId: string): Promise<ApplicationEntity[]> {
    return this.repository.listForOrganization(organizationId);
  }

  /** Only sandbox and live applications are served; suspension and termination cut them off. */
  assertMayCall(application: ApplicationEntity): void {
    if (application.status === ApplicationStatus.Suspended) {
      throw ApplicationsError.suspended(application.name);
    }
    if (application.status === ApplicationStatus.Terminated) {
      throw ApplicationsError.terminated(application.name);
    }
  }
}
