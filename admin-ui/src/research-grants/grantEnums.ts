import { GRANT_STATUSES as GRANT_STATUS_LIST, RENEWAL_STATES as RENEWAL_STATE_LIST } from '@warden/contracts';
import { enumOptions } from '@warden/web-common';

export const GRANT_STATUSES = enumOptions(GRANT_STATUS_LIST, {
  pending: { label: 'Pending review', color: 'info' },
  scheduled: { label: 'Scheduled', color: 'default' },
  active: { label: 'Active', color: 'success' },
  expired: { label: 'Expired', color: 'error' },
  closed: { label: 'Closed', color: 'default' },
});

export const RENEWAL_STATES = enumOptions(RENEWAL_STATE_LIST, {
  none: { label: 'None', color: 'default' },
  requested: { label: 'Renewal requested', color: 'warning' },
  approved: { label: 'Renewed', color: 'success' },
  denied: { label: 'Renewal denied', color: 'error' },
});
