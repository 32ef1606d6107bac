import { Grid } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { EnumChipField } from '@warden/web-common';
import { Panel } from '../common/Panel';
import { type FineTuningJob, SCREENING_STATUSES } from './fineTuning';
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
