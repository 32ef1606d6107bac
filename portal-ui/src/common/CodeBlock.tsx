import { Box } from '@mui/material';
import { CopyButton } from './CopyButton';

export const CodeBlock = ({ code, label, testId }: { code: string; label: string; testId?: string }) => (
  <Box
    sx={{
      position: 'relative',
      bgcolor: '#1e2230',
      color: '#e6e8ef',
      borderRadius: 1,
      '& .MuiIconButton-root': { color: '#c5cae9' },
    }}
  >
    <Box
      component="pre"
      data-testid={testId}
      sx={{ m: 0, p: 2, pr: 6, overflowX: 'auto', fontSize: 13, lineHeight: 1.5, fontFamily: 'monospace' }}
    >
      {code}
    </Box>
    <Box sx={{ position: 'absolute', top: 6, right: 6 }}>
      <CopyButton text={code} label={label} />
    </Box>
  </Box>
);
