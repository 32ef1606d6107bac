import School from '@mui/icons-material/School';
import { DataTable, List, SelectInput, TextField, TextInput } from 'react-admin';
import {
  EmptyState,
  EnumChipField,
  GRANT_STATUSES,
  GrantExpiryField,
  RENEWAL_STATES,
  toChoices,
} from '@warden/web-common';
import type { ResearchGrant } from './types';

const filters = [
  <TextInput key="q" source="q" label="Search" alwaysOn />,
  <SelectInput key="status" source="status" choices={toChoices(GRANT_STATUSES)} alwaysOn />,
  <SelectInput
    key="renewalState"
    source="renewalState"
    label="Renewal"
    choices={toChoices(RENEWAL_STATES)}
    alwaysOn
  />,
];

const NoGrants = () => (
  <EmptyState
    icon={<School />}
    title="No research grant yet"
    hint={
      <>
        Researchers apply to the academic access program from the portal; their applications are reviewed in
        the <strong>Review queue</strong> like products. Approving one creates its grant here: time-boxed
        keys, quotas and a research policy profile, with renewals to decide as the end date nears.
      </>
    }
  />
);

/** Grants soonest to expire first: the renewals staff must look at are at the top. */
export const ResearchGrantList = () => (
  <List<ResearchGrant>
    title="Research grants"
    filters={filters}
    sort={{ field: 'endsAt', order: 'ASC' }}
    empty={<NoGrants />}
  >
    <DataTable<ResearchGrant> rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="name" label="Study" />
      <DataTable.Col source="organizationName" label="Organization" />
      <DataTable.Col source="questionnaire.institution" label="Institution" disableSort>
        <TextField source="questionnaire.institution" />
      </DataTable.Col>
      <DataTable.Col source="status">
        <EnumChipField source="status" options={GRANT_STATUSES} />
      </DataTable.Col>
      <DataTable.Col source="endsAt" label="Expiry">
        <GrantExpiryField />
      </DataTable.Col>
      <DataTable.Col source="renewalState" label="Renewal">
        <EnumChipField source="renewal.state" options={RENEWAL_STATES} />
      </DataTable.Col>
    </DataTable>
  </List>
);
