import { topicsSchema, type Topics } from '@warden/contracts';
import { lines, schemaErrors } from '../common/form';
import { TOPIC_FIELDS } from '../applications/questionnaire';

/** The proposal form's values as the server takes them: every list, blank lines dropped. */
export const toTopics = (values: Partial<Topics>): Topics =>
  Object.fromEntries(TOPIC_FIELDS.map((field) => [field, lines(values[field])])) as Topics;

/** The schema's "at least one example prompt or allowed topic" has no field of its own: it shows on allowed topics. */
export const validateTopics = (values: Partial<Topics>) =>
  schemaErrors(topicsSchema, toTopics(values), 'allowedTopics');
