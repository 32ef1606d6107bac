import { z } from 'zod';

/** Every instant crosses the wire as ISO 8601 (the server writes `toISOString()`). */
export const timestamp = z.iso.datetime({ offset: true });

export const email = z
  .email()
  .max(320)
  .transform((value) => value.toLowerCase());
