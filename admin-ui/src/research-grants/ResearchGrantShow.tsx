import { Alert, Box, Card, CardContent, Chip, Grid, Stack, Typography } from '@mui/material';
import {
  EditButton,
  Link,
  ListButton,
  Show,
  TopToolbar,
  useCanAccess,
  useCreatePath,
  useRecordContext,
} from 'react-admin';
import { EnumChipField, GRANT_STATUSES, GrantExpiryField, RENEWAL_STATES } from '@warden/web-common';
import { REVIEW_STATES } from '../common/enums';
import { RenewalButtons } from './RenewalButtons';
import type { ResearchGrant } from './types';

const Actions = () => {
  const { canAccess } = useCanAccess({ resource: 'research-grants', action: 'edit' });
  return (
    <TopToolbar>
      {canAccess && <EditButton label="Edit terms" />}
      <ListButton />
    </TopToolbar>
  );
};

const date = (value: string | null) => (value ? new Date(value).toLocaleString() : '—');
const limit = (value: number | null) => (value === null ? 'no limit' : value.toLocaleString());

const Section = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <Card variant="outlined">
    <CardContent>
      <Typography variant="subtitle2" gutterBottom>
        {title}
      </Typography>
      {children}
    </CardContent>
  </Card>
);

const Row = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <Box sx={{ display: 'flex', gap: 2, py: 0.25 }}>
    <Typography variant="body2" color="text.secondary" sx={{ minWidth: 180 }}>
      {label}
    </Typography>
    <Box>{children}</Box>
  </Box>
);

const GrantDetail = () => {
  const record = useRecordContext<ResearchGrant>();
  const createPath = useCreatePath();
  if (!record) return null;
  const { questionnaire: q, quotas, profile, renewal, usage } = record;
  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="h6">{record.name}</Typography>
        <EnumChipField source="status" options={GRANT_STATUSES} />
        <EnumChipField source="reviewState" options={REVIEW_STATES} />
      </Stack>
      {renewal.state === 'requested' && (
        <Alert severity="warning" action={<RenewalButtons />} data-testid="renewal-request">
          Renewal requested on {date(renewal.requestedAt)} until {date(renewal.requestedEndsAt)}:{' '}
          {renewal.reason}
        </Alert>
      )}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}>
          <Section title="Grant">
            <Row label="Starts">{date(record.startsAt)}</Row>
            <Row label="Expiry">
              <GrantExpiryField />
            </Row>
            <Row label="Renewal">
              <EnumChipField source="renewal.state" options={RENEWAL_STATES} />{' '}
              {renewal.count > 0 && `${renewal.count} approved`}
            </Row>
            {renewal.decidedAt && (
              <Row label="Last renewal decision">
                {date(renewal.decidedAt)}: {renewal.rationale}
              </Row>
            )}
            <Row label="Review">
              <Link to={createPath({ resource: 'applications', id: record.id, type: 'show' })}>
                decisions and checklist
              </Link>
            </Row>
          </Section>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Section title="Quotas and usage">
            <Row label="Requests today">
              {usage?.requestsToday ?? 0} of {limit(quotas.requestsPerDay)}
            </Row>
            <Row label="Tokens today">
              {usage?.tokensToday ?? 0} of {limit(quotas.tokensPerDay)}
            </Row>
            <Row label="Requests in total">
              {usage?.requestsTotal ?? 0} of {limit(quotas.requestsTotal)}
            </Row>
            <Row label="Tokens in total">
              {usage?.tokensTotal ?? 0} of {limit(quotas.tokensTotal)}
            </Row>
          </Section>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Section title="Research policy profile">
            <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
              <Chip size="small" label={`logprobs ${profile.allowLogprobs ? 'allowed' : 'refused'}`} />
              <Chip size="small" label={`echo ${profile.allowEcho ? 'allowed' : 'refused'}`} />
              {profile.lockedDown && (
                <Chip size="small" color="warning" label="locked down: outputs stay in the log" />
              )}
              {profile.observeOnlyCategories.map((category) => (
                <Chip key={category} size="small" variant="outlined" label={`${category}: observe only`} />
              ))}
            </Stack>
          </Section>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Section title="Attached bias runs">
            {(record.biasRuns ?? []).length === 0 ? (
              <Typography variant="body2" color="text.secondary">
                None attached.
              </Typography>
            ) : (
              (record.biasRuns ?? []).map((run) => (
                <Row key={run.id} label={new Date(run.createdAt).toLocaleDateString()}>
                  <Link to={createPath({ resource: 'bias-runs', id: run.id, type: 'show' })}>
                    {run.model} · {run.probeSets.join(', ')} · {run.status}
                  </Link>
                </Row>
              ))
            )}
          </Section>
        </Grid>
        <Grid size={12}>
          <Section title="Research questionnaire">
            <Row label="Institution">{q.institution}</Row>
            <Row label="Research question">{q.researchQuestion}</Row>
            <Row label="Harms or biases studied">{q.harmsStudied.join(', ')}</Row>
            <Row label="Data handling">{q.dataHandling}</Row>
            <Row label="Ethics approval">
              {q.ethicsApproved ? `approved (${q.ethicsApprovalReference})` : 'not approved'}
            </Row>
          </Section>
        </Grid>
      </Grid>
    </Stack>
  );
};

export const ResearchGrantShow = () => (
  <Show<ResearchGrant> title="Research grant" actions={<Actions />}>
    <GrantDetail />
  </Show>
);
