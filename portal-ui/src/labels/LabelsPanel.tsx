import ThumbDown from '@mui/icons-material/ThumbDown';
import ThumbUp from '@mui/icons-material/ThumbUp';
import { Box, Chip, Stack, Typography } from '@mui/material';
import { DataTable, DateField, Pagination, ReferenceManyField } from 'react-admin';
import { EnumChipField, SHORT_DATETIME } from '@warden/web-common';
import { LABEL_SOURCES } from '../common/enums';
import { Panel } from '../common/Panel';
import type { Application, Label } from '../types';

const Rating = ({ record }: { record: Label }) =>
  record.rating === 'good' ? (
    <ThumbUp fontSize="small" color="success" aria-label="Good" />
  ) : record.rating === 'bad' ? (
    <ThumbDown fontSize="small" color="error" aria-label="Bad" />
  ) : null;

const Judgment = ({ record }: { record: Label }) => {
  const categories = Object.entries(record.categories)
    .filter(([, flagged]) => flagged)
    .map(([category]) => category);
  return (
    <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
      {record.falsePositive && (
        <Chip size="small" color="warning" variant="outlined" label="False positive" />
      )}
      {categories.map((category) => (
        <Chip key={category} size="small" variant="outlined" label={category} />
      ))}
      {record.comment && (
        <Typography variant="body2" color="text.secondary">
          {record.comment}
        </Typography>
      )}
    </Stack>
  );
};

/**
 * The labels on this application's calls (its own feedback, its end users', staff reviews of verdicts), newest
 * first: what its calibration and its end users' strike refunds are read from.
 */
export const LabelsPanel = ({ application }: { application: Application }) => (
  <Panel
    testId="labels"
    title="Labels on your calls"
    subtitle="Feedback on individual calls from you, your end users and staff reviews; send yours with POST /v1/feedback"
  >
    <ReferenceManyField<Application, Label>
      record={application}
      reference="labels"
      target="applicationId"
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={10}
      pagination={<Pagination rowsPerPageOptions={[10]} />}
      empty={
        <Box sx={{ py: 1 }}>
          <Typography variant="body2" color="text.secondary">
            No labels yet.
          </Typography>
        </Box>
      }
    >
      <DataTable<Label> bulkActionButtons={false} rowClick={false} size="small">
        <DataTable.Col source="createdAt" label="When">
          <DateField source="createdAt" showTime options={SHORT_DATETIME} />
        </DataTable.Col>
        <DataTable.Col source="source" label="From">
          <EnumChipField source="source" options={LABEL_SOURCES} />
        </DataTable.Col>
        <DataTable.Col<Label> source="rating" render={(record) => <Rating record={record} />} />
        <DataTable.Col<Label> label="Judgment" render={(record) => <Judgment record={record} />} />
        <DataTable.Col<Label>
          source="requestId"
          label="Call"
          render={(record) => (
            <Typography variant="caption" sx={{ fontFamily: 'monospace' }}>
              {record.requestId}
            </Typography>
          )}
        />
      </DataTable>
    </ReferenceManyField>
  </Panel>
);
