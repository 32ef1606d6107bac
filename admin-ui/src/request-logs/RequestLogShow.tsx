import {
  DateField,
  Labeled,
  NumberField,
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
} from 'react-admin';
import { Stack } from '@mui/material';
import { JsonField } from '../common/JsonField';
import type { RequestLog } from '../types';
import { StatusCodeField } from './RequestLogList';

const preSx = { whiteSpace: 'pre-wrap', fontFamily: 'monospace', fontSize: 13 } as const;

export const RequestLogShow = () => (
  <Show<RequestLog> title="Request">
    <SimpleShowLayout>
      <TextField source="id" label="Request id" sx={{ fontFamily: 'monospace' }} />
      <Stack sx={{ flexWrap: 'wrap' }} direction="row" spacing={4} useFlexGap>
        <Labeled label="When">
          <DateField source="createdAt" showTime />
        </Labeled>
        <Labeled label="Application">
          <ReferenceField source="applicationId" reference="applications" link="show" emptyText="—">
            <TextField source="name" />
          </ReferenceField>
        </Labeled>
        <Labeled label="Key">
          <ReferenceField source="apiKeyId" reference="api-keys" link="show" emptyText="—">
            <TextField source="name" />
          </ReferenceField>
        </Labeled>
        <Labeled label="End user">
          <TextField source="endUser" emptyText="—" />
        </Labeled>
        <Labeled label="Model">
          <TextField source="model" emptyText="—" />
        </Labeled>
        <Labeled label="Status">
          <StatusCodeField />
        </Labeled>
        <Labeled label="Error">
          <TextField source="errorCode" emptyText="—" />
        </Labeled>
        <Labeled label="Prompt tokens">
          <NumberField source="promptTokens" />
        </Labeled>
        <Labeled label="Output tokens">
          <NumberField source="completionTokens" />
        </Labeled>
        <Labeled label="Latency (ms)">
          <NumberField source="latencyMs" />
        </Labeled>
      </Stack>
      <TextField source="prompt" sx={preSx} emptyText="—" />
      <TextField source="output" sx={preSx} emptyText="—" />
      <Labeled label="Verdicts">
        <JsonField source="verdicts" />
      </Labeled>
    </SimpleShowLayout>
  </Show>
);
