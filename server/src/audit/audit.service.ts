import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ListPage, ListQuery } from '../common/list-query';
import { AuditEventNotFoundError } from './audit.errors';
import { currentRequestId } from '../common/request-context';
import { ChainVerifier } from './audit.chain';
import { AuditEventRow, AuditRepository } from './audit.repository';
import { AuditEventInput, ChainStatus } from './audit.types';

const VERIFY_BATCH = 1000;

/**
 * The audit log. Every state change writes its event in the same transaction as the change itself, so an event
 * exists exactly when its change does.
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly repository: AuditRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async record(manager: EntityManager, input: AuditEventInput): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('audit events are written inside the transaction of the change they describe');
    }
    await this.repository.append(
      manager,
      {
        actorType: input.actor.type,
        actorId: input.actor.id,
        actorEmail: input.actor.email,
        action: input.action,
        entityType: input.entityType,
        entityId: input.entityId,
        before: snapshot(input.before),
        after: snapshot(input.after),
        requestId: currentRequestId() ?? null,
      },
      () => new Date(),
    );
  }

  /** For events that are their own change (a login, a lock-out). */
  recordAlone(input: AuditEventInput): Promise<void> {
    return this.dataSource.transaction((manager) => this.record(manager, input));
  }

  async verify(): Promise<ChainStatus> {
    const verifier = new ChainVerifier();
    let after = 0;
    for (;;) {
      const batch = await this.repository.readAfter(after, VERIFY_BATCH);
      for (const event of batch) {
        if (!verifier.check(event)) {
          return verifier.result();
        }
      }
      if (batch.length < VERIFY_BATCH) {
        return verifier.result();
      }
      after = batch[batch.length - 1].seq;
    }
  }

  list(query: ListQuery): Promise<ListPage<AuditEventRow>> {
    return this.repository.list(query);
  }

  async get(id: string): Promise<AuditEventRow> {
    const row = await this.repository.findById(id);
    if (!row) {
      throw new AuditEventNotFoundError(id);
    }
    return row;
  }
}

/** What jsonb will hand back: dates as ISO strings, undefined dropped; the hash must cover exactly that. */
function snapshot(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}
