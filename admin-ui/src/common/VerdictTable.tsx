import Check from '@mui/icons-material/Check';
import {
  Box,
  Chip,
  LinearProgress,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { Verdict } from '../types';
import { ACTION_COLORS, MODERATION_ACTIONS } from './enums';
import { formatScore } from './format';

const byRelevance = (a: Verdict, b: Verdict) =>
  Number(b.triggered) - Number(a.triggered) || a.direction.localeCompare(b.direction) || b.score - a.score;

/** A score bar with the threshold marked, so a near miss is visible at a glance. */
const ScoreBar = ({ verdict }: { verdict: Verdict }) => (
  <Box sx={{ position: 'relative', width: 120 }}>
    <LinearProgress
      variant="determinate"
      value={Math.min(100, verdict.score * 100)}
      color={verdict.triggered ? 'error' : 'primary'}
      sx={{ height: 6, borderRadius: 3 }}
    />
    <Box
      sx={{
        position: 'absolute',
        top: -2,
        left: `${Math.min(100, verdict.threshold * 100)}%`,
        width: 2,
        height: 10,
        bgcolor: 'text.primary',
      }}
    />
  </Box>
);

/** Every verdict on a call: triggered ones first, each with its score against the threshold that applied. */
export const VerdictTable = ({ verdicts }: { verdicts: Verdict[] }) => {
  if (verdicts.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        No verdicts recorded.
      </Typography>
    );
  }
  return (
    <Table size="small" data-testid="verdict-table">
      <TableHead>
        <TableRow>
          <TableCell>Direction</TableCell>
          <TableCell>Text judged</TableCell>
          <TableCell>Check</TableCell>
          <TableCell>Category</TableCell>
          <TableCell>Score</TableCell>
          <TableCell align="right">Threshold</TableCell>
          <TableCell>Triggered</TableCell>
          <TableCell>Action</TableCell>
          <TableCell align="right">Spans</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {[...verdicts].sort(byRelevance).map((verdict, index) => (
          <TableRow key={index} sx={verdict.triggered ? undefined : { '& td': { color: 'text.secondary' } }}>
            <TableCell>{verdict.direction}</TableCell>
            <TableCell sx={{ fontFamily: 'monospace' }} data-testid="verdict-param">
              {verdict.param ?? (verdict.direction === 'output' ? 'output' : '—')}
            </TableCell>
            <TableCell sx={{ fontFamily: 'monospace' }}>{verdict.check}</TableCell>
            <TableCell>{verdict.category}</TableCell>
            <TableCell>
              <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                <ScoreBar verdict={verdict} />
                <span>{formatScore(verdict.score)}</span>
              </Box>
            </TableCell>
            <TableCell align="right">{formatScore(verdict.threshold, 2)}</TableCell>
            <TableCell>{verdict.triggered ? <Check fontSize="small" color="error" /> : null}</TableCell>
            <TableCell>
              {verdict.triggered ? (
                <Chip
                  size="small"
                  label={MODERATION_ACTIONS[verdict.action]?.label ?? verdict.action}
                  sx={{
                    bgcolor: ACTION_COLORS[verdict.action]?.background,
                    border: `1px solid ${ACTION_COLORS[verdict.action]?.border}`,
                  }}
                />
              ) : (
                '—'
              )}
            </TableCell>
            <TableCell align="right">{verdict.spans?.length ?? '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** The triggered verdicts of a row as compact chips (category, coloured by action). */
export const VerdictChips = ({ verdicts, max = 3 }: { verdicts: Verdict[]; max?: number }) => {
  const seen = new Map<string, Verdict>();
  // A triggered verdict whose rule says "allow" changed nothing: not worth a chip.
  for (const verdict of verdicts.filter((candidate) => candidate.triggered && candidate.action !== 'allow')) {
    const key = `${verdict.category}:${verdict.action}`;
    if (!seen.has(key)) seen.set(key, verdict);
  }
  const shown = [...seen.values()];
  if (shown.length === 0)
    return (
      <Typography variant="caption" color="text.secondary">
        —
      </Typography>
    );
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, maxWidth: 240 }}>
      {shown.slice(0, max).map((verdict) => (
        <Chip
          key={`${verdict.category}:${verdict.action}`}
          size="small"
          label={`${verdict.category} · ${verdict.action}`}
          sx={{
            height: 20,
            fontSize: 11,
            bgcolor: ACTION_COLORS[verdict.action]?.background,
            border: `1px solid ${ACTION_COLORS[verdict.action]?.border}`,
          }}
        />
      ))}
      {shown.length > max && <Chip size="small" label={`+${shown.length - max}`} sx={{ height: 20 }} />}
    </Box>
  );
};
