import {
  AutocompleteInput,
  DateTimeInput,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextInput,
} from 'react-admin';
import { MODERATION_ACTIONS, REQUEST_LOG_ENDPOINTS, type RequestLogEndpoint } from '@warden/contracts';
import { MODERATION_CATEGORIES } from '../common/enums';
import type { ApiKey } from '../types';

/** The server compares ISO instants; the browser's datetime-local value is local time. */
const toIso = (value: string) => (value ? new Date(value).toISOString() : null);

const categoryChoices = MODERATION_CATEGORIES.map((category) => ({ id: category, name: category }));
// `allow` is never a triggered verdict's action, so it is nothing to search for.
const actionChoices = MODERATION_ACTIONS.filter((action) => action !== 'allow').map((action) => ({
  id: action,
  name: action,
}));

const ENDPOINT_LABELS: Record<RequestLogEndpoint, string> = {
  '/v1/completions': 'Completions',
  '/v1/chat/completions': 'Chat completions',
  '/v1/moderations': 'Moderations',
};
const endpointChoices = REQUEST_LOG_ENDPOINTS.map((endpoint) => ({
  id: endpoint,
  name: ENDPOINT_LABELS[endpoint],
}));

export const requestLogFilters = [
  <SearchInput
    key="q"
    source="q"
    alwaysOn
    placeholder='Full text: words, "a phrase", -word'
    sx={{ width: 300 }}
  />,
  <ReferenceInput key="applicationId" source="applicationId" reference="applications" alwaysOn>
    <AutocompleteInput label="Application" optionText="name" sx={{ minWidth: 220 }} />
  </ReferenceInput>,
  <SelectInput
    key="category"
    source="category"
    label="Verdict category"
    choices={categoryChoices}
    alwaysOn
    sx={{ minWidth: 170 }}
  />,
  <SelectInput key="action" source="action" choices={actionChoices} alwaysOn sx={{ minWidth: 120 }} />,
  <SelectInput
    key="flagged"
    source="flagged"
    choices={[
      { id: 'true', name: 'Flagged or worse' },
      { id: 'false', name: 'Not flagged' },
    ]}
  />,
  <ReferenceInput key="apiKeyId" source="apiKeyId" reference="api-keys">
    <AutocompleteInput
      label="Key"
      optionText={(key: ApiKey) => `${key.name} (${key.prefix})`}
      sx={{ minWidth: 220 }}
    />
  </ReferenceInput>,
  <TextInput key="endUser" source="endUser" label="End user" />,
  <TextInput key="statusCode" source="statusCode" label="Status code" sx={{ width: 120 }} />,
  <TextInput key="errorCode" source="errorCode" label="Error code" />,
  <TextInput key="model" source="model" />,
  <SelectInput key="endpoint" source="endpoint" choices={endpointChoices} />,
  <DateTimeInput key="createdAfter" source="createdAfter" label="From" parse={toIso} />,
  <DateTimeInput key="createdBefore" source="createdBefore" label="Until" parse={toIso} />,
];
