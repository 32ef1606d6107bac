import Add from '@mui/icons-material/Add';
import { Button } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ReferenceManyField, useDataProvider, useNotify, useRefresh } from 'react-admin';
import { Panel } from '../common/Panel';
import { SecretDialog, type IssuedSecret } from '../common/SecretDialog';
import type { PortalDataProvider } from '../dataProvider';
import { acceptsKeys } from '../applications/reviewSteps';
import type { ApiKey, Application } from '../types';
import { KeyTable } from './KeyTable';
import { NewKeyDialog } from './NewKeyDialog';

const CreateKeyButton = ({ application }: { application: Application }) => {
  const dataProvider = useDataProvider<PortalDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [naming, setNaming] = useState(false);
  const [issued, setIssued] = useState<IssuedSecret | null>(null);
  const kind = application.status === 'live' ? 'production' : 'sandbox';
  const { mutate, isPending } = useMutation({
    mutationFn: (name: string) => dataProvider.createKey(application.id, name),
    onSuccess: (key) => {
      setNaming(false);
      setIssued({ secret: key.secret!, kind: key.kind });
      refresh();
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  return (
    <>
      <Button variant="outlined" size="small" startIcon={<Add />} onClick={() => setNaming(true)}>
        Create {kind} key
      </Button>
      <NewKeyDialog
        open={naming}
        title={`Create a ${kind} key`}
        pending={isPending}
        onClose={() => setNaming(false)}
        onCreate={(name) => mutate(name)}
      />
      <SecretDialog issued={issued} onClose={() => setIssued(null)} />
    </>
  );
};

/** The application's keys: prefixes only (secrets are shown once, when issued), with revoke and create. */
export const KeysPanel = ({ application }: { application: Application }) => (
  <Panel
    testId="keys"
    title="API keys"
    subtitle="Keys authenticate your calls to /v1. Sandbox keys keep sandbox limits even after the application goes live."
    action={
      acceptsKeys(application) && !application.enforcement ? (
        <CreateKeyButton application={application} />
      ) : null
    }
  >
    <ReferenceManyField<Application, ApiKey>
      reference="keys"
      target="applicationId"
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={50}
    >
      <KeyTable />
    </ReferenceManyField>
  </Panel>
);
