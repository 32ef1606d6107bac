import { Alert, Button } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { useDataProvider } from 'react-admin';
import type { WardenDataProvider } from '../dataProvider';
import type { ChainStatus } from '../types';

type State =
  { kind: 'checking' } | { kind: 'done'; status: ChainStatus } | { kind: 'failed'; message: string };

/** Re-verifies the audit log's hash chain on the server and says whether any entry was altered. */
export const ChainStatusBanner = () => {
  const dataProvider = useDataProvider<WardenDataProvider>();
  const [state, setState] = useState<State>({ kind: 'checking' });

  const verify = useCallback(() => {
    setState({ kind: 'checking' });
    dataProvider
      .verifyAuditLog()
      // react-admin's data provider wrapper answers `{data: []}` instead of failing when a 401 signs the user out.
      .then((status) =>
        setState(
          typeof status?.checked === 'number'
            ? { kind: 'done', status }
            : { kind: 'failed', message: 'no answer from the server' },
        ),
      )
      .catch((error: unknown) =>
        setState({ kind: 'failed', message: error instanceof Error ? error.message : 'verification failed' }),
      );
  }, [dataProvider]);

  useEffect(verify, [verify]);

  const again = (
    <Button color="inherit" size="small" onClick={verify} disabled={state.kind === 'checking'}>
      Verify again
    </Button>
  );
  if (state.kind === 'checking') {
    return (
      <Alert severity="info" data-testid="chain-status" sx={{ mb: 1 }}>
        Verifying the hash chain…
      </Alert>
    );
  }
  if (state.kind === 'failed') {
    return (
      <Alert severity="warning" data-testid="chain-status" action={again} sx={{ mb: 1 }}>
        Could not verify the chain: {state.message}
      </Alert>
    );
  }
  const { valid, checked, firstInvalidSeq } = state.status;
  return valid ? (
    <Alert severity="success" data-testid="chain-status" action={again} sx={{ mb: 1 }}>
      Chain intact: {checked.toLocaleString()} entries verified, each hash linking to the previous one.
    </Alert>
  ) : (
    <Alert severity="error" data-testid="chain-status" action={again} sx={{ mb: 1 }}>
      Chain broken at entry #{firstInvalidSeq}: that entry or the one before it was altered after it was
      written ({checked.toLocaleString()} entries checked).
    </Alert>
  );
};
