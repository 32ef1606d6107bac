import Update from '@mui/icons-material/Update';
import { Alert, Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { EnumChip, formatDateTime, RENEWAL_STATES, SHORT_DATE, SHORT_DATETIME } from '@warden/web-common';
import { Panel } from '../common/Panel';
import type { ResearchGrant } from '../types';
import { RequestRenewalDialog } from './RequestRenewalDialog';

/** An approved grant may ask for a later end, one request at a time. */
const canRequest = (grant: ResearchGrant) =>
  grant.reviewState === 'approved' &&
  grant.endsAt !== null &&
  grant.status !== 'closed' &&
  grant.renewal.state !== 'requested';

const RequestButton = ({ grant }: { grant: ResearchGrant }) => {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="outlined" size="small" startIcon={<Update />} onClick={() => setOpen(true)}>
        Request renewal
      </Button>
      <RequestRenewalDialog grant={grant} open={open} onClose={() => setOpen(false)} />
    </>
  );
};

/** Where the grant's renewal stands: the pending request, or staff's last decision and its rationale. */
export const RenewalPanel = ({ grant }: { grant: ResearchGrant }) => {
  const { renewal } = grant;
  return (
    <Panel
      testId="renewal"
      title="Renewal"
      subtitle="Keys keep their expiry when a grant is renewed; create new ones up to the new end"
      action={canRequest(grant) ? <RequestButton grant={grant} /> : null}
    >
      <Stack spacing={1}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <EnumChip value={renewal.state} options={RENEWAL_STATES} />
          {renewal.count > 0 && (
            <Typography variant="body2" color="text.secondary">
              {renewal.count} renewal{renewal.count === 1 ? '' : 's'} approved so far
            </Typography>
          )}
        </Stack>
        {renewal.state === 'requested' && (
          <Alert severity="info" data-testid="renewal-request">
            Requested {renewal.requestedAt ? formatDateTime(renewal.requestedAt, SHORT_DATETIME) : ''} until{' '}
            {renewal.requestedEndsAt ? formatDateTime(renewal.requestedEndsAt, SHORT_DATE) : '—'}:{' '}
            {renewal.reason}
          </Alert>
        )}
        {renewal.decidedAt && renewal.state !== 'requested' && (
          <Typography variant="body2">
            Decided {formatDateTime(renewal.decidedAt, SHORT_DATETIME)}: {renewal.rationale}
          </Typography>
        )}
      </Stack>
    </Panel>
  );
};
