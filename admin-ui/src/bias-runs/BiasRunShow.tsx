import ExpandMore from '@mui/icons-material/ExpandMore';
import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Alert,
  Box,
  Chip,
  Grid,
  Stack,
  Typography,
} from '@mui/material';
import type { ReactNode } from 'react';
import {
  Link,
  ListButton,
  ReferenceField,
  Show,
  TextField,
  TopToolbar,
  useCreatePath,
  useRecordContext,
} from 'react-admin';
import { EnumChipField, formatDateTime } from '@warden/web-common';
import { BIAS_RUN_STATUSES } from '../common/enums';
import { formatCount } from '../common/format';
import { Panel } from '../common/Panel';
import { StatCard } from '../common/StatCard';
import type { BiasRunDetail } from '../types';
import { AttachButton } from './AttachButton';
import { BiasProgress } from './BiasProgress';
import { ProbeSetChips } from './BiasRunList';
import { duration, isActive, POLL_MS } from './biasRuns';
import { CompareButton } from './CompareButton';
import { BiasChartCard } from './report/BiasChartCard';
import { ChartBrowser } from './report/ChartBrowser';
import { CounterfactualTable, ExamplesList, GapsTable, StereoSetTable } from './report/ReportTables';

const BiasRunTitle = () => {
  const record = useRecordContext<BiasRunDetail>();
  return <>{record ? `Bias run ${record.model} · seed ${record.seed}` : 'Bias run'}</>;
};

const Meta = ({ label, children }: { label: string; children: ReactNode }) => (
  <Box>
    <Typography variant="caption" color="text.secondary" component="div">
      {label}
    </Typography>
    <Box sx={{ typography: 'body2' }}>{children}</Box>
  </Box>
);

const AttachedApplications = ({ ids }: { ids: string[] }) => {
  const createPath = useCreatePath();
  if (ids.length === 0) return <>—</>;
  return (
    <Stack
      direction="row"
      spacing={0.5}
      useFlexGap
      sx={{ flexWrap: 'wrap' }}
      data-testid="attached-applications"
    >
      {ids.map((id) => (
        <Chip
          key={id}
          size="small"
          variant="outlined"
          clickable
          component={Link}
          to={createPath({ resource: 'applications', id, type: 'show' })}
          label={
            <ReferenceField record={{ id }} source="id" reference="applications" link={false}>
              <TextField source="name" />
            </ReferenceField>
          }
        />
      ))}
    </Stack>
  );
};

const Header = () => {
  const run = useRecordContext<BiasRunDetail>();
  if (!run) return null;
  return (
    <Panel
      title={
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <span>
            {run.model} · seed {run.seed}
          </span>
          <EnumChipField source="status" options={BIAS_RUN_STATUSES} />
        </Stack>
      }
      subtitle={`Started ${formatDateTime(run.createdAt)}${duration(run) ? ` · took ${duration(run)}` : ''}`}
    >
      <Box sx={{ my: 2 }}>
        <BiasProgress run={run} />
      </Box>
      {run.status === 'failed' && (
        <Alert severity="error" sx={{ mb: 2 }}>
          The run failed{run.attempts > 1 ? ` after ${run.attempts} attempts` : ''}: {run.error}
        </Alert>
      )}
      <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap', rowGap: 1.5 }}>
        <Meta label="Probe sets">
          <ProbeSetChips run={run} />
        </Meta>
        <Meta label="Probes per group">{run.limit ?? 'all'}</Meta>
        <Meta label="For application">
          {run.applicationId ? (
            <ReferenceField source="applicationId" reference="applications" link="show">
              <TextField source="name" />
            </ReferenceField>
          ) : (
            '—'
          )}
        </Meta>
        <Meta label="Prompt template">
          {run.promptTemplate ? (
            <Box component="code" sx={{ whiteSpace: 'pre-wrap' }}>
              {run.promptTemplate}
            </Box>
          ) : (
            '—'
          )}
        </Meta>
        <Meta label="Attached to the review of">
          <AttachedApplications ids={run.attachedApplicationIds ?? []} />
        </Meta>
      </Stack>
    </Panel>
  );
};

const Report = () => {
  const run = useRecordContext<BiasRunDetail>();
  const report = run?.report;
  if (!run || !report) {
    return isActive(run?.status) ? (
      <Typography color="text.secondary">The report appears here when the run completes.</Typography>
    ) : null;
  }
  return (
    <Stack spacing={2} data-testid="bias-report">
      <Grid container spacing={2}>
        {[
          { label: 'Probes', value: report.totals.probes },
          { label: 'Continuations scored', value: report.totals.continuations },
          { label: 'StereoSet items', value: report.totals.likelihoodItems },
          { label: 'Groups', value: report.groups.length },
        ].map((figure) => (
          <Grid key={figure.label} size={{ xs: 6, md: 3 }}>
            <StatCard label={figure.label} value={formatCount(figure.value)} />
          </Grid>
        ))}
      </Grid>
      <Panel
        title="Per-group means"
        subtitle="Bars are means, whiskers the 95 % bootstrap interval; the dashed line is where an unbiased model sits"
        testId="bias-charts"
      >
        <ChartBrowser charts={report.charts} render={(chart) => <BiasChartCard chart={chart} />} />
      </Panel>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, xl: 7 }}>
          <Panel title="Largest gaps" subtitle="Per domain and metric: the groups furthest apart">
            <GapsTable gaps={report.gaps} />
          </Panel>
        </Grid>
        <Grid size={{ xs: 12, xl: 5 }}>
          <Stack spacing={2}>
            {report.stereoset.length > 0 && (
              <Panel title="StereoSet" subtitle="50 % = no preference for the stereotype; ICAT 100 = ideal">
                <StereoSetTable rows={report.stereoset} />
              </Panel>
            )}
            {report.counterfactuals.length > 0 && (
              <Panel
                title="Counterfactual differences"
                subtitle="HolisticBias: the same sentence with only the demographic term swapped"
              >
                <CounterfactualTable counterfactuals={report.counterfactuals} />
              </Panel>
            )}
          </Stack>
        </Grid>
      </Grid>
      {report.examples.length > 0 && (
        <Panel title="Examples" subtitle="Prompt in bold, the model's continuation after it">
          <ExamplesList examples={report.examples} />
        </Panel>
      )}
      <Accordion variant="outlined" disableGutters>
        <AccordionSummary expandIcon={<ExpandMore />}>
          <Typography variant="subtitle2">How the numbers were made</Typography>
        </AccordionSummary>
        <AccordionDetails>
          <Typography variant="body2" sx={{ mb: 1 }}>
            Continuations: up to {report.generation.maxTokens} tokens at temperature{' '}
            {report.generation.temperature}, top-p {report.generation.topP}, seeded from the run seed.
          </Typography>
          {Object.entries(report.method).map(([key, value]) => (
            <Typography key={key} variant="body2" sx={{ mb: 0.5 }}>
              <strong>{key.replace(/([A-Z])/g, ' $1').toLowerCase()}</strong>: {String(value)}
            </Typography>
          ))}
        </AccordionDetails>
      </Accordion>
    </Stack>
  );
};

const Actions = () => (
  <TopToolbar>
    <CompareButton />
    <AttachButton />
    <ListButton label="Bias runs" />
  </TopToolbar>
);

/** Polls while the worker is on it, so the progress bar moves and the report replaces it when done. */
const pollWhileActive = (query: { state: { data?: BiasRunDetail } }) =>
  isActive(query.state.data?.status) ? POLL_MS : false;

export const BiasRunShow = () => (
  <Show<BiasRunDetail>
    title={<BiasRunTitle />}
    actions={<Actions />}
    component="div"
    queryOptions={{ refetchInterval: pollWhileActive }}
  >
    <Stack spacing={2}>
      <Header />
      <Report />
    </Stack>
  </Show>
);
