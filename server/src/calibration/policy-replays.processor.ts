import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { JobName, QueueName } from '../common/queues';
import { ReplayDiff } from '../contracts';
import { POLICY_REPLAY_TIMEOUT_MS, ReplayPolicyProposalJob } from './policy-replay.queue';
import { ShadowReplayer } from './shadow-replayer';

/** One replay at a time per worker: a replay runs every check on every call of its window. */
@Processor(QueueName.PolicyReplays, { concurrency: 1, lockDuration: 60_000, maxStalledCount: 2 })
export class PolicyReplaysProcessor extends WorkerHost {
  constructor(private readonly replayer: ShadowReplayer) {
    super();
  }

  async process(job: Job<ReplayPolicyProposalJob>): Promise<ReplayDiff | null> {
    if (job.name !== JobName.ReplayPolicyProposal) {
      throw new UnrecoverableError(`unknown job ${job.name} on ${QueueName.PolicyReplays}`);
    }
    const { replayId } = job.data;
    const timeout = new AbortController();
    const timer = setTimeout(
      () =>
        timeout.abort(new Error(`the replay took longer than ${POLICY_REPLAY_TIMEOUT_MS / 60_000} minutes`)),
      POLICY_REPLAY_TIMEOUT_MS,
    );
    try {
      return await this.replayer.run(
        replayId,
        {
          progressed: (done, total) =>
            job.updateProgress({ done, total, percent: total > 0 ? Math.floor((100 * done) / total) : 0 }),
        },
        timeout.signal,
      );
    } catch (err) {
      const final = timeout.signal.aborted || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await this.replayer.attemptFailed(
        replayId,
        timeout.signal.aborted ? timeout.signal.reason : err,
        final,
      );
      throw timeout.signal.aborted ? new UnrecoverableError(String(timeout.signal.reason)) : err;
    } finally {
      clearTimeout(timer);
    }
  }
}
