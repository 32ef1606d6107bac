import { Injectable } from '@nestjs/common';
import { WorkerHost } from '@nestjs/bullmq';
import { DelayedError, Job } from 'bullmq';

/** Why a long job stopped early, if it did. */
export enum JobStop {
  /** It ran past its deadline: it fails for good. */
  Deadline = 'deadline',
  /** Its worker is shutting down: it goes back to the queue for the next worker. */
  WorkerStopping = 'worker-stopping',
}

/**
 * The deadline and the worker's shutdown of one job, as one abort signal its work listens to. A listener on the
 * worker's signal, removed at the end, rather than AbortSignal.any: on Node 20 that keeps every derived signal of a
 * long-lived one alive.
 */
export class JobLifetime {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private readonly onWorkerStopping: () => void;
  private stopped: JobStop | undefined;

  constructor(
    limitMs: number,
    overrun: string,
    private readonly workerStopping: AbortSignal,
  ) {
    this.timer = setTimeout(() => this.end(JobStop.Deadline, new Error(overrun)), limitMs);
    this.onWorkerStopping = () => this.end(JobStop.WorkerStopping, workerStopping.reason);
    if (workerStopping.aborted) this.onWorkerStopping();
    else workerStopping.addEventListener('abort', this.onWorkerStopping, { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Why the job was stopped, or undefined when nothing stopped it (its own error, or it finished). */
  get stop(): JobStop | undefined {
    return this.stopped;
  }

  get reason(): unknown {
    return this.controller.signal.reason;
  }

  /** Ends the lifetime: with a stop, aborts the job's signal (the first stop wins); without one, just lets go. */
  end(stop?: JobStop, reason?: unknown): void {
    clearTimeout(this.timer);
    this.workerStopping.removeEventListener('abort', this.onWorkerStopping);
    if (stop && !this.controller.signal.aborted) {
      this.stopped = stop;
      this.controller.abort(reason);
    }
  }
}

/**
 * The worker's long jobs (bias runs, fine-tuning, policy replays), handed back together when the worker stops: each
 * job in hand stops at its next safe point and goes straight back to the queue, where the next worker resumes it from
 * its checkpoints. Left running, it would hold the shutdown until the grace period killed the process, and then wait
 * out its lock (a minute or two) before any worker could take it again.
 */
@Injectable()
export class LongJobs {
  private readonly stopping = new AbortController();
  private readonly hosts = new Set<WorkerHost>();

  get signal(): AbortSignal {
    return this.stopping.signal;
  }

  register(host: WorkerHost): void {
    this.hosts.add(host);
  }

  /**
   * Called before the application context closes: Nest's destroy hooks close the classifier, the engine and Redis
   * before any shutdown hook runs, and a job still scoring then would fail instead of being handed back. Closing each
   * worker stops it taking jobs (the one handed back is for another worker) and waits for the job in hand.
   */
  async handBack(): Promise<void> {
    this.stopping.abort(new Error('the worker is stopping; the job goes back to the queue'));
    await Promise.all([...this.hosts].map((host) => host.worker.close()));
  }
}

/** A processor of long jobs: its work listens to `lifetime(...).signal` and calls `handBack` when the worker stops. */
export abstract class LongJobHost extends WorkerHost {
  constructor(private readonly longJobs: LongJobs) {
    super();
    longJobs.register(this);
  }

  protected lifetime(limitMs: number, overrun: string): JobLifetime {
    return new JobLifetime(limitMs, overrun, this.longJobs.signal);
  }

  /** Back to the queue at once, without counting an attempt: BullMQ wants the DelayedError thrown after the move. */
  protected async handBack(job: Job, token: string | undefined): Promise<never> {
    await job.moveToDelayed(Date.now(), token);
    throw new DelayedError();
  }
}
