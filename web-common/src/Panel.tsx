import { Card, CardContent, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';

export interface PanelProps {
  title: ReactNode;
  subtitle?: ReactNode;
  action?: ReactNode;
  children: ReactNode;
  testId?: string;
  /** Stretch to the grid cell the panel sits in, so panels side by side end on one line. */
  fillHeight?: boolean;
  /** Space between the title and the content, in theme spacing units. */
  headerGap?: number;
}

/** A titled card: the unit the detail pages are laid out in. */
export const Panel = ({
  title,
  subtitle,
  action,
  children,
  testId,
  fillHeight,
  headerGap = 1,
}: PanelProps) => (
  <Card variant="outlined" data-testid={testId} sx={fillHeight ? { height: '100%' } : undefined}>
    <CardContent>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: headerGap }}>
        <Stack sx={{ flexGrow: 1, minWidth: 0 }}>
          <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
            {title}
          </Typography>
          {subtitle && (
            <Typography variant="caption" color="text.secondary">
              {subtitle}
            </Typography>
          )}
        </Stack>
        {action}
      </Stack>
      {children}
    </CardContent>
  </Card>
);
