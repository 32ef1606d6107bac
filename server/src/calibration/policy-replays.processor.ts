import { Processor } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { JobStop, LongJobHost, LongJobs } from '../common/long-job.host';
import { JobName, QueueName } from '../common/queues';
import { ReplayDiff } from '../contracts';
import { POLICY_REPLAY_TIMEOUT_MS, ReplayPolicyProposalJob } from './policy-replay.queue';
import { ShadowReplayer } from './shadow-replayer';

/** One replay at a time per worker: a replay runs every check on every call of its window. */
@Processor(QueueName.PolicyReplays, { concurrency: 1, lockDuration: 60_000, maxStalledCount: 2 })
export class PolicyReplaysProcessor extends LongJobHost {
  constructor(
    private readonly replayer: ShadowReplayer,
    longJobs: LongJobs,
  ) {
    super(longJobs);
  }

  async process(job: Job<ReplayPolicyProposalJob>, token?: string): Promise<ReplayDiff | null> {
    if (job.name !== JobName.ReplayPolicyProposal) {
      throw new UnrecoverableError(`unknown job ${job.name} on ${QueueName.PolicyReplays}`);
    }
    const { replayId } = job.data;
    const lifetime = this.lifetime(
      POLICY_REPLAY_TIMEOUT_MS,
      `the replay took longer than ${POLICY_REPLAY_TIMEOUT_MS / 60_000} minutes`,
    );
    try {
      return await this.replayer.run(
        replayId,
        {
          progressed: (done, total) =>
            job.updateProgress({ done, total, percent: total > 0 ? Math.floor((100 * done) / total) : 0 }),
        },
        lifetime.signal,
      );
    } catch (err) {
      if (lifetime.stop === JobStop.WorkerStopping) {
        // The replay starts over on the next worker (its diff is built in memory); the attempt is not counted.
        return this.handBack(job, token);
      }
      const final = lifetime.stop === JobStop.Deadline || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await this.replayer.attemptFailed(replayId, lifetime.stop ? lifetime.reason : err, final);
      throw lifetime.stop === JobStop.Deadline ? new UnrecoverableError(String(lifetime.reason)) : err;
    } finally {
      lifetime.end();
    }
  }
}
