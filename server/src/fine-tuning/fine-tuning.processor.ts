import { Processor } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { JobStop, LongJobHost, LongJobs } from '../common/long-job.host';
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

  async process(job: Job<RunFineTuningJob>, token?: string): Promise<JobStatus> {
    if (job.name !== JobName.RunFineTuningJob) {
      throw new UnrecoverableError(`unknown job ${job.name} on ${QueueName.FineTuning}`);
    }
    const { jobId } = job.data;
    const lifetime = this.lifetime(
      FINE_TUNING_TIMEOUT_MS,
      `training took longer than ${FINE_TUNING_TIMEOUT_MS / 60_000} minutes`,
    );
    try {
      return await this.runner.run(
        jobId,
        {
          progressed: (step, total) =>
            job.updateProgress({ step, total, percent: total > 0 ? Math.floor((100 * step) / total) : 0 }),
        },
        lifetime.signal,
      );
    } catch (err) {
      if (lifetime.stop === JobStop.WorkerStopping) {
        await this.runner.handedBack(jobId);
        return this.handBack(job, token);
      }
      const permanent = lifetime.stop === JobStop.Deadline || err instanceof PermanentJobFailure;
      if (permanent || job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) {
        await this.runner.fail(jobId, lifetime.stop ? lifetime.reason : err);
      }
      throw permanent ? new UnrecoverableError(err instanceof Error ? err.message : String(err)) : err;
    } finally {
      lifetime.end();
    }
  }
}
