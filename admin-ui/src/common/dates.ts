/** "Nov 26, 2026, 5:47 AM": dense tables stay on one line per cell. */
export const SHORT_DATETIME: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
export const SHORT_DATE: Intl.DateTimeFormatOptions = { dateStyle: 'medium' };
