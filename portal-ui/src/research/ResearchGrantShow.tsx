import { Alert, AlertTitle, Box, Stack, Typography } from '@mui/material';
import { ShowBase, Title, useGetOne, useShowContext } from 'react-admin';
import { EnumChip, formatDateTime, GRANT_STATUSES, REVIEW_STATES, SHORT_DATETIME } from '@warden/web-common';
import { FeedbackPanel } from '../applications/FeedbackPanel';
import { Panel } from '../common/Panel';
import { PanelColumns } from '../common/PanelColumns';
import type { Application, ResearchGrant } from '../types';
import { GrantKeysPanel } from './GrantKeysPanel';
import { GrantTermsPanel } from './GrantTermsPanel';
import { grantStep } from './grantSteps';
import { RenewalPanel } from './RenewalPanel';

const Header = ({ grant }: { grant: ResearchGrant }) => {
  const step = grantStep(grant);
  return (
    <Panel
      testId="grant-header"
      title={
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="h5" component="h1" sx={{ fontWeight: 600, mr: 1 }}>
            {grant.name}
          </Typography>
          <span data-testid="grant-status">
            <EnumChip value={grant.status} options={GRANT_STATUSES} />
          </span>
          <EnumChip value={grant.reviewState} options={REVIEW_STATES} />
        </Stack>
      }
      subtitle={`Applied ${formatDateTime(grant.createdAt, SHORT_DATETIME)} · ${grant.questionnaire.institution}`}
    >
      <Alert severity={step.severity} data-testid="grant-step">
        <AlertTitle>{step.title}</AlertTitle>
        {step.text}
      </Alert>
    </Panel>
  );
};

const QuestionnairePanel = ({ grant }: { grant: ResearchGrant }) => {
  const q = grant.questionnaire;
  const answers: [string, string][] = [
    ['Institution', q.institution],
    ['Research question', q.researchQuestion],
    ['Harms or biases studied', q.harmsStudied.join(', ')],
    ['Data handling', q.dataHandling],
    ['Ethics approval', q.ethicsApproved ? `Approved (${q.ethicsApprovalReference})` : 'Not approved'],
  ];
  return (
    <Panel title="Your application" subtitle="The research questionnaire as reviewers read it">
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
        {answers.map(([label, value]) => (
          <Box key={label} sx={{ display: 'contents' }}>
            <Typography component="dt" variant="body2" color="text.secondary">
              {label}
            </Typography>
            <Typography component="dd" variant="body2" sx={{ m: 0, whiteSpace: 'pre-wrap' }}>
              {value}
            </Typography>
          </Box>
        ))}
      </Box>
    </Panel>
  );
};

/** The review's decisions live on the grant's application (same id). */
const ReviewHistory = ({ grant }: { grant: ResearchGrant }) => {
  const { data: application } = useGetOne<Application>('applications', { id: grant.id });
  return <FeedbackPanel feedback={application?.feedback} />;
};

const GrantView = () => {
  const { record: grant, isPending, error } = useShowContext<ResearchGrant>();
  if (error) return <Alert severity="error">{error.message}</Alert>;
  if (isPending || !grant) return null;
  return (
    <Stack spacing={2} sx={{ mt: 2, mb: 4 }}>
      <Title title={grant.name} />
      <Header grant={grant} />
      <GrantKeysPanel grant={grant} />
      <PanelColumns
        main={
          <>
            <GrantTermsPanel grant={grant} />
            <QuestionnairePanel grant={grant} />
          </>
        }
        side={
          <>
            <RenewalPanel grant={grant} />
            <ReviewHistory grant={grant} />
          </>
        }
      />
    </Stack>
  );
};

/** A research grant as its researcher follows it: where it stands, its keys, terms, renewal and review. */
export const ResearchGrantShow = () => (
  <ShowBase>
    <GrantView />
  </ShowBase>
);
