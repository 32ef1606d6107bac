import { Processor } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { setMaxListeners } from 'node:events';
import { LongJobHost, LongJobs } from '../common/long-job.host';
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

  process(job: Job<RunBiasJob>, token?: string): Promise<RunOutcome> {
    const { runId } = job.data;
    return this.runJob(job, token, {
      name: JobName.RunBias,
      limitMs: BIAS_RUN_TIMEOUT_MS,
      overrun: `the run took longer than ${BIAS_RUN_TIMEOUT_MS / 60_000} minutes`,
      run: (signal, progressed) => {
        // Every request of a chunk listens to this one signal.
        setMaxListeners(4 * CHUNK_SIZE, signal);
        return this.runner.run(runId, { progressed }, signal);
      },
      handedBack: () => this.runner.handedBack(runId),
      permanent: isPermanentFailure,
      failed: (reason, final) => this.runner.attemptFailed(runId, reason, final),
    });
  }
}
