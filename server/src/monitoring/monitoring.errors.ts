import { WardenError } from '../common/errors';

declare module '../common/errors' {
  interface ErrorCodeRegistry {
    monitoring: MonitoringErrorCode;
  }
}

export enum MonitoringErrorCode {
  MetricsTokenRequired = 'metrics_token_required',
  InvalidWindow = 'invalid_window',
  AlertNotFound = 'alert_not_found',
  InvalidAlertTransition = 'invalid_alert_transition',
  AnomalyRuleNotFound = 'anomaly_rule_not_found',
  InvalidAnomalyRule = 'invalid_anomaly_rule',
}

/** Dashboards, alerts, anomaly rules and the metrics endpoint. */
export class MonitoringError extends WardenError {
  constructor(
    override readonly code: MonitoringErrorCode,
    message: string,
    param: string | null = null,
  ) {
    super(code, message, param);
  }

  static metricsTokenRequired(): MonitoringError {
    return new MonitoringError(
      MonitoringErrorCode.MetricsTokenRequired,
      'Metrics are protected: send the operator-configured token as `Authorization: Bearer <WARDEN_METRICS_TOKEN>`.',
    );
  }

  static invalidWindow(allowed: readonly string[]): MonitoringError {
    return new MonitoringError(
      MonitoringErrorCode.InvalidWindow,
      `window must be one of ${allowed.join(', ')}`,
      'window',
    );
  }

  static alertNotFound(id: string): MonitoringError {
    return new MonitoringError(MonitoringErrorCode.AlertNotFound, `No alert ${id}.`, 'id');
  }

  static invalidAlertTransition(id: string, from: string, to: string): MonitoringError {
    return new MonitoringError(
      MonitoringErrorCode.InvalidAlertTransition,
      `Alert ${id} is ${from}; it cannot become ${to}.`,
      'id',
    );
  }

  static invalidRule(message: string): MonitoringError {
    return new MonitoringError(MonitoringErrorCode.InvalidAnomalyRule, message);
  }

  static ruleNotFound(id: string): MonitoringError {
    return new MonitoringError(MonitoringErrorCode.AnomalyRuleNotFound, `No anomaly rule ${id}.`, 'id');
  }
}
