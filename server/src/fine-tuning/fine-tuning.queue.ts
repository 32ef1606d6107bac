import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import { JobName, QueueName } from '../common/queues';

/** The job carries only the fine-tuning job id: the row says what to train and how far it got. */
export interface RunFineTuningJob {
  jobId: string;
}

/**
 * A redelivered job restarts training from its seed (same weights), so one retry after a worker crash is enough;
 * a second failure is reported on the job.
 */
export const FINE_TUNING_JOB_OPTIONS: JobsOptions = {
  attempts: 2,
  backoff: { type: 'exponential', delay: 10_000 },
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** How long one attempt may train before it is abandoned (BullMQ has no job timeout of its own). */
export const FINE_TUNING_TIMEOUT_MS = 60 * 60 * 1000;

@Injectable()
export class FineTuningQueue {
  constructor(@InjectQueue(QueueName.FineTuning) private readonly queue: Queue<RunFineTuningJob>) {}

  /** `attempt` distinguishes a run resumed after staff review from the first, which already completed. */
  async enqueue(jobId: string, attempt = 'start'): Promise<void> {
    await this.queue.add(
      JobName.RunFineTuningJob,
      { jobId },
      { ...FINE_TUNING_JOB_OPTIONS, jobId: `fine-tuning-${jobId}-${attempt}` },
    );
  }
}
