/**
 * Date inputs pick UTC days: the server keeps instants, and a grant's end is the same instant wherever its researchers
 * are. A day picked as an end means its last second.
 */
export const dayOf = (instant: string) => new Date(instant).toISOString().slice(0, 10);
export const endOfDay = (day: string) => `${day}T23:59:59.000Z`;

/** The end a new key gets for the day picked: that day's end, or the grant's if the grant ends first. */
export function keyExpiry(day: string, grantEndsAt: string): string {
  const end = endOfDay(day);
  return new Date(end) < new Date(grantEndsAt) ? end : grantEndsAt;
}
