import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ListPage, ListQuery } from '../common/list-query';
import { AuditService } from '../audit/audit.service';
import { Actor, AuditAction, AuditEntityType } from '../audit/audit.types';
import { MonitoringError } from './monitoring.errors';
import { AlertsRepository } from './alerts.repository';

@Injectable()
export class AlertsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: AlertsRepository,
    private readonly audit: AuditService,
  ) {}

  list(query: ListQuery): Promise<ListPage<Record<string, unknown>>> {
    return this.repository.list(query);
  }

  /** open → acknowledged → resolved; resolving straight from open is allowed, going back is not. */
  async transition(
    actor: Actor,
    id: string,
    to: 'acknowledged' | 'resolved',
    resolution: string | null,
  ): Promise<void> {
    const before = await this.repository.find(id);
    if (!before) throw MonitoringError.alertNotFound(id);
    const after = await this.repository.transition(id, to, actor.email ?? actor.id ?? actor.type, resolution);
    if (!after) throw MonitoringError.invalidAlertTransition(id, before.status, to);
    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, {
        actor,
        action: to === 'acknowledged' ? AuditAction.AlertAcknowledged : AuditAction.AlertResolved,
        entityType: AuditEntityType.Alert,
        entityId: id,
        before: { status: before.status },
        after: { status: after.status, resolution },
      }),
    );
  }
}
