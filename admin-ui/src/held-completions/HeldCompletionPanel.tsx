import CloseIcon from '@mui/icons-material/Close';
import ManageSearch from '@mui/icons-material/ManageSearch';
import { Box, Button, CircularProgress, Divider, IconButton, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link, ShowBase, useCreatePath, useRecordContext, type Identifier } from 'react-admin';
import { EnumChipField, formatDateTime } from '@warden/web-common';
import { HELD_STATUSES } from '../common/enums';
import { HighlightedText, HighlightLegend } from '../common/HighlightedText';
import { VerdictChips } from '../common/VerdictTable';
import { asVerdicts } from '../common/verdicts';
import type { HeldCompletion } from '../types';
import { HeldDecisionButtons } from './HeldDecisionButtons';
import { heldOutputText, heldPromptText } from './heldText';

export const PANEL_WIDTH = 480;

const Section = ({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) => (
  <Box sx={{ px: 2, py: 1.5 }}>
    <Stack direction="row" sx={{ alignItems: 'center', mb: 0.5 }}>
      <Typography variant="overline" component="div" color="text.secondary" sx={{ flexGrow: 1 }}>
        {title}
      </Typography>
      {action}
    </Stack>
    {children}
  </Box>
);

const PanelContent = ({ onClose }: { onClose: () => void }) => {
  const record = useRecordContext<HeldCompletion>();
  const createPath = useCreatePath();
  if (!record) {
    return (
      <Box sx={{ display: 'flex', justifyContent: 'center', p: 4 }}>
        <CircularProgress size={32} />
      </Box>
    );
  }
  const verdicts = asVerdicts(record.verdicts);
  const input = verdicts.filter((verdict) => verdict.direction === 'input');
  // A redacted output already shows its markers, and its spans point into the text before redaction.
  const output = verdicts.filter((verdict) => verdict.direction === 'output' && verdict.action !== 'redact');
  return (
    <Box data-testid="held-panel">
      <Stack direction="row" sx={{ alignItems: 'flex-start', px: 2, pt: 1 }}>
        <Box sx={{ flexGrow: 1, minWidth: 0 }}>
          <Typography variant="h6" noWrap>
            {record.applicationName}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {record.endUser ? `end user ${record.endUser} · ` : ''}
            {record.model} · held {formatDateTime(record.createdAt)}
          </Typography>
        </Box>
        <IconButton onClick={onClose} aria-label="Close">
          <CloseIcon />
        </IconButton>
      </Stack>
      <Stack direction="row" spacing={1} sx={{ px: 2, py: 1, alignItems: 'center' }}>
        <EnumChipField source="status" options={HELD_STATUSES} />
        <VerdictChips verdicts={verdicts} max={4} />
      </Stack>
      <Box sx={{ px: 2, pb: 1.5 }}>
        <HeldDecisionButtons />
        {record.status !== 'pending' && (
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
            {HELD_STATUSES[record.status].label} by {record.decidedBy ?? '—'}
            {record.decidedAt ? ` on ${formatDateTime(record.decidedAt)}` : ''}: {record.decisionReason}
          </Typography>
        )}
      </Box>
      <Divider />
      <Section title="Prompt" action={<HighlightLegend verdicts={input} />}>
        <HighlightedText text={heldPromptText(record.prompt)} verdicts={input} maxHeight={220} />
      </Section>
      <Divider />
      <Section title="Held output" action={<HighlightLegend verdicts={output} />}>
        <HighlightedText
          text={heldOutputText(record)}
          verdicts={output}
          maxHeight={280}
          emptyText="The model produced no text."
        />
      </Section>
      <Divider />
      <Section title="Why it was held">
        <Stack spacing={0.5}>
          {verdicts
            .filter((verdict) => verdict.triggered && verdict.action !== 'allow')
            .map((verdict, index) => (
              <Typography key={index} variant="body2">
                <strong>{verdict.category}</strong> ({verdict.check}, {verdict.direction}): score{' '}
                {verdict.score.toFixed(2)} ≥ {verdict.threshold.toFixed(2)} → {verdict.action}
              </Typography>
            ))}
        </Stack>
      </Section>
      <Box sx={{ px: 2, pb: 2 }}>
        <Button
          component={Link}
          to={createPath({ resource: 'request-logs', id: record.requestId, type: 'show' })}
          startIcon={<ManageSearch />}
          size="small"
        >
          The call in the request log
        </Button>
      </Box>
    </Box>
  );
};

/** The held output beside the queue, like the review panel: prompt, output, verdicts, decision. */
export const HeldCompletionPanel = ({ id, onClose }: { id: Identifier; onClose: () => void }) => (
  <Box sx={{ width: { xs: '100vw', sm: PANEL_WIDTH }, pt: 7 }}>
    <ShowBase resource="held-completions" id={id}>
      <PanelContent onClose={onClose} />
    </ShowBase>
  </Box>
);
