import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ListPage, ListQuery } from '../common/list-query';
import { AuditService } from '../audit/audit.service';
import { Actor, AuditAction, AuditEntityType } from '../audit/audit.types';
import { DevelopersRepository } from './developers.repository';
import { OrganizationEntity } from './organization.entity';
import { OrganizationsError } from './organizations.errors';
import { OrganizationRow, OrganizationsRepository } from './organizations.repository';

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly repository: OrganizationsRepository,
    private readonly developers: DevelopersRepository,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Creates and audits, inside the caller's transaction when there is one. */
  async create(actor: Actor, name: string, manager?: EntityManager): Promise<OrganizationEntity> {
    if (!manager) {
      return this.dataSource.transaction((own) => this.create(actor, name, own));
    }
    const trimmed = name.trim();
    if (!trimmed) {
      throw new Error('an organization needs a name');
    }
    if (await this.repository.findByName(trimmed, manager)) {
      throw OrganizationsError.exists(trimmed);
    }
    const organization = await this.repository.create(trimmed, manager);
    await this.audit.record(manager, {
      actor,
      action: AuditAction.OrganizationCreated,
      entityType: AuditEntityType.Organization,
      entityId: organization.id,
      after: { name: organization.name },
    });
    return organization;
  }

  async findOrCreate(actor: Actor, name: string, manager: EntityManager): Promise<OrganizationEntity> {
    return (await this.repository.findByName(name, manager)) ?? this.create(actor, name, manager);
  }

  findByName(name: string): Promise<OrganizationEntity | null> {
    return this.repository.findByName(name);
  }

  findById(id: string): Promise<OrganizationEntity | null> {
    return this.repository.findById(id);
  }

  list(): Promise<OrganizationEntity[]> {
    return this.repository.list();
  }

  search(query: ListQuery): Promise<ListPage<OrganizationRow>> {
    return this.repository.search(query);
  }

  /** Whether someone with this e-mail address holds a developer account in the organization. */
  hasMember(organizationId: string, email: string): Promise<boolean> {
    return this.developers.isMember(organizationId, email);
  }

  async get(id: string): Promise<OrganizationRow> {
    const row = await this.repository.findRow(id);
    if (!row) {
      throw OrganizationsError.notFound(id);
    }
    return row;
  }
}
