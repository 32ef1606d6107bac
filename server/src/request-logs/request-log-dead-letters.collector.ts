import { Injectable } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { MetricsService } from '../monitoring/metrics.service';
import { RequestLogsRepository } from './request-logs.repository';

/** Request-log rows waiting in dead letters, read from Postgres when Prometheus scrapes: above 0, alert. */
@Injectable()
export class RequestLogDeadLettersCollector {
  constructor(metrics: MetricsService, repository: RequestLogsRepository) {
    new Gauge({
      name: 'warden_request_log_dead_letters',
      help: 'Request-log rows the worker could not write, kept in request_log_dead_letters with the reason',
      registers: [metrics.registry],
      // With the database away the gauge keeps its last value: a throw here would fail the whole scrape (500), and
      // hide the metrics that matter most then, such as the request-log backlog.
      async collect() {
        const count = await repository.countDeadLetters().catch(() => undefined);
        if (count !== undefined) this.set(count);
      },
    });
  }
}
