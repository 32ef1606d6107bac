import CompareArrows from '@mui/icons-material/CompareArrows';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  MenuItem,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { useGetList, useNavigate, useRecordContext } from 'react-admin';
import type { BiasRun } from '../types';
import { runLabel } from './biasRuns';

/** Picks another completed run to compare this one with (this run is A, the other B). */
export const CompareButton = () => {
  const record = useRecordContext<BiasRun>();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [other, setOther] = useState('');
  const { data: runs = [] } = useGetList<BiasRun>(
    'bias-runs',
    {
      filter: { status: 'completed' },
      sort: { field: 'createdAt', order: 'DESC' },
      pagination: { page: 1, perPage: 50 },
    },
    { enabled: open },
  );
  if (!record || record.status !== 'completed') return null;
  const candidates = runs.filter((run) => run.id !== record.id);
  return (
    <>
      <Button size="small" startIcon={<CompareArrows />} onClick={() => setOpen(true)}>
        Compare
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="sm" fullWidth>
        <DialogTitle>Compare with another run</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>
            This run is A ({runLabel(record)}). Differences are B − A, per group and metric.
          </DialogContentText>
          <TextField
            select
            fullWidth
            label="Run B"
            value={other}
            onChange={(event) => setOther(event.target.value)}
            helperText={candidates.length === 0 ? 'No other completed run yet.' : ' '}
          >
            {candidates.map((run) => (
              <MenuItem key={run.id} value={run.id}>
                {runLabel(run)} · {run.probeSets.join(', ')}
                {run.limit ? ` · ${run.limit}/group` : ''}
              </MenuItem>
            ))}
          </TextField>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button
            variant="contained"
            disabled={!other}
            onClick={() =>
              navigate(
                `/bias-runs/${encodeURIComponent(String(record.id))}/compare/${encodeURIComponent(other)}`,
              )
            }
          >
            Compare
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
