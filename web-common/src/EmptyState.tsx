import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/** What a list shows before it has any record: what will appear there, and how to make the first one. */
export const EmptyState = ({
  icon,
  title,
  hint,
  action,
}: {
  icon: ReactNode;
  title: string;
  hint: ReactNode;
  action?: ReactNode;
}) => (
  <Box sx={{ textAlign: 'center', mt: 8, mx: 'auto', maxWidth: 520, color: 'text.secondary' }}>
    <Box sx={{ '& svg': { fontSize: 72, opacity: 0.5 } }}>{icon}</Box>
    <Typography variant="h6" sx={{ mt: 1 }}>
      {title}
    </Typography>
    <Typography variant="body2" sx={{ mt: 1, mb: 2 }}>
      {hint}
    </Typography>
    {action}
  </Box>
);
