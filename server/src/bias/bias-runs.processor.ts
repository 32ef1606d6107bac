import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { setMaxListeners } from 'node:events';
import { JobName, QueueName } from '../common/queues';
import { BIAS_RUN_TIMEOUT_MS, RunBiasJob } from './bias-run.queue';
import { BiasRunner, CHUNK_SIZE, isPermanentFailure, RunOutcome } from './bias-runner';

/**
 * One run at a time per worker: a run already keeps the engine's batch full. The lock outlives a slow chunk on a
 * large upstream model; a worker that dies leaves the job stalled, and the next worker resumes it from its checkpoints.
 */
@Processor(QueueName.BiasRuns, { concurrency: 1, lockDuration: 60_000, maxStalledCount: 2 })
export class BiasRunsProcessor extends WorkerHost {
  constructor(private readonly runner: BiasRunner) {
    super();
  }

  async process(job: Job<RunBiasJob>): Promise<RunOutcome> {
    if (job.name !== JobName.RunBias) {
      throw new UnrecoverableError(`unknown job ${job.name} on ${QueueName.BiasRuns}`);
    }
    const { runId } = job.data;
    const timeout = new AbortController();
    // Every request of a chunk listens to this one signal.
    setMaxListeners(4 * CHUNK_SIZE, timeout.signal);
    const timer = setTimeout(
      () => timeout.abort(new Error(`the run took longer than ${BIAS_RUN_TIMEOUT_MS / 60_000} minutes`)),
      BIAS_RUN_TIMEOUT_MS,
    );
    try {
      return await this.runner.run(
        runId,
        {
          progressed: (done, total) =>
            job.updateProgress({ done, total, percent: total > 0 ? Math.floor((100 * done) / total) : 0 }),
        },
        timeout.signal,
      );
    } catch (err) {
      const permanent = timeout.signal.aborted || isPermanentFailure(err);
      const final = permanent || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await this.runner.attemptFailed(runId, timeout.signal.aborted ? timeout.signal.reason : err, final);
      throw permanent ? new UnrecoverableError(err instanceof Error ? err.message : String(err)) : err;
    } finally {
      clearTimeout(timer);
    }
  }
}
