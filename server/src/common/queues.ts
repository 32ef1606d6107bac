import { JobsOptions } from 'bullmq';

export enum QueueName {
  RequestLogs = 'request-logs',
  Maintenance = 'maintenance',
  BiasRuns = 'bias-runs',
  Webhooks = 'webhooks',
  Monitoring = 'monitoring',
  FineTuning = 'fine-tuning',
  PolicyReplays = 'policy-replays',
}

export enum JobName {
  PersistRequestLogs = 'persist-request-logs',
  EnsureRequestLogPartitions = 'ensure-request-log-partitions',
  ApplyRequestLogRetention = 'apply-request-log-retention',
  RunBias = 'run-bias',
  DeliverWebhook = 'deliver-webhook',
  EvaluateAnomalyRules = 'evaluate-anomaly-rules',
  RunFineTuningJob = 'run-fine-tuning-job',
  ReplayPolicyProposal = 'replay-policy-proposal',
}

/** Delivery is at least once: every handler is idempotent, and failed jobs are kept a week for inspection. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 12,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: { age: 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};
