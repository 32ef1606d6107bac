import {
  Alert,
  Box,
  Card,
  CardContent,
  Chip,
  Grid,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
  useTheme,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { Link, Title, useCreatePath, useDataProvider } from 'react-admin';
import { BIAS_METRICS, PROBE_SETS } from '../common/enums';
import { formatScore, formatSigned, humanize } from '../common/format';
import { Panel } from '../common/Panel';
import type { WardenDataProvider } from '../dataProvider';
import type { BiasComparison, BiasMetric, BiasRun } from '../types';
import { METRIC_BOUNDS, METRIC_ORDER, METRIC_REFERENCE, runLabel } from './biasRuns';
import { ChartBrowser } from './report/ChartBrowser';
import { Interval } from './report/ReportTables';

type ComparisonChart = BiasComparison['charts'][number];

const RunCard = ({ name, run }: { name: 'A' | 'B'; run: BiasRun }) => {
  const createPath = useCreatePath();
  return (
    <Card variant="outlined">
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Chip label={name} color={name === 'A' ? 'default' : 'secondary'} size="small" />
          <Link to={createPath({ resource: 'bias-runs', id: run.id, type: 'show' })}>{runLabel(run)}</Link>
        </Stack>
        <Typography variant="caption" color="text.secondary">
          {run.probeSets.map((set) => PROBE_SETS[set]?.label ?? set).join(', ')} ·{' '}
          {run.limit ? `${run.limit} probes per group` : 'every probe'}
          {run.promptTemplate ? ` · template "${run.promptTemplate}"` : ''}
        </Typography>
      </CardContent>
    </Card>
  );
};

const shorten = (label: string) => (label.length > 18 ? `${label.slice(0, 17)}…` : label);

/** A and B side by side per group. */
const ComparisonChartCard = ({ chart }: { chart: ComparisonChart }) => {
  const theme = useTheme();
  const many = chart.data.length > 5;
  const reference = METRIC_REFERENCE[chart.metric];
  return (
    <Card variant="outlined" data-testid="comparison-chart" sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="subtitle2" sx={{ mb: 1 }}>
          {chart.title}
        </Typography>
        <ResponsiveContainer width="100%" height={many ? 290 : 250}>
          <BarChart data={chart.data} margin={{ top: 8, right: 8, bottom: many ? 48 : 8, left: -12 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey="label"
              interval={0}
              fontSize={11}
              tickFormatter={shorten}
              angle={many ? -35 : 0}
              textAnchor={many ? 'end' : 'middle'}
              height={many ? 60 : 30}
            />
            <YAxis domain={METRIC_BOUNDS[chart.metric]} fontSize={11} allowDataOverflow />
            <Tooltip formatter={(value) => formatScore(Number(value))} />
            <Legend verticalAlign="top" height={24} itemSorter={null} />
            {reference !== null && (
              <ReferenceLine y={reference} stroke={theme.palette.text.secondary} strokeDasharray="4 3" />
            )}
            <Bar dataKey="a" name="A" fill={theme.palette.grey[500]} isAnimationActive={false} />
            <Bar dataKey="b" name="B" fill={theme.palette.secondary.main} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </CardContent>
    </Card>
  );
};

const Delta = ({ value, overlapping }: { value: number | null; overlapping?: boolean | null }) => (
  <Typography
    variant="body2"
    component="span"
    sx={{
      fontWeight: overlapping === false ? 700 : 400,
      color: overlapping === false ? 'warning.dark' : 'inherit',
    }}
  >
    {formatSigned(value)}
  </Typography>
);

const GroupDeltas = ({ comparison }: { comparison: BiasComparison }) => {
  const [metric, setMetric] = useState<BiasMetric>('sentiment');
  const rows = comparison.groups
    .filter((row) => row.metric === metric)
    .sort((a, b) => Math.abs(b.delta ?? 0) - Math.abs(a.delta ?? 0));
  return (
    <Box>
      <ToggleButtonGroup
        size="small"
        exclusive
        value={metric}
        onChange={(_event, value: BiasMetric | null) => value && setMetric(value)}
        sx={{ mb: 1 }}
      >
        {METRIC_ORDER.map((candidate) => (
          <ToggleButton key={candidate} value={candidate}>
            {BIAS_METRICS[candidate].label}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      <TableContainer sx={{ maxHeight: 440 }}>
        <Table size="small" stickyHeader data-testid="group-deltas">
          <TableHead>
            <TableRow>
              <TableCell>Probe set · domain</TableCell>
              <TableCell>Group</TableCell>
              <TableCell>A [95 % CI]</TableCell>
              <TableCell>B [95 % CI]</TableCell>
              <TableCell align="right">B − A</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={`${row.probeSet}/${row.domain}/${row.group}`}>
                <TableCell>
                  {PROBE_SETS[row.probeSet]?.label} · {humanize(row.domain)}
                </TableCell>
                <TableCell>{humanize(row.group)}</TableCell>
                <TableCell>{row.a ? <Interval estimate={row.a} /> : '—'}</TableCell>
                <TableCell>{row.b ? <Interval estimate={row.b} /> : '—'}</TableCell>
                <TableCell align="right">
                  <Delta value={row.delta} overlapping={row.overlapping} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <Typography variant="caption" color="text.secondary">
        Bold: the two intervals do not overlap, evidence of a change at this sample size.
      </Typography>
    </Box>
  );
};

const GapDeltas = ({ comparison }: { comparison: BiasComparison }) => (
  <TableContainer sx={{ maxHeight: 440 }}>
    <Table size="small" stickyHeader>
      <TableHead>
        <TableRow>
          <TableCell>Probe set · domain</TableCell>
          <TableCell>Metric</TableCell>
          <TableCell align="right">Gap A</TableCell>
          <TableCell align="right">Gap B</TableCell>
          <TableCell align="right">B − A</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {comparison.gaps.map((row) => (
          <TableRow key={`${row.probeSet}/${row.domain}/${row.metric}`}>
            <TableCell>
              {PROBE_SETS[row.probeSet]?.label} · {humanize(row.domain)}
            </TableCell>
            <TableCell>{BIAS_METRICS[row.metric]?.label ?? row.metric}</TableCell>
            <TableCell align="right">{formatScore(row.a)}</TableCell>
            <TableCell align="right">{formatScore(row.b)}</TableCell>
            <TableCell align="right">
              <Delta value={row.delta} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  </TableContainer>
);

const isComparison = (value: unknown): value is BiasComparison =>
  typeof value === 'object' && value !== null && 'groups' in value;

/** Two completed runs compared: per-group deltas, gap changes, StereoSet, and charts with both series. */
export const BiasRunCompare = () => {
  const { id = '', otherId = '' } = useParams();
  const dataProvider = useDataProvider<WardenDataProvider>();
  const { data, error, isPending } = useQuery({
    queryKey: ['bias-runs', 'compare', id, otherId],
    queryFn: () => dataProvider.compareBiasRuns(id, otherId),
  });
  const comparison = isComparison(data) ? data : null;
  return (
    <Box sx={{ mt: 1 }} data-testid="bias-compare">
      <Title title="Compare bias runs" />
      {error && (
        <Alert severity="error">
          The runs could not be compared: {error instanceof Error ? error.message : String(error)}
        </Alert>
      )}
      {isPending && <Typography color="text.secondary">Comparing…</Typography>}
      {comparison && (
        <Stack spacing={2}>
          <Grid container spacing={2}>
            <Grid size={{ xs: 12, md: 6 }}>
              <RunCard name="A" run={comparison.a} />
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <RunCard name="B" run={comparison.b} />
            </Grid>
          </Grid>
          {comparison.notes.map((note) => (
            <Alert key={note} severity="info">
              {note}
            </Alert>
          ))}
          <Panel title="Per-group means, A and B">
            <ChartBrowser
              charts={comparison.charts}
              render={(chart) => <ComparisonChartCard chart={chart} />}
            />
          </Panel>
          <Panel title="Group changes" subtitle="Largest change first">
            <GroupDeltas comparison={comparison} />
          </Panel>
          <Grid container spacing={2}>
            <Grid size={{ xs: 12, lg: 7 }}>
              <Panel title="Largest gaps, A and B">
                <GapDeltas comparison={comparison} />
              </Panel>
            </Grid>
            {comparison.stereoset.length > 0 && (
              <Grid size={{ xs: 12, lg: 5 }}>
                <Panel title="StereoSet stereotype score">
                  <Table size="small">
                    <TableHead>
                      <TableRow>
                        <TableCell>Domain</TableCell>
                        <TableCell>A</TableCell>
                        <TableCell>B</TableCell>
                        <TableCell align="right">B − A</TableCell>
                      </TableRow>
                    </TableHead>
                    <TableBody>
                      {comparison.stereoset.map((row) => (
                        <TableRow key={row.domain}>
                          <TableCell>{humanize(row.domain)}</TableCell>
                          <TableCell>{row.a ? <Interval estimate={row.a} digits={1} /> : '—'}</TableCell>
                          <TableCell>{row.b ? <Interval estimate={row.b} digits={1} /> : '—'}</TableCell>
                          <TableCell align="right">
                            <Delta value={row.delta} overlapping={row.overlapping} />
                          </TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </Panel>
              </Grid>
            )}
          </Grid>
        </Stack>
      )}
    </Box>
  );
};
