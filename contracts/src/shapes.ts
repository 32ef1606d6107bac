import { z } from 'zod';

/** Every instant crosses the wire as ISO 8601 (the server writes `toISOString()`). */
export const timestamp = z.iso.datetime({ offset: true });

export const email = z
  .email()
  .max(320)
  .transform((value) => value.toLowerCase());

/** A count of rows or calls. */
export const tally = z.number().int().min(0);

/** A rate, a share or a probability. */
export const share = z.number().min(0).max(1);
