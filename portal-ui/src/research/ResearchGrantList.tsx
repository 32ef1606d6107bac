import School from '@mui/icons-material/School';
import { CreateButton, DataTable, DateField, List, TopToolbar } from 'react-admin';
import {
  EmptyState,
  EnumChipField,
  GRANT_STATUSES,
  GrantExpiryField,
  RENEWAL_STATES,
  REVIEW_STATES,
  SHORT_DATETIME,
} from '@warden/web-common';
import type { ResearchGrant } from '../types';

const ApplyButton = () => <CreateButton label="Apply for academic access" variant="contained" />;

const Empty = () => (
  <EmptyState
    icon={<School />}
    title="Academic access"
    hint="Researchers studying the model’s harms and biases can apply for time-boxed access under a research policy. Staff review the application and grant dates, quotas and a policy profile."
    action={<ApplyButton />}
  />
);

/** The organization's research grants: where each stands and when it ends. */
export const ResearchGrantList = () => (
  <List<ResearchGrant>
    title="Research access"
    actions={
      <TopToolbar>
        <ApplyButton />
      </TopToolbar>
    }
    empty={<Empty />}
    sort={{ field: 'createdAt', order: 'DESC' }}
    perPage={25}
  >
    <DataTable<ResearchGrant> rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="name" label="Study" />
      <DataTable.Col source="status">
        <EnumChipField source="status" options={GRANT_STATUSES} />
      </DataTable.Col>
      <DataTable.Col source="reviewState" label="Review state">
        <EnumChipField source="reviewState" options={REVIEW_STATES} />
      </DataTable.Col>
      <DataTable.Col source="startsAt" label="Starts">
        <DateField source="startsAt" showTime options={SHORT_DATETIME} emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="endsAt" label="Ends">
        <GrantExpiryField />
      </DataTable.Col>
      <DataTable.Col source="renewal.state" label="Renewal" disableSort>
        <EnumChipField source="renewal.state" options={RENEWAL_STATES} />
      </DataTable.Col>
      <DataTable.Col source="createdAt" label="Applied">
        <DateField source="createdAt" showTime options={SHORT_DATETIME} />
      </DataTable.Col>
    </DataTable>
  </List>
);
