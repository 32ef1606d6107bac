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

  /**
   * The operator's creation (CLI, first run): refuses a name already in use, because the operator names
   * organizations in later commands. Creates and audits, inside the caller's transaction when there is one.
   */
  async create(actor: Actor, name: string, manager?: EntityManager): Promise<OrganizationEntity> {
    if (!manager) {
      return this.dataSource.transaction((own) => this.create(actor, name, own));
    }
    if (await this.repository.findByName(name.trim(), manager)) {
      throw OrganizationsError.exists(name.trim());
    }
    return this.createNamed(actor, name, manager);
  }

  /**
   * A developer's registration: names are display names, so a namesake is created alongside an existing
   * organization rather than refused, and register cannot be used to learn which organizations exist.
   */
  registerNew(actor: Actor, name: string, manager: EntityManager): Promise<OrganizationEntity> {
    return this.createNamed(actor, name, manager);
  }

  private async createNamed(actor: Actor, name: string, manager: EntityManager): Promise<OrganizationEntity> {
    const trimmed = name.trim();
    if (!trimmed) {
      throw new Error('an organization needs a name');
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

  /** Every organization with this name (names are not unique), oldest first. */
  findAllByName(name: string): Promise<OrganizationEntity[]> {
    return this.repository.findAllByName(name);
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

  /** Refuses a staff decision on the organization's own requests by someone who is also one of its developers. */
  async assertOutsider(organizationId: string, staffEmail: string): Promise<void> {
    if (await this.hasMember(organizationId, staffEmail)) throw OrganizationsError.selfReview();
  }

  async get(id: string): Promise<OrganizationRow> {
    const row = await this.repository.findRow(id);
    if (!row) {
      throw OrganizationsError.notFound(id);
    }
    return row;
  }
}
