import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, MoreThan } from 'typeorm';
import { ListPage, ListQuery } from '../common/list-query';
import { ListSource, runList } from '../database/list-sql';
import { ChainedEvent, chainHash } from './audit.chain';
import { AuditEventEntity } from './audit-event.entity';
import { AUDIT_LIST, AuditEventFilterField, AuditEventSortField } from './audit.dto';

export interface AuditEventRow {
  id: string;
  seq: string;
  at: Date;
  actorType: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  hash: string;
  prevHash: string | null;
}

export const AUDIT_LIST_SOURCE: ListSource<AuditEventSortField, AuditEventFilterField> = {
  contract: AUDIT_LIST,
  columns: `e.id, e.seq::text AS seq, e.at, e.actor_type AS "actorType", e.actor_id AS "actorId", e.actor_email AS "actorEmail",
    e.action, e.entity_type AS "entityType", e.entity_id AS "entityId", e.before, e.after, e.request_id AS "requestId",
    e.hash, e.prev_hash AS "prevHash"`,
  from: 'FROM audit_events e',
  sortColumns: {
    seq: 'e.seq',
    id: 'e.seq',
    at: 'e.seq',
    action: 'e.action',
    actorEmail: 'e.actor_email',
    entityType: 'e.entity_type',
  },
  tiebreaker: 'e.seq',
  filterSql: {
    id: { column: 'e.id' },
    seq: { column: 'e.seq' },
    actorType: { column: 'e.actor_type' },
    actorId: { column: 'e.actor_id' },
    action: { column: 'e.action' },
    entityType: { column: 'e.entity_type' },
    entityId: { column: 'e.entity_id' },
    requestId: { column: 'e.request_id' },
    q: { search: ['e.action', 'e.actor_email', 'e.entity_id', 'e.request_id'] },
  },
};

const CHAIN_LOCK = `SELECT pg_advisory_xact_lock(hashtext('warden:audit-chain'))`;

@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends under a transaction-scoped advisory lock, so concurrent transactions extend the chain one at a time
   * and each sees the hash its predecessor committed. `at` is taken under the lock so it never runs backwards.
   */
  async append(
    manager: EntityManager,
    event: Omit<ChainedEvent, 'seq' | 'at'>,
    now: () => Date,
  ): Promise<AuditEventEntity> {
    await manager.query(CHAIN_LOCK);
    const [last] = (await manager.query(
      `SELECT e.seq::text AS last_seq, e.hash FROM audit_events e ORDER BY e.seq DESC LIMIT 1`,
    )) as Array<{ last_seq: string; hash: string }>;
    const chained: ChainedEvent = {
      ...event,
      seq: last ? Number(last.last_seq) + 1 : 1,
      at: now().toISOString(),
    };
    const prevHash = last?.hash ?? null;
    const repository = manager.getRepository(AuditEventEntity);
    return repository.save(
      repository.create({
        ...chained,
        at: new Date(chained.at),
        prevHash,
        hash: chainHash(prevHash, chained),
      }),
    );
  }

  readAfter(seq: number, limit: number): Promise<AuditEventEntity[]> {
    return this.dataSource
      .getRepository(AuditEventEntity)
      .find({ where: { seq: MoreThan(seq) }, order: { seq: 'ASC' }, take: limit });
  }

  list(query: ListQuery): Promise<ListPage<AuditEventRow>> {
    return runList<AuditEventRow>(this.dataSource, AUDIT_LIST_SOURCE, query);
  }

  async findById(id: string): Promise<AuditEventRow | null> {
    const [row] = (await this.dataSource.query(
      `SELECT ${AUDIT_LIST_SOURCE.columns} ${AUDIT_LIST_SOURCE.from} WHERE e.id = $1`,
      [id],
    )) as AuditEventRow[];
    return row ?? null;
  }
}
