import {
  DataTable,
  DateField,
  NumberField,
  ReferenceManyField,
  Show,
  SimpleShowLayout,
  TextField,
  useRecordContext,
} from 'react-admin';
import { APPLICATION_STATUSES, EnumChipField, FULL_DATETIME, SHORT_DATE } from '@warden/web-common';
import { REVIEW_STATES, RISK_TIERS } from '../common/enums';
import type { Application, Organization } from '../types';

const OrganizationTitle = () => {
  const record = useRecordContext<Organization>();
  return <>{record ? `Organization ${record.name}` : 'Organization'}</>;
};

export const OrganizationShow = () => (
  <Show<Organization> title={<OrganizationTitle />}>
    <SimpleShowLayout>
      <TextField source="name" />
      <DateField source="createdAt" showTime options={FULL_DATETIME} />
      <NumberField source="applicationCount" label="Applications" />
      <ReferenceManyField<Organization, Application>
        label="Applications"
        reference="applications"
        target="organizationId"
        sort={{ field: 'createdAt', order: 'DESC' }}
      >
        <DataTable<Application> rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="name" />
          <DataTable.Col source="reviewState" label="Review state">
            <EnumChipField source="reviewState" options={REVIEW_STATES} />
          </DataTable.Col>
          <DataTable.Col source="riskTier" label="Risk tier">
            <EnumChipField source="riskTier" options={RISK_TIERS} />
          </DataTable.Col>
          <DataTable.Col source="status">
            <EnumChipField source="status" options={APPLICATION_STATUSES} />
          </DataTable.Col>
          <DataTable.Col source="createdAt" label="Created">
            <DateField options={SHORT_DATE} source="createdAt" />
          </DataTable.Col>
        </DataTable>
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);
