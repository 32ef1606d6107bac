import { Card, CardContent, Grid, Stack, Typography } from '@mui/material';
import { ListButton, Show, TopToolbar, useRecordContext } from 'react-admin';
import { formatDateTime, TopicLists } from '@warden/web-common';
import { TopicalityPreview } from '../topicality/TopicalityPreview';
import type { TopicProposal } from '../types';
import { TopicProposalDecisionButtons } from './TopicProposalDecisionButtons';

const Panel = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <Card variant="outlined">
    <CardContent>
      <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
        {title}
      </Typography>
      {children}
    </CardContent>
  </Card>
);

const ProposalBody = () => {
  const record = useRecordContext<TopicProposal>();
  if (!record) return null;
  return (
    <Stack spacing={2}>
      <Card variant="outlined">
        <CardContent>
          <Typography variant="h6">Topic proposal for {record.applicationName}</Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {record.status} · proposed by {record.proposedByEmail ?? 'unknown'} on{' '}
            {formatDateTime(record.createdAt)}
            {record.note ? ` · note: ${record.note}` : ''}
          </Typography>
          <TopicProposalDecisionButtons />
        </CardContent>
      </Card>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}>
          <Panel title="Current topics">
            <TopicLists topics={record.currentTopics} />
          </Panel>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Panel title="Proposed topics">
            <TopicLists topics={record.topics} />
          </Panel>
        </Grid>
      </Grid>
      {record.status === 'pending' && (
        <Panel title="Preview: the proposed topics over the application's sandbox calls">
          <TopicalityPreview applicationId={record.applicationId} proposalId={record.id} />
        </Panel>
      )}
    </Stack>
  );
};

/** A proposal beside the topics it would replace, with its preview and the decision buttons. */
export const TopicProposalShow = () => (
  <Show<TopicProposal>
    component="div"
    actions={
      <TopToolbar>
        <ListButton />
      </TopToolbar>
    }
  >
    <ProposalBody />
  </Show>
);
