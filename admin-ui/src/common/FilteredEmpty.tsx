import { Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useListContext } from 'react-admin';

/**
 * react-admin shows a list's `empty` page only when no filter is set, and a queue that opens with a default filter
 * never gets there: its table shows this instead. Under the default filter (or none) an empty queue is explained
 * by `empty`; any other filter simply matches nothing.
 */
export const FilteredEmpty = ({
  defaults,
  empty,
  noMatch,
}: {
  defaults: Record<string, unknown>;
  empty: ReactNode;
  noMatch: string;
}) => {
  const { filterValues } = useListContext();
  const onlyDefaults = Object.entries(filterValues).every(([name, value]) => defaults[name] === value);
  return onlyDefaults ? (
    empty
  ) : (
    <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
      {noMatch}
    </Typography>
  );
};
