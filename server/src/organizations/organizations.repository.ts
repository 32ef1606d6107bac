import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ListPage, ListQuery } from '../common/list-query';
import { ListSource, runList } from '../database/list-sql';
import { OrganizationEntity } from './organization.entity';
import { ORGANIZATION_LIST, OrganizationFilterField, OrganizationSortField } from './organizations.dto';

export interface OrganizationRow {
  id: string;
  name: string;
  createdAt: Date;
  applicationCount: number;
}

export const ORGANIZATION_LIST_SOURCE: ListSource<OrganizationSortField, OrganizationFilterField> = {
  contract: ORGANIZATION_LIST,
  columns: `o.id, o.name, o.created_at AS "createdAt",
    (SELECT count(*)::int FROM applications a WHERE a.organization_id = o.id) AS "applicationCount"`,
  from: 'FROM organizations o',
  sortColumns: {
    id: 'o.id',
    name: 'lower(o.name)',
    createdAt: 'o.created_at',
    applicationCount: '(SELECT count(*) FROM applications a WHERE a.organization_id = o.id)',
  },
  tiebreaker: 'o.id',
  filterSql: {
    id: { column: 'o.id' },
    q: { search: ['o.name'] },
  },
};

@Injectable()
export class OrganizationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  create(name: string, manager: EntityManager = this.dataSource.manager): Promise<OrganizationEntity> {
    const repository = manager.getRepository(OrganizationEntity);
    return repository.save(repository.create({ name }));
  }

  /** The oldest organization with this name (names are display names, not unique). */
  async findByName(
    name: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<OrganizationEntity | null> {
    const [oldest] = await this.findAllByName(name, manager, 1);
    return oldest ?? null;
  }

  findAllByName(
    name: string,
    manager: EntityManager = this.dataSource.manager,
    limit = 20,
  ): Promise<OrganizationEntity[]> {
    return manager
      .getRepository(OrganizationEntity)
      .createQueryBuilder('organization')
      .where('lower(organization.name) = lower(:name)', { name })
      .orderBy('organization.createdAt', 'ASC')
      .addOrderBy('organization.id', 'ASC')
      .limit(limit)
      .getMany();
  }

  findById(id: string): Promise<OrganizationEntity | null> {
    return this.dataSource.getRepository(OrganizationEntity).findOneBy({ id });
  }

  list(): Promise<OrganizationEntity[]> {
    return this.dataSource.getRepository(OrganizationEntity).find({ order: { createdAt: 'ASC' } });
  }

  search(query: ListQuery): Promise<ListPage<OrganizationRow>> {
    return runList<OrganizationRow>(this.dataSource, ORGANIZATION_LIST_SOURCE, query);
  }

  async findRow(id: string): Promise<OrganizationRow | null> {
    const [row] = (await this.dataSource.query(
      `SELECT ${ORGANIZATION_LIST_SOURCE.columns} ${ORGANIZATION_LIST_SOURCE.from} WHERE o.id = $1`,
      [id],
    )) as OrganizationRow[];
    return row ?? null;
  }
}
