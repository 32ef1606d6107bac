import { Card, CardActionArea, CardContent, Skeleton, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link } from 'react-admin';

export interface StatCardProps {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  /** Where the figure comes from: a filtered list. */
  to?: string;
  loading?: boolean;
  tone?: 'default' | 'warning' | 'error';
  testId?: string;
}

const TONE_COLOR = { default: 'text.primary', warning: 'warning.dark', error: 'error.main' } as const;

/** One figure with its label, optionally leading to the rows behind it (the demo dashboard's cards). */
export const StatCard = ({ label, value, hint, to, loading, tone = 'default', testId }: StatCardProps) => {
  const content = (
    <CardContent>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="h4" sx={{ my: 0.5, color: TONE_COLOR[tone] }} data-testid={testId}>
        {loading ? <Skeleton width={64} /> : value}
      </Typography>
      {hint && (
        <Typography variant="caption" color="text.secondary" component="div">
          {hint}
        </Typography>
      )}
    </CardContent>
  );
  return (
    <Card variant="outlined" sx={{ height: '100%' }}>
      {to ? (
        <CardActionArea component={Link} to={to} sx={{ height: '100%' }}>
          {content}
        </CardActionArea>
      ) : (
        content
      )}
    </Card>
  );
};
