import Apps from '@mui/icons-material/Apps';
import { Box, Typography } from '@mui/material';
import { CreateButton, DataTable, DateField, List, TopToolbar } from 'react-admin';
import {
  APPLICATION_STATUSES,
  EmptyState,
  EnumChipField,
  REVIEW_STATES,
  SHORT_DATETIME,
} from '@warden/web-common';
import type { Application } from '../types';
import { USE_CASE_LABELS } from './questionnaire';

const ListActions = () => (
  <TopToolbar>
    <CreateButton label="New application" variant="contained" />
  </TopToolbar>
);

const Empty = () => (
  <EmptyState
    icon={<Apps />}
    title="Create your first application"
    hint="Tell us what you are building in a short questionnaire and get a sandbox key at once. When you are ready for production, submit the application for review."
    action={<CreateButton label="New application" variant="contained" />}
  />
);

const NameCell = ({ record }: { record: Application }) => (
  <Box>
    <Typography variant="body2" sx={{ fontWeight: 500 }}>
      {record.name}
    </Typography>
    {record.questionnaire && (
      <Typography variant="caption" color="text.secondary">
        {USE_CASE_LABELS[record.questionnaire.useCaseCategory]}
      </Typography>
    )}
  </Box>
);

export const ApplicationList = () => (
  <List<Application>
    title="Applications"
    actions={<ListActions />}
    empty={<Empty />}
    sort={{ field: 'updatedAt', order: 'DESC' }}
    perPage={25}
  >
    <DataTable<Application> rowClick="show" bulkActionButtons={false}>
      <DataTable.Col<Application>
        source="name"
        label="Application"
        render={(record) => <NameCell record={record} />}
      />
      <DataTable.Col source="reviewState" label="Review state">
        <EnumChipField source="reviewState" options={REVIEW_STATES} />
      </DataTable.Col>
      <DataTable.Col source="status">
        <EnumChipField source="status" options={APPLICATION_STATUSES} />
      </DataTable.Col>
      <DataTable.Col source="submittedAt" label="Submitted">
        <DateField source="submittedAt" showTime options={SHORT_DATETIME} emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="updatedAt" label="Updated">
        <DateField source="updatedAt" showTime options={SHORT_DATETIME} />
      </DataTable.Col>
    </DataTable>
  </List>
);
