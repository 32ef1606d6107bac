import { DataTable, DateField, List, SearchInput, SelectInput } from 'react-admin';
import { TOPIC_PROPOSAL_STATUSES } from '@warden/contracts';
import type { TopicProposal } from '../types';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Application" />,
  <SelectInput
    key="status"
    source="status"
    choices={TOPIC_PROPOSAL_STATUSES.map((status) => ({ id: status, name: status }))}
    alwaysOn
  />,
];

/** Developers' proposals to change approved applications' topics, pending first by default filter. */
export const TopicProposalList = () => (
  <List<TopicProposal>
    filters={filters}
    filterDefaultValues={{ status: 'pending' }}
    sort={{ field: 'createdAt', order: 'DESC' }}
  >
    <DataTable<TopicProposal> rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="applicationName" label="Application" />
      <DataTable.Col source="status" />
      <DataTable.Col source="proposedByEmail" label="Proposed by" />
      <DataTable.Col source="createdAt" label="Proposed">
        <DateField source="createdAt" showTime />
      </DataTable.Col>
      <DataTable.Col source="reviewerEmail" label="Decided by" />
    </DataTable>
  </List>
);
