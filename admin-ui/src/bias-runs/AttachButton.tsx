import AttachFile from '@mui/icons-material/AttachFile';
import {
  Autocomplete,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import {
  useCanAccess,
  useDataProvider,
  useGetList,
  useNotify,
  useRecordContext,
  useRefresh,
} from 'react-admin';
import type { WardenDataProvider } from '../dataProvider';
import type { Application, BiasRunDetail } from '../types';

/** Attaches the run to an application's production review as evidence (reviewers and admins). */
export const AttachButton = () => {
  const record = useRecordContext<BiasRunDetail>();
  const { canAccess } = useCanAccess({ resource: 'bias-runs', action: 'attach' });
  const dataProvider = useDataProvider<WardenDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const [application, setApplication] = useState<Application | null>(null);
  const [pending, setPending] = useState(false);
  const { data: applications = [], isPending: loading } = useGetList<Application>(
    'applications',
    {
      filter: search ? { q: search } : {},
      sort: { field: 'submittedAt', order: 'DESC' },
      pagination: { page: 1, perPage: 20 },
    },
    { enabled: open },
  );
  if (!record || !canAccess || record.status === 'failed') return null;

  const attach = async () => {
    if (!application) return;
    setPending(true);
    try {
      await dataProvider.attachBiasRun(application.id, record.id);
      notify(`Attached to the review of ${application.name}`, { type: 'success' });
      setOpen(false);
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'The run was not attached', { type: 'error' });
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <Button size="small" startIcon={<AttachFile />} onClick={() => setOpen(true)}>
        Attach to review
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="sm" fullWidth>
        <DialogTitle>Attach to an application's review</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>
            The run is listed on the application's review, for the reviewer who decides on it.
          </DialogContentText>
          <Autocomplete<Application>
            options={applications}
            loading={loading}
            value={application}
            onChange={(_event, value) => setApplication(value)}
            onInputChange={(_event, value) => setSearch(value)}
            getOptionLabel={(option) => `${option.name} (${option.organizationName})`}
            isOptionEqualToValue={(option, value) => option.id === value.id}
            filterOptions={(options) => options}
            renderInput={(params) => <TextField {...params} label="Application" autoFocus />}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)} disabled={pending}>
            Cancel
          </Button>
          <Button variant="contained" disabled={!application || pending} onClick={() => void attach()}>
            Attach
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
