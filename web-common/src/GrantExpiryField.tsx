import { Typography } from '@mui/material';
import type { ResearchGrantView } from '@warden/contracts';
import { useRecordContext } from 'react-admin';

/** The grant's end with how far away it is, so a list shows at a glance what is about to expire. */
export const GrantExpiryField = (_props: { label?: string }) => {
  const record = useRecordContext<ResearchGrantView & { id: string }>();
  if (!record?.endsAt) return <Typography variant="body2">not set</Typography>;
  const end = new Date(record.endsAt).toLocaleDateString();
  const days = record.daysLeft ?? 0;
  const when = days < 0 ? `expired ${-days} d ago` : days === 0 ? 'expires today' : `${days} d left`;
  return (
    <Typography variant="body2" color={days < 0 ? 'error' : days < 14 ? 'warning.main' : undefined}>
      {end} ({when})
    </Typography>
  );
};
