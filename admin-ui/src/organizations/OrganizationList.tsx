import { DataTable, DateField, List, SearchInput } from 'react-admin';
import { SHORT_DATE } from '@warden/web-common';
import type { Organization } from '../types';

export const OrganizationList = () => (
  <List<Organization>
    filters={[<SearchInput key="q" source="q" alwaysOn />]}
    sort={{ field: 'createdAt', order: 'DESC' }}
  >
    <DataTable<Organization> rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="name" />
      <DataTable.NumberCol source="applicationCount" label="Applications" />
      <DataTable.Col source="createdAt" label="Created">
        <DateField options={SHORT_DATE} source="createdAt" />
      </DataTable.Col>
    </DataTable>
  </List>
);
