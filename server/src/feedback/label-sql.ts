/** A label that judges something; a skip is stored as a label that judges nothing (no categories, rating or verdict). */
export const JUDGED = `NOT (l.categories = '{}'::jsonb AND NOT l.false_positive AND l.rating IS NULL)`;

/** `JUDGED` for a label not yet stored. */
export function judges(label: {
  categories: Record<string, boolean>;
  falsePositive: boolean;
  rating?: string | null;
}): boolean {
  return Object.keys(label.categories).length > 0 || label.falsePositive || label.rating != null;
}
