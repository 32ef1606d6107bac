import {
  applySchema,
  AUDIENCE_SIZES,
  OPEN_ENDEDNESS_LEVELS,
  TOPIC_LIMITS,
  USE_CASE_CATEGORIES,
  type AudienceSize,
  type OpenEndedness,
  type UseCaseCategory,
} from '@warden/contracts';
import type { z } from 'zod';
import type { ApplicationInput } from '../dataProvider';

export const USE_CASE_LABELS: Record<UseCaseCategory, string> = {
  copywriting: 'Copywriting',
  'customer-support': 'Customer support',
  education: 'Education',
  productivity: 'Productivity',
  search: 'Search',
  classification: 'Classification',
  summarization: 'Summarization',
  translation: 'Translation',
  code: 'Code',
  'creative-writing': 'Creative writing',
  chat: 'Chat',
  health: 'Health',
  legal: 'Legal',
  finance: 'Finance',
  politics: 'Politics',
  other: 'Other',
};

export const OPEN_ENDEDNESS_LABELS: Record<OpenEndedness, string> = {
  constrained: 'Constrained: a fixed set of answers or short extracts (classification, tagging, search)',
  mixed: 'Mixed: generated text in a narrow format (summaries, drafted replies)',
  'free-form': 'Free-form: open-ended text on any subject (chat, stories)',
};

export const AUDIENCE_LABELS: Record<AudienceSize, string> = {
  internal: 'Internal staff only',
  small: 'Fewer than 1,000 people',
  medium: '1,000 to 100,000 people',
  large: '100,000 or more, or the general public',
};

const choices = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((id) => ({ id, name: labels[id] }));

export const USE_CASE_CHOICES = choices(USE_CASE_CATEGORIES, USE_CASE_LABELS);
export const OPEN_ENDEDNESS_CHOICES = choices(OPEN_ENDEDNESS_LEVELS, OPEN_ENDEDNESS_LABELS);
export const AUDIENCE_CHOICES = choices(AUDIENCE_SIZES, AUDIENCE_LABELS);
export const YES_NO_CHOICES = [
  { id: 'yes', name: 'Yes' },
  { id: 'no', name: 'No' },
];

/** Yes/no answers are booleans on the wire and radio buttons on screen, where nothing is picked until answered. */
export const formatYesNo = (value: boolean | null | undefined) =>
  value === true ? 'yes' : value === false ? 'no' : '';
export const parseYesNo = (value: string) => value === 'yes';

/**
 * Topic lists are edited one item per line. Blank lines stay in the form value while typing (dropping them would
 * swallow the line break just typed) and are dropped when the application is sent.
 */
export const formatLines = (value: string[] | null | undefined) => (value ?? []).join('\n');
export const parseLines = (text: string) => text.split('\n');

export const TOPIC_FIELDS = ['examplePrompts', 'allowedTopics', 'forbiddenTopics'] as const;

/** The form's values as the server takes them: topic lists without blank lines, and left out when empty. */
export function toApplicationInput(values: Partial<ApplicationInput>): ApplicationInput {
  const questionnaire = { ...values.questionnaire } as Record<string, unknown>;
  for (const field of TOPIC_FIELDS) {
    const lines = ((questionnaire[field] as string[] | undefined) ?? [])
      .map((line) => line.trim())
      .filter(Boolean);
    if (lines.length > 0) questionnaire[field] = lines;
    else delete questionnaire[field];
  }
  return { name: values.name ?? '', questionnaire: questionnaire as ApplicationInput['questionnaire'] };
}

/** Zod's defaults name types ("expected number, received null"); a form names what to do instead. */
function describe(issue: z.core.$ZodRawIssue): string | undefined {
  const input = issue.input;
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined || input === null || input === '') {
        return issue.expected === 'boolean' ? 'Answer yes or no' : 'Required';
      }
      return issue.expected === 'int' ? 'A whole number' : undefined;
    case 'invalid_value':
      return input === undefined || input === null || input === '' ? 'Required' : 'Choose one of the options';
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? 'Required' : `At least ${issue.minimum} characters`;
      }
      return issue.origin === 'number' ? `At least ${Number(issue.minimum).toLocaleString()}` : undefined;
    case 'too_big':
      if (issue.origin === 'string') return `At most ${Number(issue.maximum).toLocaleString()} characters`;
      if (issue.origin === 'array') return `At most ${TOPIC_LIMITS.items} lines`;
      return issue.origin === 'number' ? `At most ${Number(issue.maximum).toLocaleString()}` : undefined;
    default:
      return undefined;
  }
}

/** The schema's own messages are written to follow a field name ("describe the use case in…"). */
const sentence = (message: string) => message.charAt(0).toUpperCase() + message.slice(1);

/**
 * Form-level validation with the schema the server parses the request with (contracts), so the form refuses
 * exactly what the server would, with the server's own wording where the schema has one. A topic line's problem
 * is shown on its list, naming the line.
 */
export function validateApplication(values: Partial<ApplicationInput>): Record<string, unknown> {
  const input = toApplicationInput(values);
  const parsed = applySchema.safeParse(input, { error: describe });
  if (parsed.success) return {};
  const errors: { name?: string; questionnaire?: Record<string, string> } = {};
  for (const issue of parsed.error.issues) {
    const [section, field, index] = issue.path as [string, string | undefined, number | undefined];
    if (section === 'name') {
      errors.name ??= sentence(issue.message);
    } else if (section === 'questionnaire' && field) {
      const questionnaire = (errors.questionnaire ??= {});
      const item =
        typeof index === 'number'
          ? (input.questionnaire as unknown as Record<string, string[]>)[field][index]
          : null;
      questionnaire[field] ??=
        item === null ? sentence(issue.message) : `“${item}”: ${issue.message.toLowerCase()}`;
    }
  }
  return errors;
}
