import CloseIcon from '@mui/icons-material/Close';
import OpenInFull from '@mui/icons-material/OpenInFull';
import { Box, Button, CircularProgress, Divider, IconButton, Stack, Typography } from '@mui/material';
import { Link, ShowBase, useCreatePath, useRecordContext, type Identifier } from 'react-admin';
import { APPLICATION_STATUSES, EnumChipField } from '@warden/web-common';
import { REVIEW_STATES } from '../common/enums';
import { AttachedBiasRuns } from '../bias-runs/AttachedBiasRuns';
import type { Application } from '../types';
import { DecisionButtons } from './DecisionButtons';
import { DecisionHistory } from './DecisionHistory';
import { QuestionnaireView } from './QuestionnaireView';
import { RiskSummary } from './RiskSummary';

export const PANEL_WIDTH = 440;

const Section = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <Box sx={{ px: 2, py: 1.5 }}>
    <Typography variant="overline" component="div" color="text.secondary">
      {title}
    </Typography>
    {children}
  </Box>
);

const PanelContent = ({ onClose }: { onClose: () => void }) => {
  const record = useRecordContext<Application>();
  const createPath = useCreatePath();
  if (!record) {
    return (
      <Box sx={{ display: 'flex', justifyContent: 'center', p: 4 }}>
        <CircularProgress size={32} />
      </Box>
    );
  }
  return (
    <Box data-testid="review-panel">
      <Stack direction="row" sx={{ alignItems: 'flex-start', px: 2, pt: 1 }}>
        <Box sx={{ flexGrow: 1, minWidth: 0 }}>
          <Typography variant="h6" noWrap title={record.name}>
            {record.name}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {record.organizationName}
            {record.submittedAt ? ` · submitted ${new Date(record.submittedAt).toLocaleString()}` : ''}
          </Typography>
        </Box>
        <IconButton onClick={onClose} aria-label="Close">
          <CloseIcon />
        </IconButton>
      </Stack>
      <Stack direction="row" spacing={1} sx={{ px: 2, py: 1 }}>
        <EnumChipField source="reviewState" options={REVIEW_STATES} />
        <EnumChipField source="status" options={APPLICATION_STATUSES} />
      </Stack>
      <Box sx={{ px: 2, pb: 1.5 }}>
        <DecisionButtons />
      </Box>
      <Divider />
      <Section title="Risk">
        <RiskSummary />
      </Section>
      <Divider />
      <Section title="Bias runs attached">
        <AttachedBiasRuns compact />
      </Section>
      <Divider />
      <Section title="Questionnaire">
        <QuestionnaireView dense />
      </Section>
      <Divider />
      <Section title="Decision history">
        <DecisionHistory compact />
      </Section>

      <Box sx={{ px: 2, pb: 2 }}>
        <Button
          component={Link}
          to={createPath({ resource: 'applications', id: record.id, type: 'show' })}
          startIcon={<OpenInFull />}
          size="small"
        >
          Full record, keys and policy
        </Button>
      </Box>
    </Box>
  );
};

/** The application under review, beside the queue (after react-admin's demo `reviews/` side panel). */
export const ApplicationReviewPanel = ({ id, onClose }: { id: Identifier; onClose: () => void }) => (
  <Box sx={{ width: { xs: '100vw', sm: PANEL_WIDTH }, pt: 7 }}>
    <ShowBase resource="applications" id={id}>
      <PanelContent onClose={onClose} />
    </ShowBase>
  </Box>
);
