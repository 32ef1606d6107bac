import * as contract from '@warden/contracts';
import { enumOptions } from '@warden/web-common';

export const LABEL_SOURCES = enumOptions(contract.LABEL_SOURCES, {
  developer: { label: 'You', color: 'default' },
  end_user: { label: 'End user', color: 'info' },
  staff: { label: 'Staff review', color: 'secondary' },
});

/** What each staff decision means to the developer who reads it. */
export const FEEDBACK: Record<
  contract.Decision,
  { title: string; severity: 'info' | 'success' | 'warning' | 'error' }
> = {
  start_review: { title: 'A reviewer started reviewing your application', severity: 'info' },
  approve: { title: 'Approved for production', severity: 'success' },
  request_changes: { title: 'Changes requested', severity: 'warning' },
  reject: { title: 'Rejected', severity: 'error' },
  suspend: { title: 'Suspended', severity: 'warning' },
  reinstate: { title: 'Reinstated', severity: 'success' },
  terminate: { title: 'Terminated', severity: 'error' },
};
