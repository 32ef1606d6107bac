import { Grid } from '@mui/material';
import { useState } from 'react';
import { useNotify, useRecordContext, useRefresh } from 'react-admin';
import { EnumChipField } from '../common/EnumChipField';
import { Panel } from '../common/Panel';
import { type FineTuningJob, postDecision, SCREENING_STATUSES } from './fineTuning';
import { LossChart } from './LossChart';
import { ScreeningReportTable } from './ScreeningReportTable';

/**
 * A job's loss curve and screening report, side by side: the jobs list (expanded row), the job and the model
 * review screens all show a job's training this way.
 */
export const TrainingPanels = ({
  job,
  screeningAction,
}: {
  job: FineTuningJob;
  screeningAction?: React.ReactNode;
}) => (
  <>
    <Grid size={{ xs: 12, md: 6 }}>
      <Panel title="Loss" subtitle="per training step">
        <LossChart metrics={job.metrics} />
      </Panel>
    </Grid>
    <Grid size={{ xs: 12, md: 6 }}>
      <Panel
        title="Screening"
        subtitle={<EnumChipField record={job} source="screeningStatus" options={SCREENING_STATUSES} />}
        action={screeningAction}
      >
        <ScreeningReportTable report={job.screeningReport} />
      </Panel>
    </Grid>
  </>
);

/** The jobs list's expanded row. */
export const JobTrainingExpand = () => {
  const job = useRecordContext<FineTuningJob>();
  if (!job) return null;
  return (
    <Grid container spacing={2} sx={{ p: 1 }}>
      <TrainingPanels job={job} />
    </Grid>
  );
};

/**
 * A staff decision posted to `path` (not react-admin CRUD): one at a time, the outcome notified, the record
 * refreshed.
 */
export function useStaffDecision<D extends string>(path: string, done: (decision: D) => string) {
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  const decide = async (decision: D, note?: string | null) => {
    setBusy(true);
    try {
      await postDecision(path, note === undefined ? { decision } : { decision, note });
      notify(done(decision), { type: 'success' });
      refresh();
    } catch (err) {
      notify(err instanceof Error ? err.message : 'Decision failed', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return { busy, decide };
}
