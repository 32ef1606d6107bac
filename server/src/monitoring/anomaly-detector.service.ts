import { Inject, Injectable } from '@nestjs/common';
import { Logger } from 'pino';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { KeyAction } from '../contracts';
import { SYSTEM_ACTOR } from '../audit/audit.types';
import { LOGGER } from '../common/logger.module';
import { AlertRow, AlertsRepository } from './alerts.repository';
import { AnomalyRule, RuleAction, toFinding } from './anomaly-rules';
import { MetricsService } from './metrics.service';

/** Runs every enabled rule over its window, raises deduplicated alerts and takes the rule's action. */
@Injectable()
export class AnomalyDetectorService {
  constructor(
    private readonly alerts: AlertsRepository,
    private readonly apiKeys: ApiKeysService,
    private readonly metrics: MetricsService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async runOnce(): Promise<AlertRow[]> {
    const fired: AlertRow[] = [];
    for (const rule of await this.alerts.enabledRules()) {
      for (const row of await this.alerts.evaluate(rule)) {
        const alert = await this.alerts.fire(rule, toFinding(rule, row));
        if (!alert) continue;
        await this.metrics.countAlertFired(rule.id, rule.severity);
        this.logger.warn(
          {
            rule: rule.id,
            alertId: alert.id,
            applicationId: alert.application_id,
            apiKeyId: alert.api_key_id,
          },
          alert.title,
        );
        await this.act(rule, alert);
        fired.push(alert);
      }
    }
    return fired;
  }

  private async act(rule: AnomalyRule, alert: AlertRow): Promise<void> {
    const reason = `suspended pending review by anomaly rule ${rule.id}: ${alert.title}`;
    try {
      if (rule.action === RuleAction.SuspendKey && alert.api_key_id) {
        await this.apiKeys.changeStatus(SYSTEM_ACTOR, alert.api_key_id, KeyAction.Suspend, reason);
        await this.alerts.noteAction(alert.id, `suspended key ${alert.api_key_id}`);
      } else if (rule.action === RuleAction.SuspendApplication && alert.application_id) {
        const keys = await this.alerts.activeKeysOf(alert.application_id);
        for (const keyId of keys) {
          await this.apiKeys.changeStatus(SYSTEM_ACTOR, keyId, KeyAction.Suspend, reason);
        }
        await this.alerts.noteAction(
          alert.id,
          `suspended all ${keys.length} active keys of application ${alert.application_id}`,
        );
      }
    } catch (err) {
      // Already suspended or terminated: the alert stands, the action is moot.
      this.logger.warn({ err, alertId: alert.id }, 'anomaly rule action not taken');
      await this.alerts.noteAction(
        alert.id,
        `action not taken: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }
}
