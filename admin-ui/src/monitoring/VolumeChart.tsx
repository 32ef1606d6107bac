import { useTheme } from '@mui/material';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatDateTime, SHORT_DATETIME } from '@warden/web-common';
import type { MonitoringWindow } from '../types';
import { tickFormat, type SeriesPoint } from './series';

interface StackedPoint extends SeriesPoint {
  passed: number;
  flaggedOnly: number;
}

/**
 * Blocked calls are flagged too (a block is a triggered verdict), so each bucket's requests split into
 * not flagged, flagged but served, and blocked; the stack's height is the bucket's volume.
 */
function stack(points: SeriesPoint[]): StackedPoint[] {
  return points.map((point) => {
    const blocked = Math.min(point.blocked, point.requests);
    const flaggedOnly = Math.max(0, Math.min(point.flagged, point.requests) - blocked);
    return { ...point, blocked, flaggedOnly, passed: Math.max(0, point.requests - blocked - flaggedOnly) };
  });
}

/** Requests per bucket over the window as stacked bars, with errors as a line. */
export const VolumeChart = ({ points, window }: { points: SeriesPoint[]; window: MonitoringWindow }) => {
  const theme = useTheme();
  const format = tickFormat(window);
  return (
    <ResponsiveContainer width="100%" height={280}>
      <ComposedChart
        data={stack(points)}
        margin={{ top: 8, right: 16, bottom: 0, left: -8 }}
        barCategoryGap={1}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="t" tickFormatter={format} fontSize={12} minTickGap={32} />
        <YAxis allowDecimals={false} fontSize={12} />
        <Tooltip
          labelFormatter={(t) => formatDateTime(Number(t), SHORT_DATETIME)}
          formatter={(value, name, item) =>
            name === 'Not flagged'
              ? [`${value} of ${(item.payload as StackedPoint).requests} requests`, name]
              : [value, name]
          }
        />
        <Legend itemSorter={null} />
        <Bar
          dataKey="passed"
          name="Not flagged"
          stackId="volume"
          fill={theme.palette.primary.light}
          isAnimationActive={false}
        />
        <Bar dataKey="flaggedOnly" name="Flagged" stackId="volume" fill="#f0b400" isAnimationActive={false} />
        <Bar
          dataKey="blocked"
          name="Blocked"
          stackId="volume"
          fill={theme.palette.error.main}
          isAnimationActive={false}
        />
        <Line
          type="linear"
          dataKey="errors"
          name="Errors"
          stroke={theme.palette.grey[700]}
          strokeDasharray="4 3"
          dot={false}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
};
