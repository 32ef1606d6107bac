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
      async collect() {
        this.set(await repository.countDeadLetters());
      },
    });
  }
}
