import { Typography } from '@mui/material';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { FineTuningJob } from './fineTuning';

/** Training and validation loss per step, as the worker reported them. */
export const LossChart = ({ metrics }: { metrics: FineTuningJob['metrics'] }) => {
  if (metrics.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        No training steps yet.
      </Typography>
    );
  }
  return (
    <ResponsiveContainer width="100%" height={260}>
      <LineChart data={metrics} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} data-testid="loss-chart">
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="step" label={{ value: 'step', position: 'insideBottomRight', offset: -4 }} />
        <YAxis />
        <Tooltip formatter={(value) => (typeof value === 'number' ? value.toFixed(4) : String(value))} />
        <Legend />
        <Line type="monotone" dataKey="train_loss" name="training loss" stroke="#1976d2" dot={false} />
        <Line
          type="monotone"
          dataKey="valid_loss"
          name="validation loss"
          stroke="#ed6c02"
          dot={false}
          connectNulls
        />
      </LineChart>
    </ResponsiveContainer>
  );
};
