import { DelayedError, Job, UnrecoverableError } from 'bullmq';
import { JobLifetime, JobStop, LongJobHost, LongJobs, LongJobWork } from './long-job.host';

describe('JobLifetime', () => {
  it('is not stopped while neither its deadline nor the worker has ended it', () => {
    const lifetime = new JobLifetime(60_000, 'too long', new AbortController().signal);
    expect(lifetime.signal.aborted).toBe(false);
    expect(lifetime.stop).toBeUndefined();
    lifetime.end();
  });

  it('stops for the worker when the worker stops first, keeping the worker’s reason', () => {
    const worker = new AbortController();
    const lifetime = new JobLifetime(60_000, 'too long', worker.signal);
    worker.abort(new Error('the worker is stopping'));
    expect(lifetime.signal.aborted).toBe(true);
    expect(lifetime.stop).toBe(JobStop.WorkerStopping);
    expect((lifetime.reason as Error).message).toBe('the worker is stopping');
    lifetime.end();
  });

  it('stops for good at its deadline, even if the worker stops afterwards', async () => {
    const worker = new AbortController();
    const lifetime = new JobLifetime(5, 'the run took longer than 5 ms', worker.signal);
    await new Promise((resolve) => lifetime.signal.addEventListener('abort', resolve));
    worker.abort(new Error('the worker is stopping'));
    expect(lifetime.stop).toBe(JobStop.Deadline);
    expect((lifetime.reason as Error).message).toBe('the run took longer than 5 ms');
  });

  it('never fires after end()', async () => {
    const lifetime = new JobLifetime(5, 'too long', new AbortController().signal);
    lifetime.end();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(lifetime.signal.aborted).toBe(false);
  });
});

/** A job as BullMQ hands it to a processor: the parts `runJob` reads and calls. */
function fakeJob(attemptsMade = 0, attempts = 3) {
  return {
    name: 'run-thing',
    queueName: 'things',
    attemptsMade,
    opts: { attempts },
    progress: [] as unknown[],
    movedToDelayed: false,
    async updateProgress(progress: unknown) {
      this.progress.push(progress);
    },
    async moveToDelayed() {
      this.movedToDelayed = true;
    },
  };
}

class ThingsProcessor extends LongJobHost {
  work!: LongJobWork<string>;

  process(job: Job): Promise<string> {
    return this.runJob(job, 'token', this.work);
  }
}

describe('LongJobHost.runJob', () => {
  let longJobs: LongJobs;
  let host: ThingsProcessor;
  const failures: Array<{ reason: unknown; final: boolean }> = [];

  beforeEach(() => {
    longJobs = new LongJobs();
    host = new ThingsProcessor(longJobs);
    failures.length = 0;
  });

  function work(overrides: Partial<LongJobWork<string>>): LongJobWork<string> {
    return {
      name: 'run-thing',
      limitMs: 60_000,
      overrun: 'took too long',
      run: async () => 'finished',
      failed: async (reason, final) => {
        failures.push({ reason, final });
      },
      ...overrides,
    };
  }

  it('returns what the work returns and reports its progress in the unit it names', async () => {
    const job = fakeJob();
    host.work = work({
      progressUnit: 'step',
      run: async (_signal, progressed) => {
        await progressed(1, 4);
        return 'finished';
      },
    });
    expect(await host.process(job as unknown as Job)).toBe('finished');
    expect(job.progress).toEqual([{ step: 1, total: 4, percent: 25 }]);
    expect(failures).toEqual([]);
  });

  it('refuses a job of another name for good', async () => {
    host.work = work({ name: 'other' });
    await expect(host.process(fakeJob() as unknown as Job)).rejects.toThrow(UnrecoverableError);
  });

  it('records a transient failure as not final while attempts remain, and lets BullMQ retry it', async () => {
    const error = new Error('upstream timed out');
    host.work = work({ run: async () => Promise.reject(error) });
    await expect(host.process(fakeJob(0, 3) as unknown as Job)).rejects.toBe(error);
    expect(failures).toEqual([{ reason: error, final: false }]);
  });

  it('records the last attempt as final', async () => {
    const error = new Error('upstream timed out');
    host.work = work({ run: async () => Promise.reject(error) });
    await expect(host.process(fakeJob(2, 3) as unknown as Job)).rejects.toBe(error);
    expect(failures).toEqual([{ reason: error, final: true }]);
  });

  it('fails a permanent error for good at once, whatever attempts remain', async () => {
    const error = new Error('the file is not valid JSONL');
    host.work = work({ run: async () => Promise.reject(error), permanent: (err) => err === error });
    await expect(host.process(fakeJob(0, 3) as unknown as Job)).rejects.toThrow(UnrecoverableError);
    expect(failures).toEqual([{ reason: error, final: true }]);
  });

  it('fails a run past its deadline for good, with the overrun as the reason', async () => {
    host.work = work({
      limitMs: 5,
      overrun: 'took longer than 5 ms',
      run: (signal) =>
        new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
    });
    await expect(host.process(fakeJob(0, 3) as unknown as Job)).rejects.toThrow(UnrecoverableError);
    expect(failures).toHaveLength(1);
    expect((failures[0].reason as Error).message).toBe('took longer than 5 ms');
    expect(failures[0].final).toBe(true);
  });

  it('hands the job back to the queue when the worker stops, without counting a failure', async () => {
    const job = fakeJob();
    let handedBack = false;
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    host.work = work({
      run: (signal) =>
        new Promise((_, reject) => {
          started();
          signal.addEventListener('abort', () => reject(signal.reason));
        }),
      handedBack: async () => {
        handedBack = true;
      },
    });
    const outcome = host.process(job as unknown as Job);
    await running;
    // The worker of this test host was never started: closing it fails, after the stop signal went out.
    await longJobs.handBack().catch(() => undefined);
    await expect(outcome).rejects.toThrow(DelayedError);
    expect(handedBack).toBe(true);
    expect(job.movedToDelayed).toBe(true);
    expect(failures).toEqual([]);
  });
});
