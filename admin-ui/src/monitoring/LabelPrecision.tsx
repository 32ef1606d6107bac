import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { formatPercent } from '../common/format';
import type { MonitoringSummary } from '../types';

/** Each check's precision per category, as staff labels estimate it; few labels make a rough estimate. */
export const LabelPrecision = ({ rows }: { rows: MonitoringSummary['labelPrecision'] }) => {
  if (rows.length === 0) {
    return (
      <Typography color="text.secondary">
        No flagged call has a staff label yet: label some in a labeling queue.
      </Typography>
    );
  }
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>Check</TableCell>
          <TableCell>Category</TableCell>
          <TableCell align="right">Labeled flagged calls</TableCell>
          <TableCell align="right">Precision</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={`${row.check}:${row.category}`}>
            <TableCell>{row.check}</TableCell>
            <TableCell>{row.category}</TableCell>
            <TableCell align="right">{row.labeled}</TableCell>
            <TableCell align="right">{row.precision === null ? '—' : formatPercent(row.precision)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
