import { JobLifetime, JobStop } from './long-job.host';

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
