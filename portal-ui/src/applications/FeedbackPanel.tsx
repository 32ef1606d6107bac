import { Box, Stack, Typography } from '@mui/material';
import { formatDateTime, SHORT_DATE, SHORT_DATETIME } from '@warden/web-common';
import { FEEDBACK } from '../common/enums';
import { Panel } from '../common/Panel';
import type { Feedback } from '../types';

export const newestFirst = (feedback: Feedback[] = []) =>
  [...feedback].sort((a, b) => b.at.localeCompare(a.at));

/** Staff decisions on an application (a product's or a research one) and the reviewer's rationale, newest first. */
export const FeedbackPanel = ({ feedback = [] }: { feedback?: Feedback[] }) => (
  <Panel
    title="Review history"
    subtitle={
      feedback.length > 0
        ? "Decisions on this application and the reviewer's rationale, newest first"
        : undefined
    }
  >
    {feedback.length === 0 ? (
      <Typography variant="body2" color="text.secondary">
        No decisions yet. Reviewers’ feedback will appear here.
      </Typography>
    ) : (
      <Stack spacing={1.5} data-testid="feedback">
        {newestFirst(feedback).map((item) => (
          <Box
            key={item.at + item.decision}
            sx={{ borderLeft: 3, borderColor: `${FEEDBACK[item.decision].severity}.main`, pl: 1.5 }}
          >
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {FEEDBACK[item.decision].title}
            </Typography>
            <Typography variant="caption" color="text.secondary">
              {formatDateTime(item.at, SHORT_DATETIME)}
              {item.reReviewAt ? ` · re-review by ${formatDateTime(item.reReviewAt, SHORT_DATE)}` : ''}
            </Typography>
            <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', mt: 0.5 }}>
              {item.rationale}
            </Typography>
          </Box>
        ))}
      </Stack>
    )}
  </Panel>
);
