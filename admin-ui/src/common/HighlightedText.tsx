import { Box, Chip, Stack, Tooltip, Typography } from '@mui/material';
import type { Verdict } from '../types';
import { ACTION_COLORS, MODERATION_ACTIONS } from './enums';
import { formatScore } from './format';
import { mostSevere, segmentText } from './verdicts';

const VerdictTooltip = ({ verdicts }: { verdicts: Verdict[] }) => (
  <Box>
    {verdicts.map((verdict, index) => (
      <Typography key={index} variant="caption" component="div">
        <strong>{verdict.category}</strong> · {verdict.check} · score {formatScore(verdict.score, 2)}{' '}
        (threshold {formatScore(verdict.threshold, 2)}) → {verdict.action}
      </Typography>
    ))}
  </Box>
);

export interface HighlightedTextProps {
  text: string | null | undefined;
  /** The verdicts given on this text; only triggered ones with spans are highlighted. */
  verdicts: Verdict[];
  emptyText?: string;
  maxHeight?: number;
}

/**
 * A prompt or output with the spans its triggered verdicts point at marked in the colour of their action; hovering
 * a mark names the check, category and score. Whole-text verdicts (the classifier) have no spans and only appear in
 * the verdict table.
 */
export const HighlightedText = ({
  text,
  verdicts,
  emptyText = '—',
  maxHeight = 360,
}: HighlightedTextProps) => {
  if (!text) {
    return (
      <Typography variant="body2" color="text.secondary">
        {emptyText}
      </Typography>
    );
  }
  const whole = wholeTextVerdicts(verdicts);
  return (
    <Box
      data-testid="highlighted-text"
      sx={{
        m: 0,
        borderLeft: whole.length > 0 ? `4px solid ${ACTION_COLORS[mostSevere(whole)].border}` : undefined,
        p: 1.5,
        maxHeight,
        overflow: 'auto',
        fontFamily: 'monospace',
        fontSize: 13,
        lineHeight: 1.7,
        whiteSpace: 'pre-wrap',
        wordBreak: 'break-word',
        bgcolor: 'action.hover',
        borderRadius: 1,
      }}
    >
      <MarkedSpans text={text} verdicts={verdicts} />
    </Box>
  );
};

/** `text` with the spans its triggered verdicts point at marked in the colour of their action. */
export const MarkedSpans = ({ text, verdicts }: { text: string; verdicts: Verdict[] }) => {
  const segments = segmentText(
    text,
    verdicts.filter((verdict) => verdict.triggered),
  );
  return (
    <>
      {segments.map((segment) => {
        if (segment.verdicts.length === 0) return <span key={segment.start}>{segment.text}</span>;
        const action = mostSevere(segment.verdicts);
        const colors = ACTION_COLORS[action];
        return (
          <Tooltip key={segment.start} title={<VerdictTooltip verdicts={segment.verdicts} />} arrow>
            <Box
              component="mark"
              data-testid="verdict-span"
              data-action={action}
              sx={{
                bgcolor: colors.background,
                borderBottom: `2px solid ${colors.border}`,
                color: 'inherit',
                borderRadius: '2px',
                px: '1px',
                cursor: 'help',
              }}
            >
              {segment.text}
            </Box>
          </Tooltip>
        );
      })}
    </>
  );
};

/** Triggered verdicts about the text as a whole (the classifier): they have no spans to mark. */
export const wholeTextVerdicts = (verdicts: Verdict[]) =>
  verdicts.filter((verdict) => verdict.triggered && verdict.action !== 'allow' && !verdict.spans?.length);

const actionChipSx = (action: Verdict['action']) => ({
  height: 20,
  bgcolor: ACTION_COLORS[action].background,
  border: `1px solid ${ACTION_COLORS[action].border}`,
});

/**
 * The key to a highlighted text: the actions its marks stand for, and the verdicts on the whole text (shown as the
 * coloured left edge of the text, since they have no span to mark).
 */
export const HighlightLegend = ({ verdicts }: { verdicts: Verdict[] }) => {
  const actions = [
    ...new Set(verdicts.filter((verdict) => verdict.triggered && verdict.spans?.length).map((v) => v.action)),
  ];
  const whole = wholeTextVerdicts(verdicts);
  if (actions.length === 0 && whole.length === 0) return null;
  return (
    <Stack
      direction="row"
      spacing={0.75}
      useFlexGap
      sx={{ alignItems: 'center', flexWrap: 'wrap', justifyContent: 'flex-end' }}
    >
      {actions.length > 0 && (
        <Typography variant="caption" color="text.secondary">
          Marked:
        </Typography>
      )}
      {actions.map((action) => (
        <Chip key={action} size="small" label={MODERATION_ACTIONS[action].label} sx={actionChipSx(action)} />
      ))}
      {whole.length > 0 && (
        <Typography variant="caption" color="text.secondary">
          Whole text:
        </Typography>
      )}
      {whole.map((verdict, index) => (
        <Tooltip key={index} title={<VerdictTooltip verdicts={[verdict]} />} arrow>
          <Chip
            size="small"
            label={`${verdict.category} · ${verdict.action}`}
            sx={actionChipSx(verdict.action)}
          />
        </Tooltip>
      ))}
    </Stack>
  );
};
