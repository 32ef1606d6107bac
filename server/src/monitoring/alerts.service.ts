import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ListPage, ListQuery } from '../common/list-query';
import { AuditService } from '../audit/audit.service';
import { Actor, AuditAction, AuditEntityType } from '../audit/audit.types';
import { MonitoringError } from './monitoring.errors';
import { AlertListRow, AlertsRepository, AnomalyRuleRow } from './alerts.repository';
import { RULE_PARAMS, ruleChangeSchema } from './anomaly-rules';
import { describeIssues, parseBody } from '../common/request-body';

@Injectable()
export class AlertsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: AlertsRepository,
    private readonly audit: AuditService,
  ) {}

  list(query: ListQuery): Promise<ListPage<AlertListRow>> {
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

  listRules(): Promise<AnomalyRuleRow[]> {
    return this.repository.listRules();
  }

  async getRule(id: string): Promise<AnomalyRuleRow> {
    const rule = await this.repository.findRule(id);
    if (!rule) throw MonitoringError.ruleNotFound(id);
    return rule;
  }

  /** Thresholds, window, severity and action of one rule; out-of-range values are refused with the reason. */
  async updateRule(actor: Actor, id: string, body: unknown): Promise<AnomalyRuleRow> {
    const before = await this.getRule(id);
    const change = parseBody(ruleChangeSchema, body);
    const params = RULE_PARAMS[before.id].safeParse(change.params);
    if (!params.success) {
      throw MonitoringError.invalidRule(describeIssues(params.error.issues).replace(/^/, 'params.'));
    }
    await this.dataSource.transaction(async (manager) => {
      await this.repository.updateRule(
        manager,
        before.id,
        { ...change, params: params.data },
        actor.email ?? actor.type,
      );
      await this.audit.record(manager, {
        actor,
        action: AuditAction.AnomalyRuleUpdated,
        entityType: AuditEntityType.AnomalyRule,
        entityId: before.id,
        before: {
          enabled: before.enabled,
          windowSeconds: before.windowSeconds,
          params: before.params,
          action: before.action,
          severity: before.severity,
        },
        after: { ...change, params: params.data },
      });
    });
    return this.getRule(id);
  }
}
