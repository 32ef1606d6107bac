import { Box, Chip, Stack, Tooltip, Typography } from '@mui/material';
import {
  DataTable,
  DateField,
  FilterButton,
  List,
  ReferenceField,
  TextField,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { SHORT_DATETIME } from '@warden/web-common';
import { ACTION_COLORS } from '../common/enums';
import { formatMs } from '../common/format';
import { VerdictChips } from '../common/VerdictTable';
import { ACTION_SEVERITY, asVerdicts, mostSevere, triggered } from '../common/verdicts';
import type { RequestLog } from '../types';
import { promptPreview } from './chatMessages';
import { requestLogFilters } from './requestLogFilters';

export const StatusCodeField = () => {
  const record = useRecordContext<RequestLog>();
  if (!record) return null;
  const color = record.statusCode < 300 ? 'success' : record.statusCode < 500 ? 'warning' : 'error';
  const chip = <Chip size="small" variant="outlined" color={color} label={record.statusCode} />;
  return record.errorCode ? (
    <Tooltip title={record.errorCode}>
      <span>{chip}</span>
    </Tooltip>
  ) : (
    chip
  );
};

/**
 * The prompt on one line (for a chat, its last user message and how many messages it had), with the output
 * underneath in grey: enough to recognise a call while scanning.
 */
const TextPreview = ({ record }: { record: RequestLog }) => {
  const prompt = promptPreview(record);
  return (
    <Box sx={{ width: { xs: 220, lg: 300, xl: 440 } }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline' }}>
        <Typography variant="body2" noWrap title={prompt} sx={{ minWidth: 0 }}>
          {prompt}
        </Typography>
        {record.messages && (
          <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
            {record.messages.length} {record.messages.length === 1 ? 'message' : 'messages'}
          </Typography>
        )}
      </Stack>
      {record.output && (
        <Typography variant="caption" color="text.secondary" noWrap component="div" title={record.output}>
          → {record.output.trim()}
        </Typography>
      )}
    </Box>
  );
};

/**
 * A left border in the colour of the most severe triggered action for calls that were flagged or worse, like the
 * review queue's risk tiers; merely observed calls stay plain.
 */
const rowSx = (record: RequestLog) => {
  const action = mostSevere(triggered(asVerdicts(record.verdicts)));
  return {
    borderLeft: `5px solid ${
      ACTION_SEVERITY[action] >= ACTION_SEVERITY.flag ? ACTION_COLORS[action].border : 'transparent'
    }`,
  };
};

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
  </TopToolbar>
);

/**
 * The request-log explorer: full-text search over prompts and outputs (Postgres web-search syntax) and filters by
 * application, key, end user, verdict category and action, status and time. A row opens the call with its verdicts
 * highlighted on the text.
 */
export const RequestLogList = () => (
  <List<RequestLog>
    title="Request log"
    filters={requestLogFilters}
    actions={<ListActions />}
    sort={{ field: 'createdAt', order: 'DESC' }}
    perPage={50}
  >
    <DataTable<RequestLog> rowClick="show" bulkActionButtons={false} rowSx={rowSx}>
      <DataTable.Col source="createdAt" label="When">
        <DateField source="createdAt" showTime options={SHORT_DATETIME} sx={{ whiteSpace: 'nowrap' }} />
      </DataTable.Col>
      <DataTable.Col source="applicationId" label="Application" disableSort>
        <ReferenceField source="applicationId" reference="applications" link={false} emptyText="—">
          <TextField source="name" sx={{ whiteSpace: 'nowrap' }} />
        </ReferenceField>
      </DataTable.Col>
      <DataTable.Col source="endUser" label="End user" sx={{ whiteSpace: 'nowrap' }}>
        <TextField source="endUser" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col<RequestLog>
        label="Prompt → output"
        disableSort
        render={(record) => <TextPreview record={record} />}
      />
      <DataTable.Col<RequestLog>
        label="Verdicts"
        disableSort
        render={(record) => <VerdictChips verdicts={asVerdicts(record.verdicts)} max={2} />}
      />
      <DataTable.Col source="statusCode" label="Status">
        <StatusCodeField />
      </DataTable.Col>
      <DataTable.Col<RequestLog>
        source="latencyMs"
        label="Latency"
        render={(record) => (
          <Box component="span" sx={{ whiteSpace: 'nowrap' }}>
            {formatMs(record.latencyMs)}
          </Box>
        )}
      />
    </DataTable>
  </List>
);
