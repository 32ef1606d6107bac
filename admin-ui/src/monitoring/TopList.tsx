import {
  Box,
  LinearProgress,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { ReactNode } from 'react';
import { Link } from 'react-admin';
import { formatCount, formatPercent } from '../common/format';

export interface TopRow {
  key: string;
  label: ReactNode;
  secondary?: ReactNode;
  requests: number;
  flagged: number;
  /** The request log filtered to this row. */
  to: string;
}

/** The busiest applications, keys or end users of the window, each leading to its calls. */
export const TopList = ({ rows, empty }: { rows: TopRow[]; empty: string }) => {
  if (rows.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {empty}
      </Typography>
    );
  }
  const busiest = Math.max(...rows.map((row) => row.requests), 1);
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell />
          <TableCell align="right">Requests</TableCell>
          <TableCell align="right">Flagged</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.key} hover>
            <TableCell sx={{ maxWidth: 220 }}>
              <Link to={row.to} sx={{ fontWeight: 500 }}>
                {row.label}
              </Link>
              {row.secondary && (
                <Typography variant="caption" color="text.secondary" component="div" noWrap>
                  {row.secondary}
                </Typography>
              )}
              <Box sx={{ mt: 0.5 }}>
                <LinearProgress
                  variant="determinate"
                  value={(100 * row.requests) / busiest}
                  sx={{ height: 4, borderRadius: 2 }}
                />
              </Box>
            </TableCell>
            <TableCell align="right">{formatCount(row.requests)}</TableCell>
            <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
              {formatCount(row.flagged)}
              <Typography variant="caption" color="text.secondary" component="div">
                {formatPercent(row.requests ? row.flagged / row.requests : 0)}
              </Typography>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
