import Topic from '@mui/icons-material/Topic';
import { DataTable, DateField, List, SearchInput, SelectInput } from 'react-admin';
import { TopicProposalStatus } from '@warden/contracts';
import {
  EmptyState,
  EnumChipField,
  SHORT_DATETIME,
  toChoices,
  TOPIC_PROPOSAL_STATUSES,
} from '@warden/web-common';
import { FilteredEmpty } from '../common/FilteredEmpty';
import type { TopicProposal } from '../types';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Application" />,
  <SelectInput key="status" source="status" choices={toChoices(TOPIC_PROPOSAL_STATUSES)} alwaysOn />,
];

/** The list opens on the proposals still to decide. */
const DEFAULT_FILTER = { status: TopicProposalStatus.Pending };

const NoTopicProposals = () => (
  <EmptyState
    icon={<Topic />}
    title="No topic proposal is waiting"
    hint={
      <>
        The topicality check holds an approved application to the topics its review accepted. When its
        developer needs others, they propose new topics from the portal, one proposal at a time per approved
        application. Each appears here: preview what the new topics would let through on the application's
        recent calls, then <strong>approve</strong> it (the topics replace the reviewed ones at once) or{' '}
        <strong>reject</strong> it with a note the developer reads.
      </>
    }
  />
);

/** Developers' proposals to change approved applications' topics, pending first by default filter. */
export const TopicProposalList = () => (
  <List<TopicProposal>
    filters={filters}
    filterDefaultValues={DEFAULT_FILTER}
    sort={{ field: 'createdAt', order: 'DESC' }}
    empty={<NoTopicProposals />}
  >
    <DataTable<TopicProposal>
      rowClick="show"
      bulkActionButtons={false}
      empty={
        <FilteredEmpty
          defaults={DEFAULT_FILTER}
          empty={<NoTopicProposals />}
          noMatch="No topic proposal matches these filters."
        />
      }
    >
      <DataTable.Col source="applicationName" label="Application" />
      <DataTable.Col source="status">
        <EnumChipField source="status" options={TOPIC_PROPOSAL_STATUSES} />
      </DataTable.Col>
      <DataTable.Col source="proposedByEmail" label="Proposed by" />
      <DataTable.Col source="createdAt" label="Proposed">
        <DateField source="createdAt" showTime options={SHORT_DATETIME} />
      </DataTable.Col>
      <DataTable.Col source="reviewerEmail" label="Decided by" />
    </DataTable>
  </List>
);
