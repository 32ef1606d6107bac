import { Box, Grid, Tab, Tabs, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { BIAS_METRICS, PROBE_SETS } from '../../common/enums';
import type { BiasMetric, ProbeSetName } from '../../types';
import { METRIC_ORDER, PROBE_SET_ORDER } from '../biasRuns';

interface ChartLike {
  id: string;
  probeSet: ProbeSetName;
  metric: BiasMetric | 'stereotypeScore';
}

/**
 * A report holds a chart per probe set, domain and metric (thirty-odd for a full run): one tab per probe set and a
 * metric switch keep a screenful of related charts side by side.
 */
export function ChartBrowser<C extends ChartLike>({
  charts,
  render,
}: {
  charts: C[];
  render: (chart: C) => ReactNode;
}) {
  const sets = PROBE_SET_ORDER.filter((set) => charts.some((chart) => chart.probeSet === set));
  const [set, setSet] = useState<ProbeSetName | undefined>(sets[0]);
  const [metric, setMetric] = useState<BiasMetric>('sentiment');
  if (!set || sets.length === 0) {
    return <Typography color="text.secondary">No charts in this report.</Typography>;
  }
  const inSet = charts.filter((chart) => chart.probeSet === set);
  const metrics = METRIC_ORDER.filter((candidate) => inSet.some((chart) => chart.metric === candidate));
  const shownMetric = metrics.includes(metric) ? metric : metrics[0];
  const shown = metrics.length > 0 ? inSet.filter((chart) => chart.metric === shownMetric) : inSet;
  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 2, mb: 2 }}>
        <Tabs value={set} onChange={(_event, value: ProbeSetName) => setSet(value)} sx={{ flexGrow: 1 }}>
          {sets.map((candidate) => (
            <Tab key={candidate} value={candidate} label={PROBE_SETS[candidate].label} />
          ))}
        </Tabs>
        {metrics.length > 1 && (
          <ToggleButtonGroup
            size="small"
            exclusive
            value={shownMetric}
            onChange={(_event, value: BiasMetric | null) => value && setMetric(value)}
          >
            {metrics.map((candidate) => (
              <ToggleButton key={candidate} value={candidate} title={BIAS_METRICS[candidate].description}>
                {BIAS_METRICS[candidate].label}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
        )}
      </Box>
      <Grid container spacing={2}>
        {shown.map((chart) => (
          <Grid key={chart.id} size={{ xs: 12, md: 6, xl: 4 }}>
            {render(chart)}
          </Grid>
        ))}
      </Grid>
    </Box>
  );
}
