/** "Nov 26, 2026, 5:47 AM": dense tables stay on one line per cell. */
export const SHORT_DATETIME: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

export function formatDateTime(
  value: string | number | Date,
  options: Intl.DateTimeFormatOptions = SHORT_DATETIME,
): string {
  return new Date(value).toLocaleString(undefined, options);
}
