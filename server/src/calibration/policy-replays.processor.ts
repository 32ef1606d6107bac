import { Processor } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { LongJobHost, LongJobs } from '../common/long-job.host';
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

  process(job: Job<ReplayPolicyProposalJob>, token?: string): Promise<ReplayDiff | null> {
    const { replayId } = job.data;
    // Handed back, the replay starts over on the next worker (its diff is built in memory): nothing to record.
    return this.runJob(job, token, {
      name: JobName.ReplayPolicyProposal,
      limitMs: POLICY_REPLAY_TIMEOUT_MS,
      overrun: `the replay took longer than ${POLICY_REPLAY_TIMEOUT_MS / 60_000} minutes`,
      run: (signal, progressed) => this.replayer.run(replayId, { progressed }, signal),
      failed: (reason, final) => this.replayer.attemptFailed(replayId, reason, final),
    });
  }
}
