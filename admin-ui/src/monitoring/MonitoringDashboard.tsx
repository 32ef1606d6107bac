import Refresh from '@mui/icons-material/Refresh';
import {
  Alert,
  Box,
  Grid,
  IconButton,
  LinearProgress,
  Stack,
  ToggleButton,
  ToggleButtonGroup,
  Tooltip,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Title, useCanAccess, useDataProvider, useStore } from 'react-admin';
import { formatDateTime, SHORT_DATETIME } from '@warden/web-common';
import { formatCount, formatMs, formatPercent } from '../common/format';
import { endUserId, requestLogsPath } from '../common/links';
import { Panel } from '../common/Panel';
import { StatCard } from '../common/StatCard';
import type { WardenDataProvider } from '../dataProvider';
import type { MonitoringSummary, MonitoringWindow } from '../types';
import { CategoryChart } from './CategoryChart';
import { LabelPrecision } from './LabelPrecision';
import { fillSeries, WINDOWS } from './series';
import { TopList } from './TopList';
import { VolumeChart } from './VolumeChart';

/** The dashboard refreshes itself while open, so a spike shows up without reloading. */
const REFRESH_MS = 30_000;

const isSummary = (value: unknown): value is MonitoringSummary =>
  typeof value === 'object' && value !== null && 'totals' in value;

const Figures = ({ summary }: { summary: MonitoringSummary }) => {
  const { totals, latencyMs } = summary;
  const since = { createdAfter: summary.from };
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 6, md: 4, lg: 2 }}>
        <StatCard
          label="Requests"
          value={formatCount(totals.requests)}
          hint={`${formatCount(totals.errors)} answered with an error`}
          to={requestLogsPath(since)}
          testId="stat-requests"
        />
      </Grid>
      <Grid size={{ xs: 6, md: 4, lg: 2 }}>
        <StatCard
          label="Flagged rate"
          value={formatPercent(totals.flaggedRate)}
          hint={`${formatCount(totals.flagged)} with a flag, redact, hold or block`}
          tone={totals.flaggedRate > 0.1 ? 'warning' : 'default'}
          to={requestLogsPath({ ...since, flagged: 'true' })}
        />
      </Grid>
      <Grid size={{ xs: 6, md: 4, lg: 2 }}>
        <StatCard
          label="Blocked share"
          value={formatPercent(totals.blockedShare)}
          hint={`${formatCount(totals.blocked)} refused or withheld by a content filter`}
          tone={totals.blockedShare > 0.05 ? 'error' : 'default'}
          to={requestLogsPath({ ...since, action: 'block' })}
        />
      </Grid>
      <Grid size={{ xs: 6, md: 4, lg: 2 }}>
        <StatCard label="Latency p50" value={formatMs(latencyMs.p50)} hint="successful calls" />
      </Grid>
      <Grid size={{ xs: 6, md: 4, lg: 2 }}>
        <StatCard
          label="Latency p90 / p99"
          value={
            <Box component="span" sx={{ whiteSpace: 'nowrap' }}>
              {formatMs(latencyMs.p90).replace(' ms', '')} / {formatMs(latencyMs.p99)}
            </Box>
          }
          hint="the slow tail"
        />
      </Grid>
      <Grid size={{ xs: 6, md: 4, lg: 2 }}>
        <StatCard
          label="Open alerts"
          value={formatCount(summary.openAlerts)}
          hint="open or acknowledged"
          tone={summary.openAlerts > 0 ? 'error' : 'default'}
          to="/alerts"
          testId="stat-open-alerts"
        />
      </Grid>
    </Grid>
  );
};

const Charts = ({ summary }: { summary: MonitoringSummary }) => {
  const since = { createdAfter: summary.from };
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, lg: 8 }}>
        <Panel
          title="Volume"
          subtitle={`Requests per ${summary.bucketSeconds >= 3600 ? `${summary.bucketSeconds / 3600} h` : `${summary.bucketSeconds / 60} min`}, split by what moderation did; errors as a line`}
          testId="volume-chart"
        >
          <VolumeChart points={fillSeries(summary)} window={summary.window} />
        </Panel>
      </Grid>
      <Grid size={{ xs: 12, lg: 4 }}>
        <Panel
          title="Flagged rate by category"
          subtitle="Share of all requests; click a bar for the calls"
          testId="category-chart"
        >
          <CategoryChart summary={summary} />
        </Panel>
      </Grid>
      <Grid size={{ xs: 12 }}>
        <Panel
          title="Precision from labels"
          subtitle="Of the flagged calls staff labeled, the share they judged to be in the category"
          testId="label-precision"
        >
          <LabelPrecision rows={summary.labelPrecision} />
        </Panel>
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <Panel title="Top applications">
          <TopList
            empty="No traffic."
            rows={summary.topApplications.map((row) => ({
              key: row.id,
              label: row.name,
              requests: row.requests,
              flagged: row.flagged,
              to: requestLogsPath({ ...since, applicationId: row.id }),
            }))}
          />
        </Panel>
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <Panel title="Top keys">
          <TopList
            empty="No traffic."
            rows={summary.topKeys.map((row) => ({
              key: row.id,
              label: (
                <Box component="span" sx={{ fontFamily: 'monospace' }}>
                  {row.prefix}
                </Box>
              ),
              secondary: row.applicationName,
              requests: row.requests,
              flagged: row.flagged,
              to: requestLogsPath({ ...since, apiKeyId: row.id }),
            }))}
          />
        </Panel>
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <Panel title="Top end users" subtitle="most flagged first">
          <TopList
            empty="No calls named an end user."
            rows={summary.topEndUsers.map((row) => ({
              key: endUserId(row.applicationId, row.endUser),
              label: row.endUser,
              secondary: summary.topApplications.find((app) => app.id === row.applicationId)?.name,
              requests: row.requests,
              flagged: row.flagged,
              to: requestLogsPath({ ...since, applicationId: row.applicationId, endUser: row.endUser }),
            }))}
          />
        </Panel>
      </Grid>
    </Grid>
  );
};

/**
 * Misuse monitoring at a glance: volume, flagged rate by category, blocked share, latency percentiles and the
 * busiest applications, keys and end users over a chosen window; every figure leads to the calls behind it.
 */
export const MonitoringDashboard = () => {
  const { canAccess, isPending: accessPending } = useCanAccess({ resource: 'monitoring', action: 'list' });
  if (accessPending) return null;
  if (!canAccess) {
    return (
      <Alert severity="warning" sx={{ mt: 2 }}>
        Your role does not include the monitoring dashboard.
      </Alert>
    );
  }
  return <Summary />;
};

const Summary = () => {
  const dataProvider = useDataProvider<WardenDataProvider>();
  const [window, setWindow] = useStore<MonitoringWindow>('monitoring.window', '24h');
  const { data, error, isPending, isFetching, refetch } = useQuery({
    queryKey: ['monitoring-summary', window],
    queryFn: () => dataProvider.monitoringSummary(window),
    refetchInterval: REFRESH_MS,
  });
  const summary = isSummary(data) ? data : null;

  return (
    <Box sx={{ mt: 1 }} data-testid="monitoring-dashboard">
      <Title title="Monitoring" />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2 }}>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={window}
          onChange={(_event, value: MonitoringWindow | null) => value && setWindow(value)}
        >
          {WINDOWS.map((option) => (
            <ToggleButton key={option.id} value={option.id}>
              {option.label}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <Tooltip title="Refresh">
          <IconButton onClick={() => void refetch()} size="small" aria-label="Refresh">
            <Refresh />
          </IconButton>
        </Tooltip>
        {summary && (
          <Typography variant="caption" color="text.secondary">
            {formatDateTime(summary.from, SHORT_DATETIME)} – {formatDateTime(summary.to, SHORT_DATETIME)}
          </Typography>
        )}
      </Stack>
      <Box sx={{ height: 4, mb: 1 }}>{isFetching && <LinearProgress />}</Box>
      {error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          The summary could not be loaded: {error instanceof Error ? error.message : String(error)}
        </Alert>
      )}
      {isPending && !error && <Typography color="text.secondary">Loading…</Typography>}
      {summary && (
        <Stack spacing={2}>
          <Figures summary={summary} />
          <Charts summary={summary} />
        </Stack>
      )}
    </Box>
  );
};
