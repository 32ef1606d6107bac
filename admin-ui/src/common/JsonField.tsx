import { Box } from '@mui/material';
import { useFieldValue, type FieldProps } from 'react-admin';

/** Structured values (audit before/after, verdicts) pretty-printed, read-only. */
export const JsonField = ({ source, ...rest }: FieldProps & { source: string }) => {
  const value: unknown = useFieldValue({ source, ...rest });
  if (value === undefined || value === null)
    return (
      <Box component="span" sx={{ color: 'text.secondary' }}>
        —
      </Box>
    );
  return (
    <Box
      component="pre"
      sx={{
        m: 0,
        p: 1,
        maxHeight: 320,
        overflow: 'auto',
        fontSize: 12,
        bgcolor: 'action.hover',
        borderRadius: 1,
        whiteSpace: 'pre-wrap',
        wordBreak: 'break-word',
      }}
    >
      {JSON.stringify(value, null, 2)}
    </Box>
  );
};
