import { Processor } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { LongJobHost, LongJobs } from '../common/long-job.host';
import { JobName, QueueName } from '../common/queues';
import { FINE_TUNING_TIMEOUT_MS, RunFineTuningJob } from './fine-tuning.queue';
import { FineTuningRunner, PermanentJobFailure } from './fine-tuning.runner';
import { JobStatus } from './fine-tuning.types';

/**
 * One training at a time per worker: it takes a core for minutes. The lock is renewed between training steps
 * (the trainer yields to the event loop after each); a worker that dies leaves the job stalled for another.
 */
@Processor(QueueName.FineTuning, { concurrency: 1, lockDuration: 120_000, maxStalledCount: 1 })
export class FineTuningProcessor extends LongJobHost {
  constructor(
    private readonly runner: FineTuningRunner,
    longJobs: LongJobs,
  ) {
    super(longJobs);
  }

  process(job: Job<RunFineTuningJob>, token?: string): Promise<JobStatus> {
    const { jobId } = job.data;
    return this.runJob(job, token, {
      name: JobName.RunFineTuningJob,
      limitMs: FINE_TUNING_TIMEOUT_MS,
      overrun: `training took longer than ${FINE_TUNING_TIMEOUT_MS / 60_000} minutes`,
      progressUnit: 'step',
      run: (signal, progressed) => this.runner.run(jobId, { progressed }, signal),
      handedBack: () => this.runner.handedBack(jobId),
      permanent: (err) => err instanceof PermanentJobFailure,
      // A job the next attempt may still finish stays running for its developer.
      failed: async (reason, final) => {
        if (final) await this.runner.fail(jobId, reason);
      },
    });
  }
}
