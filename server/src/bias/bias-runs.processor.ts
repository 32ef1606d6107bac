import { Processor } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { setMaxListeners } from 'node:events';
import { JobStop, LongJobHost, LongJobs } from '../common/long-job.host';
import { JobName, QueueName } from '../common/queues';
import { BIAS_RUN_TIMEOUT_MS, RunBiasJob } from './bias-run.queue';
import { BiasRunner, CHUNK_SIZE, isPermanentFailure, RunOutcome } from './bias-runner';

/**
 * One run at a time per worker: a run already keeps the engine's batch full. The lock outlives a slow chunk on a
 * large upstream model; a worker that dies leaves the job stalled, and the next worker resumes it from its checkpoints.
 */
@Processor(QueueName.BiasRuns, { concurrency: 1, lockDuration: 60_000, maxStalledCount: 2 })
export class BiasRunsProcessor extends LongJobHost {
  constructor(
    private readonly runner: BiasRunner,
    longJobs: LongJobs,
  ) {
    super(longJobs);
  }

  async process(job: Job<RunBiasJob>, token?: string): Promise<RunOutcome> {
    if (job.name !== JobName.RunBias) {
      throw new UnrecoverableError(`unknown job ${job.name} on ${QueueName.BiasRuns}`);
    }
    const { runId } = job.data;
    const lifetime = this.lifetime(
      BIAS_RUN_TIMEOUT_MS,
      `the run took longer than ${BIAS_RUN_TIMEOUT_MS / 60_000} minutes`,
    );
    // Every request of a chunk listens to this one signal.
    setMaxListeners(4 * CHUNK_SIZE, lifetime.signal);
    try {
      return await this.runner.run(
        runId,
        {
          progressed: (done, total) =>
            job.updateProgress({ done, total, percent: total > 0 ? Math.floor((100 * done) / total) : 0 }),
        },
        lifetime.signal,
      );
    } catch (err) {
      if (lifetime.stop === JobStop.WorkerStopping) {
        await this.runner.handedBack(runId);
        return this.handBack(job, token);
      }
      const permanent = lifetime.stop === JobStop.Deadline || isPermanentFailure(err);
      const final = permanent || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await this.runner.attemptFailed(runId, lifetime.stop ? lifetime.reason : err, final);
      throw permanent ? new UnrecoverableError(err instanceof Error ? err.message : String(err)) : err;
    } finally {
      lifetime.end();
    }
  }
}
