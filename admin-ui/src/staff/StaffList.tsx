import { DataTable, DateField, List } from 'react-admin';
import { EnumChipField, SHORT_DATE, SHORT_DATETIME } from '@warden/web-common';
import { STAFF_ROLES } from '../common/enums';
import type { StaffMember } from '../types';

export const StaffList = () => (
  <List<StaffMember> sort={{ field: 'email', order: 'ASC' }}>
    <DataTable<StaffMember> rowClick="edit" bulkActionButtons={false}>
      <DataTable.Col source="email" />
      <DataTable.Col source="role">
        <EnumChipField source="role" options={STAFF_ROLES} />
      </DataTable.Col>
      <DataTable.Col source="createdAt" label="Created">
        <DateField options={SHORT_DATE} source="createdAt" />
      </DataTable.Col>
      <DataTable.Col source="lockedUntil" label="Locked until">
        <DateField source="lockedUntil" showTime options={SHORT_DATETIME} emptyText="—" />
      </DataTable.Col>
    </DataTable>
  </List>
);
