import { Box, Stack, Typography } from '@mui/material';
import { EnumChip, formatDateTime, SHORT_DATETIME, TOPIC_PROPOSAL_STATUSES } from '@warden/web-common';
import type { TopicProposal } from '../types';

const summary = ({ examplePrompts, allowedTopics, forbiddenTopics }: TopicProposal['topics']) =>
  [
    allowedTopics.length ? `allowed: ${allowedTopics.join(', ')}` : null,
    forbiddenTopics.length ? `forbidden: ${forbiddenTopics.join(', ')}` : null,
    `${examplePrompts.length} example prompt${examplePrompts.length === 1 ? '' : 's'}`,
  ]
    .filter(Boolean)
    .join(' · ');

const ProposalItem = ({ proposal }: { proposal: TopicProposal }) => (
  <Box sx={{ borderLeft: 3, borderColor: 'divider', pl: 1.5 }} data-testid="topic-proposal">
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      <EnumChip value={proposal.status} options={TOPIC_PROPOSAL_STATUSES} />
      <Typography variant="caption" color="text.secondary">
        Proposed {formatDateTime(proposal.createdAt, SHORT_DATETIME)}
        {proposal.proposedByEmail ? ` by ${proposal.proposedByEmail}` : ''}
        {proposal.decidedAt ? ` · decided ${formatDateTime(proposal.decidedAt, SHORT_DATETIME)}` : ''}
      </Typography>
    </Stack>
    <Typography variant="body2" sx={{ mt: 0.5 }}>
      {summary(proposal.topics)}
    </Typography>
    {proposal.note && (
      <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'pre-wrap' }}>
        Reviewer’s note: {proposal.note}
      </Typography>
    )}
  </Box>
);

/** The application's proposals, newest first, with where each stands as the server reports it. */
export const TopicProposals = ({ proposals }: { proposals: TopicProposal[] }) => (
  <Box sx={{ mt: 2 }}>
    <Typography variant="caption" color="text.secondary">
      Your proposals
    </Typography>
    {proposals.length === 0 ? (
      <Typography variant="body2" color="text.secondary">
        None yet.
      </Typography>
    ) : (
      <Stack spacing={1.5} sx={{ mt: 0.5 }}>
        {proposals.map((proposal) => (
          <ProposalItem key={proposal.id} proposal={proposal} />
        ))}
      </Stack>
    )}
  </Box>
);
