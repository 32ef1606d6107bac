import { Typography } from '@mui/material';
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useNavigate } from 'react-admin';
import { formatPercent } from '../common/format';
import { requestLogsPath } from '../common/links';
import type { MonitoringSummary } from '../types';

/** Share of the window's requests with a triggered flag-or-worse verdict, per category; a bar opens those calls. */
export const CategoryChart = ({ summary }: { summary: MonitoringSummary }) => {
  const navigate = useNavigate();
  const data = summary.flaggedByCategory;
  if (data.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ py: 4, textAlign: 'center' }}>
        Nothing flagged in this window.
      </Typography>
    );
  }
  return (
    <ResponsiveContainer width="100%" height={Math.max(160, 36 * data.length + 40)}>
      <BarChart data={data} layout="vertical" margin={{ top: 0, right: 56, bottom: 0, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" tickFormatter={(rate: number) => formatPercent(rate, 1)} fontSize={12} />
        <YAxis type="category" dataKey="category" width={130} fontSize={12} />
        <Tooltip
          formatter={(rate, _name, item) => [
            `${formatPercent(Number(rate))} (${(item.payload as { count: number }).count} requests)`,
            'Flagged',
          ]}
        />
        <Bar
          dataKey="rate"
          name="Flagged rate"
          fill="#f0b400"
          cursor="pointer"
          isAnimationActive={false}
          onClick={(entry) =>
            navigate(
              requestLogsPath({
                category: (entry as unknown as { category: string }).category,
                createdAfter: summary.from,
              }),
            )
          }
        >
          <LabelList
            dataKey="rate"
            position="right"
            fontSize={12}
            formatter={(rate) => formatPercent(Number(rate))}
          />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
};
