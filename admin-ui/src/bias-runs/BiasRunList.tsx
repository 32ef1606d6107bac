import Balance from '@mui/icons-material/Balance';
import { Box, Chip, Stack, Typography } from '@mui/material';
import {
  AutocompleteInput,
  CreateButton,
  DataTable,
  DateField,
  FilterButton,
  List,
  ReferenceField,
  ReferenceInput,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
} from 'react-admin';
import { EmptyState, EnumChipField, SHORT_DATETIME, toChoices } from '@warden/web-common';
import { BIAS_RUN_STATUSES, PROBE_SETS } from '../common/enums';
import type { BiasRun } from '../types';
import { BiasProgress } from './BiasProgress';
import { duration, isActive, POLL_MS } from './biasRuns';

const biasRunFilters = [
  <SelectInput key="status" source="status" choices={toChoices(BIAS_RUN_STATUSES)} alwaysOn />,
  <TextInput key="model" source="model" alwaysOn />,
  <ReferenceInput key="applicationId" source="applicationId" reference="applications">
    <AutocompleteInput label="Started for application" optionText="name" sx={{ minWidth: 240 }} />
  </ReferenceInput>,
  <ReferenceInput key="attachedTo" source="attachedTo" reference="applications">
    <AutocompleteInput label="Attached to review of" optionText="name" sx={{ minWidth: 240 }} />
  </ReferenceInput>,
];

const Empty = () => (
  <EmptyState
    icon={<Balance />}
    title="No bias run yet"
    hint="A run applies the BOLD, HolisticBias and StereoSet probes to a model and reports per-group means with confidence intervals."
    action={<CreateButton label="Start a run" variant="contained" />}
  />
);

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton label="Start a run" />
  </TopToolbar>
);

export const ProbeSetChips = ({ run }: { run: BiasRun }) => (
  <Stack direction="row" spacing={0.5}>
    {run.probeSets.map((set) => (
      <Chip key={set} size="small" variant="outlined" label={PROBE_SETS[set]?.label ?? set} />
    ))}
  </Stack>
);

const ModelCell = ({ run }: { run: BiasRun }) => (
  <Box>
    <Typography variant="body2" sx={{ fontFamily: 'monospace' }}>
      {run.model}
    </Typography>
    {run.applicationId && (
      <Typography variant="caption" color="text.secondary" component="div">
        via{' '}
        <ReferenceField record={run} source="applicationId" reference="applications" link={false}>
          <TextField source="name" variant="caption" />
        </ReferenceField>
      </Typography>
    )}
  </Box>
);

/** Keeps the list moving while any run on the page is queued or running. */
const pollWhileActive = (query: { state: { data?: { data?: BiasRun[] } } }) =>
  query.state.data?.data?.some((run) => isActive(run.status)) ? POLL_MS * 2 : false;

/** Bias runs, newest first, with their progress; a row opens the report. */
export const BiasRunList = () => (
  <List<BiasRun>
    title="Bias runs"
    filters={biasRunFilters}
    actions={<ListActions />}
    sort={{ field: 'createdAt', order: 'DESC' }}
    queryOptions={{ refetchInterval: pollWhileActive }}
    empty={<Empty />}
  >
    <DataTable<BiasRun> rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="createdAt" label="Started">
        <DateField source="createdAt" showTime options={SHORT_DATETIME} sx={{ whiteSpace: 'nowrap' }} />
      </DataTable.Col>
      <DataTable.Col source="status">
        <EnumChipField source="status" options={BIAS_RUN_STATUSES} />
      </DataTable.Col>
      <DataTable.Col<BiasRun> source="model" render={(run) => <ModelCell run={run} />} />
      <DataTable.Col<BiasRun> label="Probe sets" disableSort render={(run) => <ProbeSetChips run={run} />} />
      <DataTable.NumberCol source="seed" />
      <DataTable.Col<BiasRun>
        label="Limit"
        disableSort
        align="right"
        render={(run) => (run.limit == null ? 'all' : `${run.limit} / group`)}
      />
      <DataTable.Col<BiasRun>
        label="Progress"
        disableSort
        render={(run) =>
          run.status === 'completed' ? (
            <Typography variant="caption" color="text.secondary">
              {run.progress.total.toLocaleString()} probes · {duration(run) ?? '—'}
            </Typography>
          ) : run.status === 'failed' ? (
            <Typography variant="caption" color="error" noWrap title={run.error ?? undefined}>
              {run.error ?? 'failed'}
            </Typography>
          ) : (
            <BiasProgress run={run} compact />
          )
        }
      />
    </DataTable>
  </List>
);
