/** A label that judges something; a skip is stored as a label that judges nothing (no categories, rating or verdict). */
export const JUDGED = `NOT (l.categories = '{}'::jsonb AND NOT l.false_positive AND l.rating IS NULL)`;
