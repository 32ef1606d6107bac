import Check from '@mui/icons-material/Check';
import Close from '@mui/icons-material/Close';
import {
  Box,
  Chip,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tooltip,
  Typography,
} from '@mui/material';
import { useRecordContext } from 'react-admin';
import { DECISIONS } from '../common/enums';
import type { Application, Checklist } from '../types';
import { CHECKLIST_ITEMS, DECISION_SPECS } from './decisions';

const formatDate = (value: string | null) => (value ? new Date(value).toLocaleString() : '—');

const ChecklistMarks = ({ checklist }: { checklist: Partial<Checklist> | null }) => {
  if (!checklist || Object.keys(checklist).length === 0) return <span>—</span>;
  return (
    <Stack direction="row" spacing={0.25}>
      {CHECKLIST_ITEMS.map(({ key, label }) => (
        <Tooltip key={key} title={label}>
          {checklist[key] ? (
            <Check fontSize="small" color="success" />
          ) : (
            <Close fontSize="small" color="disabled" />
          )}
        </Tooltip>
      ))}
    </Stack>
  );
};

/** Every decision on the application, newest first: who, what, why, and when to look again. */
export const DecisionHistory = ({ compact = false }: { compact?: boolean }) => {
  const record = useRecordContext<Application>();
  const decisions = [...(record?.decisions ?? [])].sort((a, b) => b.at.localeCompare(a.at));
  if (decisions.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        No decisions yet.
      </Typography>
    );
  }
  if (compact) {
    return (
      <Stack spacing={1.5}>
        {decisions.map((decision) => (
          <Box key={decision.id}>
            <Stack sx={{ alignItems: 'center' }} direction="row" spacing={1}>
              <Chip
                size="small"
                variant="outlined"
                label={DECISIONS[decision.decision]?.label ?? decision.decision}
                color={DECISIONS[decision.decision]?.color ?? 'default'}
              />
              <Typography variant="caption" color="text.secondary">
                {decision.reviewerEmail ?? 'system'} · {formatDate(decision.at)}
              </Typography>
            </Stack>
            <Typography variant="body2" sx={{ mt: 0.5, whiteSpace: 'pre-wrap' }}>
              {decision.rationale}
            </Typography>
          </Box>
        ))}
      </Stack>
    );
  }
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>When</TableCell>
          <TableCell>Decision</TableCell>
          <TableCell>Reviewer</TableCell>
          <TableCell>Rationale</TableCell>
          <TableCell>Checklist</TableCell>
          <TableCell>Re-review</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {decisions.map((decision) => (
          <TableRow key={decision.id}>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDate(decision.at)}</TableCell>
            <TableCell>
              <Chip
                size="small"
                variant="outlined"
                label={DECISIONS[decision.decision]?.label ?? decision.decision}
                color={DECISIONS[decision.decision]?.color ?? 'default'}
              />
            </TableCell>
            <TableCell>{decision.reviewerEmail ?? 'system'}</TableCell>
            <TableCell sx={{ whiteSpace: 'pre-wrap', maxWidth: 420 }}>{decision.rationale}</TableCell>
            <TableCell>
              {DECISION_SPECS[decision.decision]?.checklist ? (
                <ChecklistMarks checklist={decision.checklist} />
              ) : (
                '—'
              )}
            </TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>
              {decision.reReviewAt ? new Date(decision.reReviewAt).toLocaleDateString() : '—'}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
