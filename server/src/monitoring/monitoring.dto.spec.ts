import { monitoringSummarySchema } from '../contracts';
import { SummaryRows, toMonitoringSummary } from './monitoring.dto';

const now = new Date('2026-11-02T10:00:00Z');
/** The dashboard's query results as pg hands them over: bigint counts as strings, bucket starts as Dates. */
const rows = (overrides: Partial<SummaryRows> = {}): SummaryRows => ({
  totals: { requests: '40', flagged: '6', blocked: '2', errors: '3', p50: 12.5, p90: 40, p99: 88.2 },
  series: [
    { t: new Date('2026-11-02T09:00:00Z'), requests: '30', flagged: '5', blocked: '2', errors: '1' },
    { t: new Date('2026-11-02T10:00:00Z'), requests: '10', flagged: '1', blocked: '0', errors: '2' },
  ],
  categories: [{ category: 'violence', count: '4' }],
  applications: [
    { id: '3d5e0c55-3f0e-4c61-b1d7-7a3c0e9f0a01', name: 'Support bot', requests: '40', flagged: '6' },
  ],
  keys: [
    {
      id: '5a1e0c55-3f0e-4c61-b1d7-7a3c0e9f0a02',
      prefix: 'Ab3dEf7h',
      application_name: 'Support bot',
      requests: '40',
      flagged: '6',
    },
  ],
  endUsers: [
    {
      application_id: '3d5e0c55-3f0e-4c61-b1d7-7a3c0e9f0a01',
      end_user: 'user-17',
      requests: '12',
      flagged: '3',
    },
  ],
  openAlerts: '2',
  labelPrecision: [
    { check: 'classifier', category: 'violence', labeled: 4, truePositives: 2.5, precision: 0.625 },
  ],
  ...overrides,
});

describe('monitoring summary contract', () => {
  it('accepts the summary as the dashboard answers it: counts as numbers, rates as shares of every call', () => {
    const summary = monitoringSummarySchema.parse(toMonitoringSummary('24h', now, rows()));
    expect(summary).toMatchObject({
      from: '2026-11-01T10:00:00.000Z',
      to: '2026-11-02T10:00:00.000Z',
      bucketSeconds: 3600,
      totals: { requests: 40, flagged: 6, flaggedRate: 0.15, blockedShare: 0.05 },
      openAlerts: 2,
    });
    expect(summary.series[0]).toEqual({
      t: '2026-11-02T09:00:00.000Z',
      requests: 30,
      flagged: 5,
      blocked: 2,
      errors: 1,
    });
    expect(summary.flaggedByCategory).toEqual([{ category: 'violence', count: 4, rate: 0.1 }]);
  });

  it('accepts a window without traffic: no latency, rates 0 rather than NaN', () => {
    const empty = rows({
      totals: { requests: '0', flagged: '0', blocked: '0', errors: '0', p50: null, p90: null, p99: null },
      series: [],
      categories: [],
      applications: [],
      keys: [],
      endUsers: [],
      openAlerts: '0',
      labelPrecision: [],
    });
    const summary = monitoringSummarySchema.parse(toMonitoringSummary('1h', now, empty));
    expect(summary.totals).toMatchObject({ flaggedRate: 0, blockedShare: 0 });
    expect(summary.latencyMs).toEqual({ p50: null, p90: null, p99: null });
  });

  it('refuses the raw rows, unknown fields, an unknown window and counts pg left as strings', () => {
    expect(monitoringSummarySchema.safeParse(rows()).success).toBe(false);
    const mapped = toMonitoringSummary('7d', now, rows());
    expect(monitoringSummarySchema.safeParse({ ...mapped, bucket: 21_600 }).success).toBe(false);
    expect(monitoringSummarySchema.safeParse({ ...mapped, window: '30d' }).success).toBe(false);
    expect(monitoringSummarySchema.safeParse({ ...mapped, openAlerts: '2' }).success).toBe(false);
    expect(
      monitoringSummarySchema.safeParse({
        ...mapped,
        topKeys: [{ ...mapped.topKeys[0], application_name: 'x' }],
      }).success,
    ).toBe(false);
  });
});
