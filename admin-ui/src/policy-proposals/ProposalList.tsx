import {
  CreateButton,
  Datagrid,
  DateField,
  FunctionField,
  List,
  TextField,
  TextInput,
  TopToolbar,
} from 'react-admin';
import { EnumChipField } from '../common/EnumChipField';
import { PROPOSAL_STATUSES } from '../common/enums';
import type { PolicyProposal } from '../types';
import { replayLabel } from './proposals';

const Actions = () => (
  <TopToolbar>
    <CreateButton />
  </TopToolbar>
);

export const ProposalList = () => (
  <List<PolicyProposal>
    sort={{ field: 'createdAt', order: 'DESC' }}
    actions={<Actions />}
    filters={[<TextInput key="q" source="q" label="Search" alwaysOn />]}
  >
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <DateField source="createdAt" showTime />
      <TextField source="applicationName" label="Application" />
      <EnumChipField source="status" options={PROPOSAL_STATUSES} />
      <TextField source="note" emptyText="—" />
      <FunctionField<PolicyProposal>
        label="Latest replay"
        render={(record) =>
          record.latestReplay ? `${record.latestReplay.status} · ${replayLabel(record.latestReplay)}` : '—'
        }
      />
    </Datagrid>
  </List>
);
