import { Stack } from '@mui/material';
import { DateField, Labeled, ListButton, Show, TextField, TopToolbar, useRecordContext } from 'react-admin';
import { EnumChipField, FULL_DATETIME } from '@warden/web-common';
import { PROPOSAL_STATUSES } from '../common/enums';
import { JsonField } from '../common/JsonField';
import { Panel } from '../common/Panel';
import type { PolicyProposal } from '../types';
import { ApplyButton } from './ApplyButton';
import { isReplayActive, POLL_MS } from './proposals';
import { ReplayPanel } from './ReplayPanel';

const Actions = () => (
  <TopToolbar>
    <ListButton />
    <ApplyButton />
  </TopToolbar>
);

const Summary = () => {
  const proposal = useRecordContext<PolicyProposal>();
  if (!proposal) return null;
  return (
    <Panel title={`Proposal for ${proposal.applicationName}`} subtitle={proposal.note ?? undefined}>
      <Stack direction="row" spacing={4} sx={{ mb: 2 }}>
        <Labeled label="Status">
          <EnumChipField source="status" options={PROPOSAL_STATUSES} />
        </Labeled>
        <Labeled label="Created">
          <DateField source="createdAt" showTime options={FULL_DATETIME} />
        </Labeled>
        <Labeled label="Applied">
          <DateField source="appliedAt" showTime options={FULL_DATETIME} emptyText="—" />
        </Labeled>
        <Labeled label="From calibration">
          <TextField source="calibrationId" emptyText="written by hand" />
        </Labeled>
      </Stack>
      <Labeled label="Policy patch">
        <JsonField source="patch" />
      </Labeled>
    </Panel>
  );
};

const pollWhileReplaying = (query: { state: { data?: PolicyProposal } }) =>
  isReplayActive(query.state.data?.latestReplay?.status) ? POLL_MS : false;

export const ProposalShow = () => (
  <Show<PolicyProposal>
    actions={<Actions />}
    component="div"
    queryOptions={{ refetchInterval: pollWhileReplaying }}
  >
    <Stack spacing={2}>
      <Summary />
      <ReplayPanel />
    </Stack>
  </Show>
);
