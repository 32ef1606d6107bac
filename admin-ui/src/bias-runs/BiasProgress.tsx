import { Box, LinearProgress, Stack, Typography } from '@mui/material';
import type { BiasRun } from '../types';

/**
 * How far a run is: determinate once the worker has counted its probes, indeterminate while it waits in the queue.
 * `compact` fits a list cell.
 */
export const BiasProgress = ({ run, compact = false }: { run: BiasRun; compact?: boolean }) => {
  const { done, total, percent } = run.progress;
  const waiting = run.status === 'queued' || (run.status === 'running' && total === 0);
  const color = run.status === 'failed' ? 'error' : run.status === 'completed' ? 'success' : 'primary';
  const label = waiting
    ? run.status === 'queued'
      ? 'Queued, waiting for a worker'
      : 'Preparing probes'
    : `${percent} % · ${done.toLocaleString()} / ${total.toLocaleString()} probes`;
  return (
    <Box
      data-testid="bias-progress"
      data-status={run.status}
      data-percent={percent}
      sx={{ minWidth: compact ? 140 : 0 }}
    >
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
        <Box sx={{ flexGrow: 1 }}>
          <LinearProgress
            variant={waiting ? 'indeterminate' : 'determinate'}
            value={percent}
            color={color}
            aria-label="Bias run progress"
            sx={{ height: compact ? 6 : 10, borderRadius: 5 }}
          />
        </Box>
        {!compact && (
          <Typography variant="body2" sx={{ minWidth: 56, textAlign: 'right', fontWeight: 600 }}>
            {percent} %
          </Typography>
        )}
      </Stack>
      <Typography variant="caption" color="text.secondary">
        {compact ? (waiting ? label : `${percent} % · ${done}/${total}`) : label}
      </Typography>
    </Box>
  );
};
