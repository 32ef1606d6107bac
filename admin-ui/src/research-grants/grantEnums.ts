import type { GrantStatus, RenewalState } from '@warden/contracts';
import type { EnumOption } from '../common/EnumChipField';

export const GRANT_STATUSES: Record<GrantStatus, EnumOption> = {
  pending: { label: 'Pending review', color: 'info' },
  scheduled: { label: 'Scheduled', color: 'default' },
  active: { label: 'Active', color: 'success' },
  expired: { label: 'Expired', color: 'error' },
  closed: { label: 'Closed', color: 'default' },
};

export const RENEWAL_STATES: Record<RenewalState, EnumOption> = {
  none: { label: 'None', color: 'default' },
  requested: { label: 'Renewal requested', color: 'warning' },
  approved: { label: 'Renewed', color: 'success' },
  denied: { label: 'Renewal denied', color: 'error' },
};
