/**
 * How long a test may take to read a megabyte, to show a text reader is linear. Linear work ends in a few seconds even
 * on a loaded 2-core machine (3.3 s seen under a full parallel suite); the quadratic work these tests guard against
 * took minutes. The margin keeps the check from failing on a slow machine, never from failing on a stall.
 */
export const STALL_LIMIT_MS = 15_000;
