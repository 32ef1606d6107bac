/** "Nov 26, 2026, 5:47 AM": dense tables stay on one line per cell. */
export const SHORT_DATETIME: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
export const SHORT_DATE: Intl.DateTimeFormatOptions = { dateStyle: 'medium' };
/** "Nov 26, 2026, 5:47:03 AM": detail pages, where the second can matter (lining a call up with a server log). */
export const FULL_DATETIME: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'medium' };

/** Text outside a DateField in the same format as the fields beside it. */
export function formatDateTime(
  value: string | number | Date,
  options: Intl.DateTimeFormatOptions = FULL_DATETIME,
): string {
  return new Date(value).toLocaleString(undefined, options);
}
