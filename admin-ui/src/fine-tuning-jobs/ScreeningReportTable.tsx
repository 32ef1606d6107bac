import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ScreeningReport } from './fineTuning';

/** The examples the moderation checks flagged, by file and line. */
export const ScreeningReportTable = ({ report }: { report: ScreeningReport | null }) => {
  if (!report) {
    return (
      <Typography variant="body2" color="text.secondary">
        Not screened yet.
      </Typography>
    );
  }
  return (
    <>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {report.flagged} of {report.examples} examples flagged ({(report.share * 100).toFixed(1)} %; limit{' '}
        {(report.limit * 100).toFixed(1)} %
        {report.reviewAboveShare
          ? `; staff review above ${(report.reviewAboveShare * 100).toFixed(1)} %`
          : ''}
        ).
      </Typography>
      {report.lines.length > 0 && (
        <Table size="small" data-testid="screening-lines">
          <TableHead>
            <TableRow>
              <TableCell>File</TableCell>
              <TableCell>Line</TableCell>
              <TableCell>Categories</TableCell>
              <TableCell>Text</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {report.lines.map((line) => (
              <TableRow key={`${line.file}-${line.line}`}>
                <TableCell>{line.file}</TableCell>
                <TableCell>{line.line}</TableCell>
                <TableCell>{line.categories.join(', ')}</TableCell>
                <TableCell sx={{ maxWidth: 480, wordBreak: 'break-word' }}>{line.text}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
};
