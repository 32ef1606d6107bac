/** Number formats shared by the monitoring screens and reports. */

export const formatPercent = (rate: number | null | undefined, digits = 1): string =>
  rate == null || Number.isNaN(rate)
    ? '—'
    : rate.toLocaleString(undefined, {
        style: 'percent',
        minimumFractionDigits: 0,
        maximumFractionDigits: digits,
      });

export const formatMs = (value: number | null | undefined): string =>
  value == null
    ? '—'
    : `${value.toLocaleString(undefined, { maximumFractionDigits: value < 10 ? 1 : 0 })} ms`;

export const formatCount = (value: number | null | undefined): string =>
  value == null ? '—' : value.toLocaleString();

/** Scores and bias estimates: three significant decimals are all a 95 % interval at these sample sizes supports. */
export const formatScore = (value: number | null | undefined, digits = 3): string =>
  value == null ? '—' : value.toFixed(digits);

export const formatSigned = (value: number | null | undefined, digits = 3): string =>
  value == null ? '—' : `${value > 0 ? '+' : value < 0 ? '−' : '±'}${Math.abs(value).toFixed(digits)}`;

/** Identifiers from the probe sets (`religious_ideology`, `American_actors`) as words. */
export const humanize = (identifier: string): string => identifier.replace(/_/g, ' ');
