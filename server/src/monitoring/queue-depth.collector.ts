import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Gauge } from 'prom-client';
import { QueueName } from '../common/queues';
import { MetricsService } from './metrics.service';

/** Jobs waiting, running, delayed and failed per queue, read from Redis when Prometheus scrapes. */
@Injectable()
export class QueueDepthCollector {
  constructor(
    metrics: MetricsService,
    @InjectQueue(QueueName.RequestLogs) requestLogs: Queue,
    @InjectQueue(QueueName.Webhooks) webhooks: Queue,
    @InjectQueue(QueueName.Monitoring) monitoring: Queue,
  ) {
    const queues = [requestLogs, webhooks, monitoring];
    new Gauge({
      name: 'warden_queue_jobs',
      help: 'BullMQ jobs by queue and state',
      labelNames: ['queue', 'state'] as const,
      registers: [metrics.registry],
      async collect() {
        for (const queue of queues) {
          const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed');
          for (const [state, count] of Object.entries(counts)) this.set({ queue: queue.name, state }, count);
        }
      },
    });
  }
}
