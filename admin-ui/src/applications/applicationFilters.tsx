import { SearchInput, SelectInput } from 'react-admin';
import { APPLICATION_STATUSES, toChoices } from '@warden/web-common';
import { REVIEW_STATES, RISK_TIERS } from '../common/enums';

export const applicationFilters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Name or organization" sx={{ width: 220 }} />,
  <SelectInput
    key="reviewState"
    source="reviewState"
    label="Review state"
    choices={toChoices(REVIEW_STATES)}
    alwaysOn
  />,
  <SelectInput
    key="riskTier"
    source="riskTier"
    label="Risk tier"
    choices={toChoices(RISK_TIERS)}
    alwaysOn
    sx={{ minWidth: 130 }}
  />,
  <SelectInput key="status" source="status" choices={toChoices(APPLICATION_STATUSES)} />,
];
