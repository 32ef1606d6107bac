import Edit from '@mui/icons-material/Edit';
import { Alert, AlertTitle, Box, Stack, Typography } from '@mui/material';
import { AUDIENCE_SIZES } from '@warden/contracts';
import { Button, Link, ShowBase, Title, useCreatePath, useRecordContext, useShowContext } from 'react-admin';
import {
  APPLICATION_STATUSES,
  EnumChip,
  formatDateTime,
  REVIEW_STATES,
  SHORT_DATETIME,
} from '@warden/web-common';
import { FEEDBACK } from '../common/enums';
import { Panel } from '../common/Panel';
import { PanelColumns } from '../common/PanelColumns';
import { KeysPanel } from '../keys/KeysPanel';
import { LabelsPanel } from '../labels/LabelsPanel';
import { TopicsPanel } from '../topics/TopicsPanel';
import type { Application, Questionnaire } from '../types';
import { WebhookPanel } from '../webhooks/WebhookPanel';
import { FeedbackPanel, newestFirst } from './FeedbackPanel';
import { AUDIENCE_LABELS, OPEN_ENDEDNESS_LABELS, USE_CASE_LABELS } from './questionnaire';
import { isEditable, nextStep } from './reviewSteps';
import { SubmitButton } from './SubmitButton';

/** The reviewer's word that the developer has to act on: changes requested, or why the application was rejected. */
export const LatestFeedback = () => {
  const application = useRecordContext<Application>();
  const latest = newestFirst(application?.feedback)[0];
  if (!application || !latest || !['request_changes', 'reject'].includes(latest.decision)) return null;
  return (
    <Alert severity={FEEDBACK[latest.decision].severity} sx={{ mb: 2, maxWidth: 760, width: '100%' }}>
      <AlertTitle>Reviewer feedback: {FEEDBACK[latest.decision].title.toLowerCase()}</AlertTitle>
      <Box sx={{ whiteSpace: 'pre-wrap' }}>{latest.rationale}</Box>
    </Alert>
  );
};

// To the minute, like the tables: a developer has no server log to line a second up with.
const when = (value: string) => formatDateTime(value, SHORT_DATETIME);

const Header = ({ application }: { application: Application }) => {
  const createPath = useCreatePath();
  const step = nextStep(application);
  return (
    <Panel
      testId="application-header"
      title={
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="h5" component="h1" sx={{ fontWeight: 600, mr: 1 }}>
            {application.name}
          </Typography>
          <span data-testid="review-state">
            <EnumChip value={application.reviewState} options={REVIEW_STATES} />
          </span>
          <span data-testid="status">
            <EnumChip value={application.status} options={APPLICATION_STATUSES} />
          </span>
        </Stack>
      }
      subtitle={
        `Created ${when(application.createdAt)} · updated ${when(application.updatedAt)}` +
        (application.submittedAt ? ` · submitted ${when(application.submittedAt)}` : '')
      }
    >
      <Alert
        severity={step.severity}
        data-testid="next-step"
        action={
          isEditable(application) && (
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <Button
                component={Link}
                to={createPath({ resource: 'applications', id: application.id, type: 'edit' })}
                label="Edit answers"
                startIcon={<Edit />}
              />
              <SubmitButton application={application} />
            </Stack>
          )
        }
      >
        <AlertTitle>{step.title}</AlertTitle>
        {step.text}
      </Alert>
      {application.enforcement && (
        <Alert severity="warning" sx={{ mt: 2 }} data-testid="enforcement">
          <AlertTitle>New keys are frozen pending a staff review</AlertTitle>
          Staff acted on one of this application’s keys because of {application.enforcement.explanation}
          {application.enforcement.reason ? `: ${application.enforcement.reason}` : '.'}
        </Alert>
      )}
    </Panel>
  );
};

type Answer = Exclude<keyof Questionnaire, 'examplePrompts' | 'allowedTopics' | 'forbiddenTopics'>;

const ANSWERS: { key: Answer; label: string; show?: (value: never) => string }[] = [
  {
    key: 'useCaseCategory',
    label: 'Use-case category',
    show: (value: keyof typeof USE_CASE_LABELS) => USE_CASE_LABELS[value],
  },
  { key: 'useCaseDescription', label: 'Use-case description' },
  { key: 'endUsers', label: 'End users' },
  {
    key: 'audienceSize',
    label: 'Audience',
    show: (value: (typeof AUDIENCE_SIZES)[number]) => AUDIENCE_LABELS[value],
  },
  { key: 'endUserAuthentication', label: 'End users sign in' },
  {
    key: 'openEndedness',
    label: 'Outputs',
    show: (value: keyof typeof OPEN_ENDEDNESS_LABELS) => OPEN_ENDEDNESS_LABELS[value].split(':')[0],
  },
  { key: 'humanInTheLoop', label: 'Human reviews outputs' },
  { key: 'misuseHandling', label: 'Misuse handling' },
  { key: 'inputLength', label: 'Prompt length', show: (value: number) => `${value.toLocaleString()} tokens` },
  {
    key: 'outputLength',
    label: 'Completion length',
    show: (value: number) => `${value.toLocaleString()} tokens`,
  },
  {
    key: 'expectedVolume',
    label: 'Volume',
    show: (value: number) => `${value.toLocaleString()} requests a day`,
  },
];

function display(show: ((value: never) => string) | undefined, value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return show ? show(value as never) : String(value);
}

const TOPICS = [
  ['examplePrompts', 'Example prompts'],
  ['allowedTopics', 'Allowed topics'],
  ['forbiddenTopics', 'Forbidden topics'],
] as const;

const AnswersPanel = ({ questionnaire }: { questionnaire: Questionnaire }) => (
  <Panel title="Your answers" subtitle="The production-review questionnaire as reviewers read it">
    <Box
      component="dl"
      sx={{
        m: 0,
        display: 'grid',
        gridTemplateColumns: { xs: '1fr', md: '200px 1fr' },
        columnGap: 2,
        rowGap: 1,
      }}
    >
      {ANSWERS.map(({ key, label, show }) => (
        <Box key={key} sx={{ display: 'contents' }}>
          <Typography component="dt" variant="body2" color="text.secondary">
            {label}
          </Typography>
          <Typography component="dd" variant="body2" sx={{ m: 0, whiteSpace: 'pre-wrap' }}>
            {display(show, questionnaire[key])}
          </Typography>
        </Box>
      ))}
      {TOPICS.filter(([key]) => questionnaire[key]?.length).map(([key, label]) => (
        <Box key={key} sx={{ display: 'contents' }}>
          <Typography component="dt" variant="body2" color="text.secondary">
            {label}
          </Typography>
          <Box component="dd" sx={{ m: 0 }}>
            {questionnaire[key]!.map((item) => (
              <Typography key={item} variant="body2">
                {item}
              </Typography>
            ))}
          </Box>
        </Box>
      ))}
    </Box>
  </Panel>
);

const ApplicationView = () => {
  const { record: application, isPending, error } = useShowContext<Application>();
  if (error) return <Alert severity="error">{error.message}</Alert>;
  if (isPending || !application) return null;
  return (
    <Stack spacing={2} sx={{ mt: 2, mb: 4 }}>
      <Title title={application.name} />
      <Header application={application} />
      <KeysPanel application={application} />
      <PanelColumns
        main={
          <>
            {application.questionnaire && <AnswersPanel questionnaire={application.questionnaire} />}
            <TopicsPanel application={application} />
          </>
        }
        side={
          <>
            <FeedbackPanel feedback={application.feedback} />
            <WebhookPanel application={application} />
          </>
        }
      />
      <LabelsPanel application={application} />
    </Stack>
  );
};

export const ApplicationShow = () => (
  <ShowBase>
    <ApplicationView />
  </ShowBase>
);
