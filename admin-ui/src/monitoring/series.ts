import type { MonitoringCounts, MonitoringSummary, MonitoringWindow } from '../types';

export interface SeriesPoint extends MonitoringCounts {
  /** Bucket start, epoch milliseconds. */
  t: number;
}

/**
 * The server sends only buckets with traffic; the chart needs every bucket of the window, quiet ones at zero, or
 * a gap would be drawn as a straight line between two busy moments.
 */
export function fillSeries(summary: MonitoringSummary): SeriesPoint[] {
  const step = summary.bucketSeconds * 1000;
  const byTime = new Map(summary.series.map((point) => [Date.parse(point.t), point]));
  const first = Math.floor(Date.parse(summary.from) / step) * step;
  const last = Math.floor(Date.parse(summary.to) / step) * step;
  const points: SeriesPoint[] = [];
  for (let t = first; t <= last; t += step) {
    const point = byTime.get(t);
    points.push({
      t,
      requests: point?.requests ?? 0,
      flagged: point?.flagged ?? 0,
      blocked: point?.blocked ?? 0,
      errors: point?.errors ?? 0,
    });
  }
  return points;
}

const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
const DAY_TIME: Intl.DateTimeFormatOptions = { weekday: 'short', hour: '2-digit', minute: '2-digit' };

export const tickFormat = (window: MonitoringWindow) => (t: number) =>
  new Date(t).toLocaleString(undefined, window === '7d' ? DAY_TIME : TIME);

export const WINDOWS: { id: MonitoringWindow; label: string }[] = [
  { id: '1h', label: 'Last hour' },
  { id: '24h', label: 'Last 24 hours' },
  { id: '7d', label: 'Last 7 days' },
];
