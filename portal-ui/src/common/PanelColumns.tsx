import { Box, Stack } from '@mui/material';
import { ReactNode } from 'react';

/** A page's panels in two columns, the wider first; one column on narrow screens. */
export const PanelColumns = ({ main, side }: { main: ReactNode; side: ReactNode }) => (
  <Box
    sx={{
      display: 'grid',
      gap: 2,
      gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 3fr) minmax(0, 2fr)' },
    }}
  >
    <Stack spacing={2} sx={{ minWidth: 0 }}>
      {main}
    </Stack>
    <Stack spacing={2} sx={{ minWidth: 0 }}>
      {side}
    </Stack>
  </Box>
);
