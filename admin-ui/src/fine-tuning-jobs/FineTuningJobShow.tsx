import { Alert, Box, Button, Grid, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { Link, Show, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { EnumChipField } from '../common/EnumChipField';
import { Panel } from '../common/Panel';
import { type FineTuningJob, JOB_STATUSES, postDecision, SCREENING_STATUSES } from './fineTuning';
import { LossChart } from './LossChart';
import { ScreeningReportTable } from './ScreeningReportTable';

/** Approve (training goes on) or reject (the job fails) a file whose flagged share is under the limit. */
const ScreeningDecision = ({ job }: { job: FineTuningJob }) => {
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  if (job.screeningStatus !== 'awaiting_review' || job.status !== 'validating_files') return null;
  const decide = async (decision: 'approve' | 'reject') => {
    setBusy(true);
    try {
      await postDecision(`/fine-tuning-jobs/${encodeURIComponent(job.id)}/screening`, { decision });
      notify(decision === 'approve' ? 'Training data approved' : 'Training data rejected', {
        type: 'success',
      });
      refresh();
    } catch (err) {
      notify(err instanceof Error ? err.message : 'Decision failed', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
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
      <Grid size={{ xs: 12, md: 4 }}>
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
      <Grid size={{ xs: 12, md: 8 }}>
        <Panel title="Loss" subtitle="per training step">
          <LossChart metrics={job.metrics} />
        </Panel>
      </Grid>
      <Grid size={12}>
        <Panel
          title="Screening"
          subtitle={<EnumChipField source="screeningStatus" options={SCREENING_STATUSES} />}
          action={<ScreeningDecision job={job} />}
        >
          <ScreeningReportTable report={job.screeningReport} />
        </Panel>
      </Grid>
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
