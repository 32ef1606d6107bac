import { Box, Chip } from '@mui/material';
import { BooleanField, DataTable, List, NumberField, useCanAccess, useRecordContext } from 'react-admin';
import { APPLICATION_STATUSES, EnumChipField } from '@warden/web-common';
import type { Policy } from '../types';
import { ClassifierThresholds } from './ClassifierThresholds';

const Customized = () => {
  const record = useRecordContext<Policy>();
  const count = Object.keys(record?.patch ?? {}).length;
  return count > 0 ? (
    <Chip size="small" color="primary" variant="outlined" label="customized" />
  ) : (
    <Chip size="small" variant="outlined" label="status defaults" />
  );
};

export const PolicyList = () => {
  const { canAccess: canEdit } = useCanAccess({ resource: 'policies', action: 'edit' });
  return (
    <>
      <List<Policy> sort={{ field: 'applicationName', order: 'ASC' }}>
        <DataTable<Policy> rowClick={canEdit ? 'edit' : 'show'} bulkActionButtons={false}>
          <DataTable.Col source="applicationName" label="Application" />
          <DataTable.Col source="applicationStatus" label="Status">
            <EnumChipField source="applicationStatus" options={APPLICATION_STATUSES} />
          </DataTable.Col>
          <DataTable.Col label="Rules" disableSort>
            <Customized />
          </DataTable.Col>
          <DataTable.Col source="rules.limits.maxPromptTokens" label="Max prompt tokens" disableSort>
            <NumberField source="rules.limits.maxPromptTokens" />
          </DataTable.Col>
          <DataTable.Col source="rules.limits.maxTokens" label="Max tokens" disableSort>
            <NumberField source="rules.limits.maxTokens" />
          </DataTable.Col>
          <DataTable.Col source="rules.requireUser" label="End user required" disableSort>
            <BooleanField source="rules.requireUser" />
          </DataTable.Col>
        </DataTable>
      </List>
      <Box sx={{ mt: 2 }}>
        <ClassifierThresholds />
      </Box>
    </>
  );
};
