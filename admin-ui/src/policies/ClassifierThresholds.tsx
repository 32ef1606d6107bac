import { Alert, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import { Panel } from '../common/Panel';
import type { WardenDataProvider } from '../dataProvider';

/** One number where both directions trigger at the same score, else each direction's. */
function byDirection({ input, output }: { input: number; output: number }): string {
  return input === output ? String(input) : `${input} in / ${output} out`;
}

/**
 * Read-only: the thresholds the installed classifier was calibrated with (its config.json, chosen for a
 * false-positive budget on held-out benign text) and what the default live and sandbox policies apply. A policy
 * that leaves a category's threshold empty uses these, times its own scale.
 */
export const ClassifierThresholds = () => {
  const dataProvider = useDataProvider<WardenDataProvider>();
  const { data, error } = useQuery({
    queryKey: ['classifier-thresholds'],
    queryFn: () => dataProvider.classifierThresholds(),
  });
  if (error) return <Alert severity="error">Classifier thresholds could not be loaded.</Alert>;
  if (!data) return null;
  return (
    <Panel
      testId="classifier-thresholds"
      title="Classifier thresholds"
      subtitle={`${data.classifier ?? 'no classifier installed'}: calibrated per category; live × ${data.liveScale}, sandbox × ${data.sandboxScale}`}
    >
      {data.sentenceMargin && (
        <Alert severity="info" sx={{ mb: 1 }} data-testid="classifier-sentence-margin">
          A sentence read on its own must score {data.sentenceMargin.input} logits over its threshold on input
          and {data.sentenceMargin.output} on output, unless a policy sets its own margin.
        </Alert>
      )}
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>Category</TableCell>
            <TableCell align="right">Calibrated</TableCell>
            <TableCell align="right">Live default</TableCell>
            <TableCell align="right">Sandbox default</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {data.categories.map((row) => (
            <TableRow key={row.category} data-testid={`classifier-threshold-${row.category}`}>
              <TableCell>{row.category}</TableCell>
              <TableCell align="right">{row.calibrated}</TableCell>
              <TableCell align="right">{byDirection(row.live)}</TableCell>
              <TableCell align="right">{byDirection(row.sandbox)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Panel>
  );
};
