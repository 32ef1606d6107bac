import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import { JobName, QueueName } from '../common/queues';

/** The job carries only the replay id: the replay row (and its proposal) says what to run. */
export interface ReplayPolicyProposalJob {
  replayId: string;
}

/**
 * A replay is recomputed from scratch on every attempt (it only reads logged calls and writes its own row once, at
 * the end), so a retry after a worker restart is safe; a few attempts with a long backoff ride out a guard outage.
 */
export const POLICY_REPLAY_JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 5000 },
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** How long one attempt may take before it is abandoned (BullMQ has no job timeout of its own). */
export const POLICY_REPLAY_TIMEOUT_MS = 30 * 60 * 1000;

@Injectable()
export class PolicyReplayQueue {
  constructor(@InjectQueue(QueueName.PolicyReplays) private readonly queue: Queue<ReplayPolicyProposalJob>) {}

  async enqueue(replayId: string): Promise<void> {
    // The job id is the replay's, so enqueueing one replay twice never runs it twice.
    await this.queue.add(
      JobName.ReplayPolicyProposal,
      { replayId },
      { ...POLICY_REPLAY_JOB_OPTIONS, jobId: `policy-replay-${replayId}` },
    );
  }
}
