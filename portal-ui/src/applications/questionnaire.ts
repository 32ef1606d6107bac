import {
  applySchema,
  AUDIENCE_SIZES,
  OPEN_ENDEDNESS_LEVELS,
  USE_CASE_CATEGORIES,
  type AudienceSize,
  type OpenEndedness,
  type UseCaseCategory,
} from '@warden/contracts';
import { lines, schemaErrors } from '../common/form';
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

export const TOPIC_FIELDS = ['examplePrompts', 'allowedTopics', 'forbiddenTopics'] as const;

/** The form's values as the server takes them: topic lists without blank lines, and left out when empty. */
export function toApplicationInput(values: Partial<ApplicationInput>): ApplicationInput {
  const questionnaire = { ...values.questionnaire } as Record<string, unknown>;
  for (const field of TOPIC_FIELDS) {
    const items = lines(questionnaire[field] as string[] | undefined);
    if (items.length > 0) questionnaire[field] = items;
    else delete questionnaire[field];
  }
  return { name: values.name ?? '', questionnaire: questionnaire as ApplicationInput['questionnaire'] };
}

/** Form-level validation with the schema the server parses the request with (contracts). */
export const validateApplication = (values: Partial<ApplicationInput>) =>
  schemaErrors(applySchema, toApplicationInput(values));
