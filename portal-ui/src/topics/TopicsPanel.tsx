import Edit from '@mui/icons-material/Edit';
import { Alert, Button, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useDataProvider } from 'react-admin';
import { formatDateTime, SHORT_DATETIME, TopicLists } from '@warden/web-common';
import { Panel } from '../common/Panel';
import type { PortalDataProvider } from '../dataProvider';
import type { Application, ApplicationTopics } from '../types';
import { ProposeTopicsDialog } from './ProposeTopicsDialog';
import { TopicProposals } from './TopicProposals';

/** Topics change only through a proposal, for an approved application, one pending at a time (as the server says). */
function proposalBlocked(application: Application, topics: ApplicationTopics): string | null {
  if (application.reviewState !== 'approved' || application.status === 'terminated') {
    return 'Once the application is approved you can propose changes to its topics here.';
  }
  if (topics.proposals.some((proposal) => proposal.status === 'pending')) {
    return 'Your proposal is waiting for staff review; you can propose again once it is decided.';
  }
  return null;
}

const ProposeButton = ({ application, topics }: { application: Application; topics: ApplicationTopics }) => {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="outlined"
        size="small"
        startIcon={<Edit />}
        onClick={() => setOpen(true)}
        sx={{ flexShrink: 0, whiteSpace: 'nowrap' }}
      >
        Propose a change
      </Button>
      <ProposeTopicsDialog
        application={application}
        current={topics.topics}
        open={open}
        onClose={() => setOpen(false)}
      />
    </>
  );
};

/**
 * The topics the off-topic check holds the application's end users to (its topic model's once approved, else the
 * questionnaire's), and the developer's proposals to change them.
 */
export const TopicsPanel = ({ application }: { application: Application }) => {
  const dataProvider = useDataProvider<PortalDataProvider>();
  const { data: topics, error } = useQuery({
    queryKey: ['applications', application.id, 'topics'],
    queryFn: () => dataProvider.topics(application.id),
  });
  const blocked = topics ? proposalBlocked(application, topics) : null;
  return (
    <Panel
      testId="topics"
      title="Topics"
      subtitle={
        topics?.modelBuiltAt
          ? `What the off-topic check judges prompts against; topic model built ${formatDateTime(topics.modelBuiltAt, SHORT_DATETIME)}`
          : 'What the off-topic check will judge prompts against once the application is approved'
      }
      action={topics && !blocked ? <ProposeButton application={application} topics={topics} /> : null}
    >
      {error && <Alert severity="error">{error.message}</Alert>}
      {topics && (
        <>
          <TopicLists topics={topics.topics} />
          {blocked && (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }} data-testid="proposal-blocked">
              {blocked}
            </Typography>
          )}
          <TopicProposals proposals={topics.proposals} />
        </>
      )}
    </Panel>
  );
};
