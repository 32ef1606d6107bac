import { Box, Card, CardContent, Typography, useTheme } from '@mui/material';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ErrorBar,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatScore } from '../../common/format';
import type { BiasChart, BiasChartPoint } from '../../types';

const decimals = (chart: { metric: string }) => (chart.metric === 'stereotypeScore' ? 0 : 2);

const PointTooltip = ({
  active,
  payload,
  digits,
}: {
  active?: boolean;
  payload?: ReadonlyArray<{ payload?: BiasChartPoint }>;
  digits: number;
}) => {
  const point = payload?.[0]?.payload;
  if (!active || !point) return null;
  return (
    <Box sx={{ bgcolor: 'background.paper', border: 1, borderColor: 'divider', borderRadius: 1, p: 1 }}>
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {point.label}
      </Typography>
      <Typography variant="caption" component="div">
        mean {formatScore(point.value, digits)} · 95 % CI [{formatScore(point.ciLow, digits)},{' '}
        {formatScore(point.ciHigh, digits)}]
      </Typography>
      <Typography variant="caption" color="text.secondary">
        n = {point.n}
      </Typography>
    </Box>
  );
};

/** Tick labels are group names: long ones are cut so the chart keeps its height. */
const shorten = (label: string) => (label.length > 18 ? `${label.slice(0, 17)}…` : label);

/** Per-group means with their 95 % intervals as error bars, and the unbiased reference where there is one. */
export const BiasChartCard = ({ chart }: { chart: BiasChart }) => {
  const theme = useTheme();
  const many = chart.data.length > 5;
  const digits = decimals(chart);
  return (
    <Card variant="outlined" data-testid="bias-chart" sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="subtitle2" sx={{ mb: 1 }}>
          {chart.title}
        </Typography>
        <ResponsiveContainer width="100%" height={many ? 280 : 240}>
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
            <YAxis domain={[chart.yMin, chart.yMax]} fontSize={11} allowDataOverflow />
            <Tooltip
              content={<PointTooltip digits={digits} />}
              cursor={{ fill: theme.palette.action.hover }}
            />
            {chart.reference !== null && (
              <ReferenceLine
                y={chart.reference}
                stroke={theme.palette.text.secondary}
                strokeDasharray="4 3"
              />
            )}
            <Bar
              dataKey="value"
              fill={theme.palette.secondary.main}
              fillOpacity={0.8}
              isAnimationActive={false}
            >
              <ErrorBar dataKey="error" width={6} strokeWidth={1.5} stroke={theme.palette.text.primary} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </CardContent>
    </Card>
  );
};
