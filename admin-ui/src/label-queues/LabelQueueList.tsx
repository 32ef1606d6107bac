import FactCheck from '@mui/icons-material/FactCheck';
import { Box, LinearProgress, Typography } from '@mui/material';
import { CreateButton, DataTable, DateField, List, SelectInput, TopToolbar, useCanAccess } from 'react-admin';
import { EmptyState, SHORT_DATETIME } from '@warden/web-common';
import { FilteredEmpty } from '../common/FilteredEmpty';
import { SAMPLING_LABELS } from './sampling';
import type { LabelQueue } from './types';

const filters = [
  <SelectInput
    key="status"
    source="status"
    choices={[
      { id: 'open', name: 'Open' },
      { id: 'closed', name: 'Closed' },
    ]}
    alwaysOn
  />,
];

/** The list opens on the queues labelers can still work. */
const DEFAULT_FILTER = { status: 'open' };

const NoLabelQueues = () => {
  const { canAccess: canCreate } = useCanAccess({ resource: 'label-queues', action: 'create' });
  return (
    <EmptyState
      icon={<FactCheck />}
      title="No labeling queue is open"
      hint={
        <>
          A labeling queue is a set of logged calls sampled from the request log (all flagged calls, calls
          near a threshold, a uniform sample, or calls a developer or end user disputed). Labelers judge each
          call's categories and whether its verdict was a false positive; their labels refund wrong strikes
          and measure each check's precision.{' '}
          {canCreate
            ? 'Create a queue to start.'
            : 'An admin or analyst creates the queues; open ones appear here.'}
        </>
      }
      action={canCreate ? <CreateButton variant="contained" label="Create a queue" /> : undefined}
    />
  );
};

const Actions = () => {
  const { canAccess } = useCanAccess({ resource: 'label-queues', action: 'create' });
  return <TopToolbar>{canAccess && <CreateButton />}</TopToolbar>;
};

export const Progress = ({ queue }: { queue: LabelQueue }) => {
  const { items, completed } = queue.progress;
  return (
    <Box sx={{ minWidth: 140 }}>
      <LinearProgress variant="determinate" value={items ? (100 * completed) / items : 0} />
      <Typography variant="caption" color="text.secondary">
        {completed} of {items} items done
      </Typography>
    </Box>
  );
};

/** Labeling queues, open ones first: a row opens the queue, where labelers work its items one by one. */
export const LabelQueueList = () => (
  <List<LabelQueue>
    title="Labeling queues"
    filters={filters}
    filterDefaultValues={DEFAULT_FILTER}
    sort={{ field: 'createdAt', order: 'DESC' }}
    actions={<Actions />}
    empty={<NoLabelQueues />}
  >
    <DataTable<LabelQueue>
      rowClick="show"
      bulkActionButtons={false}
      empty={
        <FilteredEmpty
          defaults={DEFAULT_FILTER}
          empty={<NoLabelQueues />}
          noMatch="No labeling queue matches these filters."
        />
      }
    >
      <DataTable.Col source="name" />
      <DataTable.Col<LabelQueue>
        source="sampling"
        label="Sampling"
        render={(record) => SAMPLING_LABELS[record.sampling.rule]}
      />
      <DataTable.Col<LabelQueue>
        source="labelsPerItem"
        label="Labels per item"
        render={(record) => String(record.labelsPerItem)}
      />
      <DataTable.Col<LabelQueue>
        source="progress"
        label="Progress"
        render={(record) => <Progress queue={record} />}
      />
      <DataTable.Col source="status" />
      <DataTable.Col source="createdAt" label="Created">
        <DateField source="createdAt" showTime options={SHORT_DATETIME} />
      </DataTable.Col>
    </DataTable>
  </List>
);
