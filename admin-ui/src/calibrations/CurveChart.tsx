import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { CalibrationRow } from '../types';

/** Precision against recall over the candidate thresholds, the target as a line and the chosen point marked. */
export const CurveChart = ({ row, target }: { row: CalibrationRow; target: number }) => {
  const points = [...row.curve].sort((a, b) => a.recall - b.recall || b.precision - a.precision);
  return (
    <ResponsiveContainer width="100%" height={220}>
      <LineChart
        data={points}
        margin={{ top: 8, right: 16, bottom: 16, left: 0 }}
        data-testid={`curve-${row.check}-${row.category}`}
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="recall"
          type="number"
          domain={[0, 1]}
          label={{ value: 'recall', position: 'insideBottomRight', offset: -8 }}
        />
        <YAxis
          type="number"
          domain={[0, 1]}
          label={{ value: 'precision', angle: -90, position: 'insideLeft' }}
        />
        <Tooltip
          formatter={(value) => (typeof value === 'number' ? value.toFixed(3) : String(value))}
          labelFormatter={(_, payload) =>
            payload?.[0] ? `threshold ${(payload[0].payload as { threshold: number }).threshold}` : ''
          }
        />
        <ReferenceLine y={target} stroke="#ed6c02" strokeDasharray="4 4" />
        <Line type="stepAfter" dataKey="precision" stroke="#1976d2" dot isAnimationActive={false} />
        {row.chosen && (
          <ReferenceDot x={row.chosen.recall} y={row.chosen.precision} r={6} fill="#2e7d32" stroke="none" />
        )}
      </LineChart>
    </ResponsiveContainer>
  );
};
