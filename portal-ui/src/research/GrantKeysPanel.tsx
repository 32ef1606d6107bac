import Add from '@mui/icons-material/Add';
import { Button, TextField as MuiTextField, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ReferenceManyField, useDataProvider, useNotify, useRefresh } from 'react-admin';
import { Panel } from '../common/Panel';
import { SecretDialog, type IssuedSecret } from '../common/SecretDialog';
import type { PortalDataProvider } from '../dataProvider';
import { KeyTable } from '../keys/KeyTable';
import { NewKeyDialog } from '../keys/NewKeyDialog';
import type { ApiKey, ResearchGrant } from '../types';
import { dayOf, keyExpiry } from './grantDates';

/** Keys are issued under an approved grant that has not ended (the server refuses the rest). */
const acceptsKeys = (grant: ResearchGrant) => grant.status === 'active' || grant.status === 'scheduled';

const CreateResearchKeyButton = ({ grant }: { grant: ResearchGrant & { endsAt: string } }) => {
  const dataProvider = useDataProvider<PortalDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [naming, setNaming] = useState(false);
  const [day, setDay] = useState(dayOf(grant.endsAt));
  const [issued, setIssued] = useState<IssuedSecret | null>(null);
  const { mutate, isPending } = useMutation({
    mutationFn: (name: string) =>
      dataProvider.createResearchKey(grant.id, { name, expiresAt: keyExpiry(day, grant.endsAt) }),
    onSuccess: (key) => {
      setNaming(false);
      setIssued({ secret: key.secret!, kind: 'research' });
      refresh();
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  return (
    <>
      <Button variant="outlined" size="small" startIcon={<Add />} onClick={() => setNaming(true)}>
        Create research key
      </Button>
      <NewKeyDialog
        open={naming}
        title="Create a research key"
        pending={isPending}
        onClose={() => setNaming(false)}
        onCreate={(name) => mutate(name)}
      >
        <MuiTextField
          type="date"
          fullWidth
          required
          name="keyExpiresOn"
          label="Expires on (UTC)"
          value={day}
          onChange={(event) => setDay(event.target.value)}
          helperText="The key stops working at the end of this day, or when the grant ends if that is sooner."
          sx={{ mt: 2 }}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: dayOf(grant.endsAt) } }}
        />
      </NewKeyDialog>
      <SecretDialog issued={issued} onClose={() => setIssued(null)} />
    </>
  );
};

const EmptyKeys = ({ grant }: { grant: ResearchGrant }) => (
  <Typography variant="body2" color="text.secondary">
    {acceptsKeys(grant) ? 'No keys yet.' : 'Keys can be created once the grant is approved.'}
  </Typography>
);

/** The grant's keys, time-boxed by the grant: prefixes and expiry, with revoke and create. */
export const GrantKeysPanel = ({ grant }: { grant: ResearchGrant }) => (
  <Panel
    testId="grant-keys"
    title="Research keys"
    subtitle="Keys authenticate your calls to /v1 under this grant; each expires no later than the grant"
    action={
      acceptsKeys(grant) && grant.endsAt ? (
        <CreateResearchKeyButton grant={{ ...grant, endsAt: grant.endsAt }} />
      ) : null
    }
  >
    <ReferenceManyField<ResearchGrant, ApiKey>
      reference="research-keys"
      target="grantId"
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={50}
      empty={<EmptyKeys grant={grant} />}
    >
      <KeyTable timeBoxed />
    </ReferenceManyField>
  </Panel>
);
