import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import { JobName, QueueName } from '../common/queues';

/** The job carries only the run id: the row is the one source of truth for what to run. */
export interface RunBiasJob {
  runId: string;
}

/**
 * A run resumes from its checkpoints on every attempt, so a few attempts with a long backoff ride out a worker
 * restart or an upstream outage without redoing finished probes.
 */
export const BIAS_RUN_JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 5000 },
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** How long one attempt may take before it is abandoned (BullMQ has no job timeout of its own). */
export const BIAS_RUN_TIMEOUT_MS = 30 * 60 * 1000;

@Injectable()
export class BiasRunQueue {
  constructor(@InjectQueue(QueueName.BiasRuns) private readonly queue: Queue<RunBiasJob>) {}

  async enqueue(runId: string): Promise<void> {
    // The job id is the run's, so enqueueing a run twice never runs it twice.
    await this.queue.add(JobName.RunBias, { runId }, { ...BIAS_RUN_JOB_OPTIONS, jobId: `bias-run-${runId}` });
  }
}
