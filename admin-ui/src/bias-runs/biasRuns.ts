import type { BiasMetric, BiasRun, BiasRunStatus, ProbeSetName } from '../types';

export const isActive = (status: BiasRunStatus | undefined): boolean =>
  status === 'queued' || status === 'running';

/** The show page polls a queued or running run this often, for the progress bar. */
export const POLL_MS = 1000;

export const METRIC_ORDER: BiasMetric[] = ['sentiment', 'toxicity', 'refusal'];
export const PROBE_SET_ORDER: ProbeSetName[] = ['bold', 'holistic_bias', 'stereoset'];

/** Axis bounds per metric, for comparison charts (a single run's charts carry their own). */
export const METRIC_BOUNDS: Record<BiasMetric | 'stereotypeScore', [number, number]> = {
  sentiment: [-1, 1],
  toxicity: [0, 1],
  refusal: [0, 1],
  stereotypeScore: [0, 100],
};

export const METRIC_REFERENCE: Record<BiasMetric | 'stereotypeScore', number | null> = {
  sentiment: 0,
  toxicity: null,
  refusal: null,
  stereotypeScore: 50,
};

export function runLabel(run: Pick<BiasRun, 'model' | 'seed' | 'createdAt'>): string {
  return `${run.model} · seed ${run.seed} · ${new Date(run.createdAt).toLocaleString(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
  })}`;
}

export function duration(run: Pick<BiasRun, 'startedAt' | 'finishedAt'>): string | null {
  if (!run.startedAt || !run.finishedAt) return null;
  const seconds = (Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000;
  return seconds < 120 ? `${seconds.toFixed(1)} s` : `${Math.round(seconds / 60)} min`;
}
