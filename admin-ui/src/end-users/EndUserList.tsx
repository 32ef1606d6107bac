import ManageSearch from '@mui/icons-material/ManageSearch';
import PeopleAlt from '@mui/icons-material/PeopleAlt';
import { Box, Button, Stack, Tooltip, Typography } from '@mui/material';
import type { MouseEvent } from 'react';
import {
  AutocompleteInput,
  DataTable,
  DateField,
  Link,
  List,
  ReferenceInput,
  SearchInput,
  SelectInput,
  useRecordContext,
} from 'react-admin';
import { EmptyState, EnumChipField, SHORT_DATETIME, toChoices } from '@warden/web-common';
import { END_USER_STATUSES } from '../common/enums';
import { formatPercent } from '../common/format';
import { requestLogsPath } from '../common/links';
import type { EndUser } from '../types';
import { BlockButton, UnblockButton } from './StandingButtons';

const endUserFilters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="End user or application" sx={{ width: 240 }} />,
  <ReferenceInput key="applicationId" source="applicationId" reference="applications" alwaysOn>
    <AutocompleteInput label="Application" optionText="name" sx={{ minWidth: 220 }} />
  </ReferenceInput>,
  <SelectInput key="status" source="status" choices={toChoices(END_USER_STATUSES)} alwaysOn />,
];

/** The status chip, with the reason for the last change on hover. */
export const EndUserStatus = () => {
  const record = useRecordContext<EndUser>();
  if (!record) return null;
  const chip = (
    <span>
      <EnumChipField source="status" options={END_USER_STATUSES} />
      {record.blockedByStaff && (
        <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 0.5 }}>
          by staff
        </Typography>
      )}
    </span>
  );
  return record.statusReason ? <Tooltip title={record.statusReason}>{chip}</Tooltip> : chip;
};

export const EndUserLogsButton = () => {
  const record = useRecordContext<EndUser>();
  if (!record) return null;
  return (
    <Button
      size="small"
      component={Link}
      to={requestLogsPath({ applicationId: record.applicationId, endUser: record.endUser })}
      startIcon={<ManageSearch />}
      onClick={(event: MouseEvent) => event.stopPropagation()}
    >
      Logs
    </Button>
  );
};

const NameCell = ({ record }: { record: EndUser }) => (
  <Box>
    <Typography variant="body2" sx={{ fontWeight: 500, fontFamily: 'monospace' }}>
      {record.endUser}
    </Typography>
    <Typography variant="caption" color="text.secondary">
      {record.applicationName}
    </Typography>
  </Box>
);

const rowSx = (record: EndUser) => ({
  borderLeft: `5px solid ${
    record.status === 'blocked' ? '#f44336' : record.status === 'throttled' ? '#ff9800' : 'transparent'
  }`,
});

const Empty = () => (
  <EmptyState
    icon={<PeopleAlt />}
    title="No end user yet"
    hint="End users appear once calls name them in the `user` field; their flagged verdicts earn strike points."
  />
);

/** Each application's end users (the `user` field), with volume, flags and strikes; throttled and blocked ones can be released. */
export const EndUserList = () => (
  <List<EndUser>
    title="End users"
    filters={endUserFilters}
    sort={{ field: 'lastSeenAt', order: 'DESC' }}
    perPage={25}
    empty={<Empty />}
  >
    <DataTable<EndUser> rowClick="show" bulkActionButtons={false} rowSx={rowSx}>
      <DataTable.Col<EndUser>
        source="endUser"
        label="End user"
        render={(record) => <NameCell record={record} />}
      />
      <DataTable.Col source="status">
        <EndUserStatus />
      </DataTable.Col>
      <DataTable.NumberCol source="requestCount" label="Requests" />
      <DataTable.NumberCol source="flaggedCount" label="Flagged" />
      <DataTable.Col<EndUser>
        source="flaggedRate"
        label="Flagged rate"
        disableSort
        align="right"
        render={(record) => formatPercent(record.flaggedRate)}
      />
      <DataTable.NumberCol source="strikePoints" label="Strike points" />
      <DataTable.Col source="lastSeenAt" label="Last seen">
        <DateField source="lastSeenAt" showTime options={SHORT_DATETIME} sx={{ whiteSpace: 'nowrap' }} />
      </DataTable.Col>
      <DataTable.Col label="Actions" disableSort>
        <Stack direction="row" spacing={0.5}>
          <EndUserLogsButton />
          <UnblockButton />
          <BlockButton />
        </Stack>
      </DataTable.Col>
    </DataTable>
  </List>
);
