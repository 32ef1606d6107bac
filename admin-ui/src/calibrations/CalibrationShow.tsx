import { Grid, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { ListButton, Show, TopToolbar, useRecordContext } from 'react-admin';
import { Panel } from '../common/Panel';
import type { Calibration } from '../types';
import { CurveChart } from './CurveChart';
import { ProposeButton } from './ProposeButton';

const Actions = () => (
  <TopToolbar>
    <ListButton />
    <ProposeButton />
  </TopToolbar>
);

const percent = (value: number) => `${(100 * value).toFixed(1)} %`;

const Rows = () => {
  const record = useRecordContext<Calibration>();
  if (!record) return null;
  if (record.rows.length === 0) {
    return (
      <Typography color="text.secondary">
        No labeled call of this queue was scored by these checks.
      </Typography>
    );
  }
  return (
    <Stack spacing={2}>
      <Panel
        title="Proposed thresholds"
        subtitle={`precision target ${percent(record.precisionTarget)} · ${record.labeledItems} labeled calls · volume over the last ${record.trafficDays} days`}
        testId="calibration-rows"
      >
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>Check</TableCell>
              <TableCell>Category</TableCell>
              <TableCell align="right">Labeled / positive</TableCell>
              <TableCell align="right">Threshold</TableCell>
              <TableCell align="right">Precision</TableCell>
              <TableCell align="right">Recall</TableCell>
              <TableCell align="right">Calls crossing: now → proposed</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {record.rows.map((row) => (
              <TableRow key={`${row.check}/${row.category}`} data-testid={`calibration-row-${row.category}`}>
                <TableCell>{row.check}</TableCell>
                <TableCell>{row.category}</TableCell>
                <TableCell align="right">
                  {row.labeledItems} / {row.positives}
                </TableCell>
                <TableCell align="right">{row.chosen ? row.chosen.threshold : row.reason}</TableCell>
                <TableCell align="right">{row.chosen ? percent(row.chosen.precision) : '—'}</TableCell>
                <TableCell align="right">{row.chosen ? percent(row.chosen.recall) : '—'}</TableCell>
                <TableCell align="right">
                  {row.volume.crossingOld} → {row.volume.crossingNew ?? '—'} of {row.volume.calls}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Panel>
      <Grid container spacing={2}>
        {record.rows.map((row) => (
          <Grid key={`${row.check}/${row.category}`} size={{ xs: 12, md: 6 }}>
            <Panel
              title={`${row.category} · ${row.check}`}
              subtitle="precision against recall, one point per threshold"
            >
              <CurveChart row={row} target={record.precisionTarget} />
            </Panel>
          </Grid>
        ))}
      </Grid>
    </Stack>
  );
};

export const CalibrationShow = () => (
  <Show<Calibration> actions={<Actions />} component="div">
    <Rows />
  </Show>
);
