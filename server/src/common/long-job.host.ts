import { Injectable } from '@nestjs/common';
import { WorkerHost } from '@nestjs/bullmq';
import { DelayedError, Job, UnrecoverableError } from 'bullmq';

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

/** What one kind of long job does; `runJob` runs it under its deadline and the worker's shutdown. */
export interface LongJobWork<R> {
  /** The job's name on its queue: any other is refused for good. */
  name: string;
  limitMs: number;
  /** The error a run past `limitMs` fails with. */
  overrun: string;
  /** The work: it listens to `signal` and reports progress as it goes. */
  run(signal: AbortSignal, progressed: (done: number, total: number) => Promise<void>): Promise<R>;
  /** Records that the job went back to the queue mid-run (it resumes from its checkpoints), when it keeps state. */
  handedBack?(): Promise<void>;
  /** Whether an error can never go away on a retry; a run past its deadline never does either. */
  permanent?(err: unknown): boolean;
  /** Records a failed attempt: `final` when no retry follows. */
  failed(reason: unknown, final: boolean): Promise<void>;
  /** The progress field naming the units done (`done`, or `step` for training). */
  progressUnit?: string;
}

/**
 * A processor of long jobs (bias runs, fine-tuning, policy replays): each runs one `LongJobWork` through `runJob`,
 * which gives the work its lifetime, hands the job back when the worker stops, and decides whether a failure is
 * retried.
 */
export abstract class LongJobHost extends WorkerHost {
  constructor(private readonly longJobs: LongJobs) {
    super();
    longJobs.register(this);
  }

  protected async runJob<R>(job: Job, token: string | undefined, work: LongJobWork<R>): Promise<R> {
    if (job.name !== work.name) {
      throw new UnrecoverableError(`unknown job ${job.name} on ${job.queueName}`);
    }
    const lifetime = new JobLifetime(work.limitMs, work.overrun, this.longJobs.signal);
    const unit = work.progressUnit ?? 'done';
    try {
      return await work.run(lifetime.signal, (done, total) =>
        job.updateProgress({
          [unit]: done,
          total,
          percent: total > 0 ? Math.floor((100 * done) / total) : 0,
        }),
      );
    } catch (err) {
      if (lifetime.stop === JobStop.WorkerStopping) {
        await work.handedBack?.();
        return this.handBack(job, token);
      }
      const permanent = lifetime.stop === JobStop.Deadline || (work.permanent?.(err) ?? false);
      const final = permanent || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await work.failed(lifetime.stop ? lifetime.reason : err, final);
      throw permanent ? new UnrecoverableError(err instanceof Error ? err.message : String(err)) : err;
    } finally {
      lifetime.end();
    }
  }

  /** Back to the queue at once, without counting an attempt: BullMQ wants the DelayedError thrown after the move. */
  private async handBack(job: Job, token: string | undefined): Promise<never> {
    await job.moveToDelayed(Date.now(), token);
    throw new DelayedError();
  }
}
