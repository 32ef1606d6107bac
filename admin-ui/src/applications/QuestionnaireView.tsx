import { Box, Typography } from '@mui/material';
import type { AudienceSize } from '@warden/contracts';
import { Link, useCreatePath, useRecordContext } from 'react-admin';
import type { Application, Questionnaire } from '../types';

/** The answers shown here; the topic lists have their own panel (TopicLists, from web-common). */
type Answer = Exclude<keyof Questionnaire, 'examplePrompts' | 'allowedTopics' | 'forbiddenTopics'>;

const QUESTIONS: { key: Answer; label: string; long?: boolean }[] = [
  { key: 'useCaseCategory', label: 'Use-case category' },
  { key: 'useCaseDescription', label: 'Use-case description', long: true },
  { key: 'openEndedness', label: 'Open-endedness' },
  { key: 'endUsers', label: 'End users' },
  { key: 'audienceSize', label: 'Audience size' },
  { key: 'humanInTheLoop', label: 'Human in the loop' },
  { key: 'endUserAuthentication', label: 'End-user authentication' },
  { key: 'misuseHandling', label: 'Misuse detection and handling', long: true },
  { key: 'inputLength', label: 'Input length' },
  { key: 'outputLength', label: 'Output length' },
  { key: 'expectedVolume', label: 'Expected volume' },
];

const AUDIENCE: Record<AudienceSize, string> = {
  internal: 'Internal staff only',
  small: 'Fewer than 1,000',
  medium: 'Fewer than 100,000',
  large: '100,000 or more / general public',
};

const UNITS: Partial<Record<Answer, string>> = {
  inputLength: 'tokens',
  outputLength: 'tokens',
  expectedVolume: 'requests a day',
};

function display(key: Answer, value: Questionnaire[Answer] | undefined): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number')
    return UNITS[key] ? `${value.toLocaleString()} ${UNITS[key]}` : value.toLocaleString();
  if (key === 'audienceSize') return AUDIENCE[value as AudienceSize] ?? value;
  // Enumerated answers arrive as identifiers ("free-form", "customer-support"); free text is shown as written.
  return /^[a-z0-9]+([-_][a-z0-9]+)*$/.test(value) ? value.replace(/[-_]/g, ' ') : value;
}

/** The production-review questionnaire as the developer answered it. */
export const QuestionnaireView = ({ dense = false }: { dense?: boolean }) => {
  const record = useRecordContext<Application>();
  const createPath = useCreatePath();
  if (!record) return null;
  if (record.kind === 'research') {
    return (
      <Typography variant="body2">
        A research application: its questionnaire, dates, quotas and policy profile are on the{' '}
        <Link to={createPath({ resource: 'research-grants', id: record.id, type: 'show' })}>
          research grant
        </Link>
        .
      </Typography>
    );
  }
  const answers: Partial<Questionnaire> = record.questionnaire ?? {};
  return (
    <Box
      component="dl"
      sx={{
        m: 0,
        display: 'grid',
        gridTemplateColumns: dense ? '1fr' : { xs: '1fr', md: '220px 1fr' },
        columnGap: 2,
        rowGap: dense ? 0.25 : 1,
      }}
    >
      {QUESTIONS.map(({ key, label }) => (
        <Box key={key} sx={{ display: 'contents' }}>
          <Typography component="dt" variant="body2" color="text.secondary" sx={{ mt: dense ? 1 : 0 }}>
            {label}
          </Typography>
          <Typography component="dd" variant="body2" sx={{ m: 0, whiteSpace: 'pre-wrap' }}>
            {display(key, answers[key])}
          </Typography>
        </Box>
      ))}
    </Box>
  );
};
