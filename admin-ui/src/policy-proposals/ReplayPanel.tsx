import PlayArrow from '@mui/icons-material/PlayArrow';
import {
  Box,
  Button,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { Panel } from '../common/Panel';
import type { WardenDataProvider } from '../dataProvider';
import type { PolicyProposal, ReplayDiff } from '../types';
import { defaultWindow, isReplayActive, replayLabel } from './proposals';

const KINDS = [
  { key: 'newlyBlocked', label: 'Newly blocked' },
  { key: 'newlyAllowed', label: 'Newly allowed' },
  { key: 'newlyFlagged', label: 'Newly flagged' },
  { key: 'noLongerFlagged', label: 'No longer flagged' },
] as const;

/** A `datetime-local` value (local time, minutes) from an ISO instant, and back. */
const toLocal = (iso: string) => {
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const fromLocal = (local: string) => new Date(local).toISOString();

const ReplayForm = ({ proposal }: { proposal: PolicyProposal }) => {
  const dataProvider = useDataProvider<WardenDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const initial = defaultWindow();
  const [from, setFrom] = useState(toLocal(initial.from));
  const [to, setTo] = useState(toLocal(new Date(Date.now() + 60_000).toISOString()));
  const [pending, setPending] = useState(false);
  const start = async () => {
    setPending(true);
    try {
      await dataProvider.startReplay(proposal.id, { from: fromLocal(from), to: fromLocal(to) });
      notify('Replay queued', { type: 'info' });
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'The replay was not started', { type: 'error' });
    } finally {
      setPending(false);
    }
  };
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
      <TextField
        type="datetime-local"
        label="From"
        size="small"
        value={from}
        onChange={(event) => setFrom(event.target.value)}
        slotProps={{ inputLabel: { shrink: true } }}
      />
      <TextField
        type="datetime-local"
        label="To"
        size="small"
        value={to}
        onChange={(event) => setTo(event.target.value)}
        slotProps={{ inputLabel: { shrink: true } }}
      />
      <Button
        variant="contained"
        startIcon={<PlayArrow />}
        disabled={pending || isReplayActive(proposal.latestReplay?.status)}
        onClick={() => void start()}
      >
        Replay
      </Button>
    </Stack>
  );
};

const DiffTable = ({ diff }: { diff: ReplayDiff }) => (
  <Stack spacing={2} data-testid="replay-diff">
    <Typography variant="body2">
      {diff.replayed} calls replayed{diff.skipped > 0 ? `, ${diff.skipped} skipped (token-id prompts)` : ''}.
    </Typography>
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>Category</TableCell>
          {KINDS.map((kind) => (
            <TableCell key={kind.key} align="right">
              {kind.label}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        <TableRow sx={{ '& td': { fontWeight: 600 } }}>
          <TableCell>All calls</TableCell>
          {KINDS.map((kind) => (
            <TableCell key={kind.key} align="right" data-testid={`diff-total-${kind.key}`}>
              {diff[kind.key]}
            </TableCell>
          ))}
        </TableRow>
        {diff.perCategory.map((row) => (
          <TableRow key={row.category}>
            <TableCell>{row.category}</TableCell>
            {KINDS.map((kind) => (
              <TableCell key={kind.key} align="right">
                {row[kind.key]}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
    {KINDS.filter((kind) => diff.examples[kind.key].length > 0).map((kind) => (
      <Box key={kind.key}>
        <Typography variant="subtitle2">{kind.label}: examples</Typography>
        <Table size="small" data-testid={`examples-${kind.key}`}>
          <TableBody>
            {diff.examples[kind.key].map((example) => (
              <TableRow key={example.requestId}>
                <TableCell sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
                  {example.requestId}
                </TableCell>
                <TableCell>{example.categories.join(', ')}</TableCell>
                <TableCell>{example.snippet}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
    ))}
  </Stack>
);

/** Start a shadow replay, watch it run, and read what the proposal would change. */
export const ReplayPanel = () => {
  const proposal = useRecordContext<PolicyProposal>();
  const { canAccess } = useCanAccess({ resource: 'policy-proposals', action: 'replay' });
  if (!proposal) return null;
  const replay = proposal.latestReplay;
  return (
    <Panel
      title="Shadow replay"
      subtitle="re-runs the checks under this proposal on logged calls; nothing is changed"
      testId="replay-panel"
    >
      <Stack spacing={2}>
        {canAccess && proposal.status === 'draft' && <ReplayForm proposal={proposal} />}
        {replay && (
          <Box
            data-testid="replay-progress"
            data-status={replay.status}
            data-percent={replay.progress.percent}
          >
            <LinearProgress
              variant={replay.status === 'queued' ? 'indeterminate' : 'determinate'}
              value={replay.progress.percent}
              color={
                replay.status === 'failed' ? 'error' : replay.status === 'completed' ? 'success' : 'primary'
              }
              aria-label="Replay progress"
              sx={{ height: 8, borderRadius: 4 }}
            />
            <Typography variant="caption" color="text.secondary">
              {new Date(replay.from).toLocaleString()} – {new Date(replay.to).toLocaleString()} ·{' '}
              {replayLabel(replay)}
            </Typography>
          </Box>
        )}
        {replay?.result && <DiffTable diff={replay.result} />}
      </Stack>
    </Panel>
  );
};
