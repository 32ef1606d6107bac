import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OrganizationEntity } from './organization.entity';
import { OrganizationsRepository } from './organizations.repository';

export class OrganizationExistsError extends Error {}

@Injectable()
export class OrganizationsService {
  constructor(private readonly repository: OrganizationsRepository) {}

  async create(name: string, manager?: EntityManager): Promise<OrganizationEntity> {
    const trimmed = name.trim();
    if (!trimmed) {
      throw new Error('an organization needs a name');
    }
    if (await this.repository.findByName(trimmed, manager)) {
      throw new OrganizationExistsError(`an organization named "${trimmed}" already exists`);
    }
    return this.repository.create(trimmed, manager);
  }

  async findOrCreate(name: string, manager?: EntityManager): Promise<OrganizationEntity> {
    return (await this.repository.findByName(name, manager)) ?? this.repository.create(name, manager);
  }

  findByName(name: string): Promise<OrganizationEntity | null> {
    return this.repository.findByName(name);
  }

  list(): Promise<OrganizationEntity[]> {
    return this.repository.list();
  }
}
