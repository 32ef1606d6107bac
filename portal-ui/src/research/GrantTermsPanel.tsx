import { Box, Chip, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { formatDateTime, GrantExpiryField, SHORT_DATETIME } from '@warden/web-common';
import { Panel } from '../common/Panel';
import type { ResearchGrant } from '../types';

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <Box sx={{ display: 'contents' }}>
    <Typography component="dt" variant="body2" color="text.secondary">
      {label}
    </Typography>
    <Box component="dd" sx={{ m: 0 }}>
      {children}
    </Box>
  </Box>
);

const limit = (value: number | null) => (value === null ? 'no limit' : value.toLocaleString());

const Usage = ({ used, quota }: { used: number | undefined; quota: number | null }) => (
  <Typography variant="body2">
    {(used ?? 0).toLocaleString()} of {limit(quota)}
  </Typography>
);

/** What staff granted: the dates, the quotas with what the grant has used of them, and the research policy profile. */
export const GrantTermsPanel = ({ grant }: { grant: ResearchGrant }) => {
  const { quotas, profile, usage } = grant;
  return (
    <Panel testId="grant-terms" title="Terms" subtitle="Set by staff; per-day quotas count UTC days">
      <Box
        component="dl"
        sx={{ m: 0, display: 'grid', gridTemplateColumns: '180px 1fr', columnGap: 2, rowGap: 1 }}
      >
        <Row label="Starts">
          <Typography variant="body2">
            {grant.startsAt ? formatDateTime(grant.startsAt, SHORT_DATETIME) : 'not set'}
          </Typography>
        </Row>
        <Row label="Ends">
          <GrantExpiryField />
        </Row>
        <Row label="Requests today">
          <Usage used={usage?.requestsToday} quota={quotas.requestsPerDay} />
        </Row>
        <Row label="Tokens today">
          <Usage used={usage?.tokensToday} quota={quotas.tokensPerDay} />
        </Row>
        <Row label="Requests in total">
          <Usage used={usage?.requestsTotal} quota={quotas.requestsTotal} />
        </Row>
        <Row label="Tokens in total">
          <Usage used={usage?.tokensTotal} quota={quotas.tokensTotal} />
        </Row>
        <Row label="Research policy">
          <Stack direction="row" useFlexGap spacing={0.5} sx={{ flexWrap: 'wrap' }}>
            <Chip size="small" label={`logprobs ${profile.allowLogprobs ? 'allowed' : 'refused'}`} />
            <Chip size="small" label={`echo ${profile.allowEcho ? 'allowed' : 'refused'}`} />
            {profile.lockedDown && (
              <Chip size="small" color="warning" label="locked down: outputs stay in the request log" />
            )}
            {profile.observeOnlyCategories.map((category) => (
              <Chip key={category} size="small" variant="outlined" label={`${category}: observe only`} />
            ))}
          </Stack>
        </Row>
      </Box>
    </Panel>
  );
};
