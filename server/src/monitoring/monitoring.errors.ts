import { OpenAiErrorType, WardenError } from '../common/errors';

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
  readonly type: OpenAiErrorType;

  constructor(
    readonly status: number,
    override readonly code: MonitoringErrorCode,
    message: string,
    param: string | null = null,
  ) {
    super(code, message, param);
    this.type = status === 401 ? OpenAiErrorType.Authentication : OpenAiErrorType.InvalidRequest;
  }

  static metricsTokenRequired(): MonitoringError {
    return new MonitoringError(
      401,
      MonitoringErrorCode.MetricsTokenRequired,
      'Metrics are protected: send the operator-configured token as `Authorization: Bearer <WARDEN_METRICS_TOKEN>`.',
    );
  }

  static invalidWindow(allowed: readonly string[]): MonitoringError {
    return new MonitoringError(
      400,
      MonitoringErrorCode.InvalidWindow,
      `window must be one of ${allowed.join(', ')}`,
      'window',
    );
  }

  static alertNotFound(id: string): MonitoringError {
    return new MonitoringError(404, MonitoringErrorCode.AlertNotFound, `No alert ${id}.`, 'id');
  }

  static invalidAlertTransition(id: string, from: string, to: string): MonitoringError {
    return new MonitoringError(
      409,
      MonitoringErrorCode.InvalidAlertTransition,
      `Alert ${id} is ${from}; it cannot become ${to}.`,
      'id',
    );
  }

  static invalidRule(message: string): MonitoringError {
    return new MonitoringError(400, MonitoringErrorCode.InvalidAnomalyRule, message);
  }

  static ruleNotFound(id: string): MonitoringError {
    return new MonitoringError(404, MonitoringErrorCode.AnomalyRuleNotFound, `No anomaly rule ${id}.`, 'id');
  }
}
