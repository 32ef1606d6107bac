import {
  DateField,
  ListButton,
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { EnumChipField, FULL_DATETIME, KEY_KINDS, KEY_STATUSES } from '@warden/web-common';
import type { ApiKey } from '../types';
import { KeyActionButtons } from './KeyActionButtons';

const Actions = () => (
  <TopToolbar>
    <KeyActionButtons size="medium" />
    <ListButton />
  </TopToolbar>
);

const KeyTitle = () => {
  const record = useRecordContext<ApiKey>();
  return <>{record ? `Key ${record.name} (${record.prefix})` : 'Key'}</>;
};

export const ApiKeyShow = () => (
  <Show<ApiKey> title={<KeyTitle />} actions={<Actions />}>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="prefix" sx={{ fontFamily: 'monospace' }} />
      <ReferenceField source="applicationId" reference="applications" link="show" label="Application">
        <TextField source="name" />
      </ReferenceField>
      <EnumChipField source="kind" options={KEY_KINDS} />
      <EnumChipField source="status" options={KEY_STATUSES} />
      <TextField source="statusReason" label="Reason for the last status change" emptyText="—" />
      <DateField source="createdAt" showTime options={FULL_DATETIME} />
      <DateField source="lastUsedAt" showTime options={FULL_DATETIME} emptyText="never" />
      <DateField source="expiresAt" showTime options={FULL_DATETIME} emptyText="never" />
    </SimpleShowLayout>
  </Show>
);
