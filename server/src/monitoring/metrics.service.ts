import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: 'warden_http_requests_total',
    help: 'HTTP requests answered, by route and status code',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'warden_http_request_duration_seconds',
    help: 'HTTP request duration',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  readonly completions = new Counter({
    name: 'warden_completions_total',
    help: 'Completions requests by model, outcome and streaming',
    labelNames: ['model', 'outcome', 'stream'] as const,
    registers: [this.registry],
  });

  readonly completionTokens = new Counter({
    name: 'warden_completion_tokens_total',
    help: 'Tokens generated, by model',
    labelNames: ['model'] as const,
    registers: [this.registry],
  });

  readonly requestLogFailures = new Counter({
    name: 'warden_request_log_enqueue_failures_total',
    help: 'Request-log records that could not be handed to the queue',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'warden_' });
  }
}
