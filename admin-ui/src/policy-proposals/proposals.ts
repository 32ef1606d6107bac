import type { PolicyReplay, ReplayStatus } from '../types';

export const isReplayActive = (status: ReplayStatus | undefined): boolean =>
  status === 'queued' || status === 'running';

/** The show page polls while the latest replay is queued or running, for the progress bar. */
export const POLL_MS = 1000;

/** The default replay window: the last seven days up to now. */
export function defaultWindow(now = new Date()): { from: string; to: string } {
  return { from: new Date(now.getTime() - 7 * 24 * 3600 * 1000).toISOString(), to: now.toISOString() };
}

export function replayLabel(replay: PolicyReplay): string {
  const { done, total, percent } = replay.progress;
  if (replay.status === 'queued') return 'Queued, waiting for a worker';
  if (replay.status === 'failed') return `Failed: ${replay.error ?? 'unknown error'}`;
  return `${percent} % · ${done.toLocaleString()} / ${total.toLocaleString()} calls`;
}
