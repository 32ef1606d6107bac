import Rule from '@mui/icons-material/Rule';
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
import { EmptyState, EnumChipField, SHORT_DATETIME } from '@warden/web-common';
import { PROPOSAL_STATUSES } from '../common/enums';
import type { PolicyProposal } from '../types';
import { replayLabel } from './proposals';

const Actions = () => (
  <TopToolbar>
    <CreateButton />
  </TopToolbar>
);

const NoProposals = () => (
  <EmptyState
    icon={<Rule />}
    title="No policy proposal yet"
    hint={
      <>
        A proposal is a change to one application's policy (thresholds, actions, blocklists) that is replayed
        over its logged traffic before anyone applies it: the replay shows which calls it would newly block or
        allow. Write one here, or turn a calibration's chosen thresholds into one with{' '}
        <strong>Propose</strong>.
      </>
    }
    action={<CreateButton variant="contained" label="Propose a change" />}
  />
);

export const ProposalList = () => (
  <List<PolicyProposal>
    sort={{ field: 'createdAt', order: 'DESC' }}
    actions={<Actions />}
    empty={<NoProposals />}
    filters={[<TextInput key="q" source="q" label="Search" alwaysOn />]}
  >
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <DateField source="createdAt" showTime options={SHORT_DATETIME} />
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
