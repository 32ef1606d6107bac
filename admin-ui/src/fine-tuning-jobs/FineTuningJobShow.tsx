import type { ScreeningDecision } from '@warden/contracts';
import { Alert, Box, Button, Grid, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { Link, Show, useRecordContext } from 'react-admin';
import { EnumChipField } from '@warden/web-common';
import { Panel } from '../common/Panel';
import { type FineTuningJob, JOB_STATUSES } from './fineTuning';
import { useStaffDecision } from '../common/useStaffDecision';
import { TrainingPanels } from './TrainingPanels';

/** Approve (training goes on) or reject (the job fails) a file in the policy's review band. */
const ScreeningDecision = ({ job }: { job: FineTuningJob }) => {
  const { busy, decide } = useStaffDecision<ScreeningDecision>(
    `/fine-tuning-jobs/${encodeURIComponent(job.id)}/screening`,
    (decision) => (decision === 'approve' ? 'Training data approved' : 'Training data rejected'),
  );
  if (job.screeningStatus !== 'awaiting_review' || job.status !== 'validating_files') return null;
  return (
    <Stack direction="row" spacing={1}>
      <Button variant="contained" color="success" disabled={busy} onClick={() => void decide('approve')}>
        Approve data
      </Button>
      <Button variant="outlined" color="error" disabled={busy} onClick={() => void decide('reject')}>
        Reject data
      </Button>
    </Stack>
  );
};

const JobDetail = () => {
  const job = useRecordContext<FineTuningJob>();
  if (!job) return null;
  return (
    <Grid container spacing={2} sx={{ p: 2 }}>
      <Grid size={12}>
        <Panel title="Job">
          <Stack spacing={1}>
            <EnumChipField source="status" options={JOB_STATUSES} />
            <Typography variant="body2">Base model: {job.model}</Typography>
            <Typography variant="body2">
              Epochs {job.nEpochs} · batch {job.batchSize} · learning rate × {job.learningRateMultiplier} ·
              seed {job.seed}
            </Typography>
            <Typography variant="body2">Training file: {job.trainingFile}</Typography>
            {job.validationFile && (
              <Typography variant="body2">Validation file: {job.validationFile}</Typography>
            )}
            {job.fineTunedModel && (
              <Typography variant="body2">
                Model:{' '}
                <Link to={`/fine-tuned-models/${encodeURIComponent(job.fineTunedModel)}/show`}>
                  {job.fineTunedModel}
                </Link>
              </Typography>
            )}
            {job.error && <Alert severity="error">{`${job.error.code}: ${job.error.message}`}</Alert>}
          </Stack>
        </Panel>
      </Grid>
      <TrainingPanels job={job} screeningAction={<ScreeningDecision job={job} />} />
      {job.events && (
        <Grid size={12}>
          <Panel title="Events" subtitle="newest first">
            <Box sx={{ maxHeight: 320, overflow: 'auto' }}>
              <List dense>
                {job.events.map((event) => (
                  <ListItem key={event.id}>
                    <ListItemText primary={event.message} secondary={`${event.level} · ${event.createdAt}`} />
                  </ListItem>
                ))}
              </List>
            </Box>
          </Panel>
        </Grid>
      )}
    </Grid>
  );
};

export const FineTuningJobShow = () => (
  <Show>
    <JobDetail />
  </Show>
);
