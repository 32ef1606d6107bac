import * as contract from '@warden/contracts';
import type { EnumOption } from './EnumChipField';

/**
 * A chip for every value of a contract list, in the list's order. The labels are typed by the list, so a value the
 * server gains without a label here, or a label for a value the server does not have, fails to compile.
 */
export function enumOptions<T extends string>(
  values: readonly T[],
  options: Record<T, EnumOption>,
): Record<T, EnumOption> {
  return Object.fromEntries(values.map((value) => [value, options[value]])) as Record<T, EnumOption>;
}

export const REVIEW_STATES = enumOptions(contract.REVIEW_STATES, {
  draft: { label: 'Draft', color: 'default' },
  submitted: { label: 'Submitted', color: 'info' },
  in_review: { label: 'In review', color: 'primary' },
  approved: { label: 'Approved', color: 'success' },
  changes_requested: { label: 'Changes requested', color: 'warning' },
  rejected: { label: 'Rejected', color: 'error' },
});

export const APPLICATION_STATUSES = enumOptions(contract.APPLICATION_STATUSES, {
  sandbox: { label: 'Sandbox', color: 'default' },
  live: { label: 'Live', color: 'success' },
  suspended: { label: 'Suspended', color: 'warning' },
  terminated: { label: 'Terminated', color: 'error' },
});

export const KEY_STATUSES = enumOptions(contract.EFFECTIVE_KEY_STATUSES, {
  active: { label: 'Active', color: 'success' },
  suspended: { label: 'Suspended', color: 'warning' },
  revoked: { label: 'Revoked', color: 'default' },
  terminated: { label: 'Terminated', color: 'error' },
  expired: { label: 'Expired', color: 'default' },
});

export const TOPIC_PROPOSAL_STATUSES = enumOptions(contract.TOPIC_PROPOSAL_STATUSES, {
  pending: { label: 'Pending', color: 'warning' },
  approved: { label: 'Approved', color: 'success' },
  rejected: { label: 'Rejected', color: 'default' },
});

export const GRANT_STATUSES = enumOptions(contract.GRANT_STATUSES, {
  pending: { label: 'Pending review', color: 'info' },
  scheduled: { label: 'Scheduled', color: 'default' },
  active: { label: 'Active', color: 'success' },
  expired: { label: 'Expired', color: 'error' },
  closed: { label: 'Closed', color: 'default' },
});

export const RENEWAL_STATES = enumOptions(contract.RENEWAL_STATES, {
  none: { label: 'None', color: 'default' },
  requested: { label: 'Renewal requested', color: 'warning' },
  approved: { label: 'Renewed', color: 'success' },
  denied: { label: 'Renewal denied', color: 'error' },
});

export const KEY_KINDS = enumOptions(contract.API_KEY_KINDS, {
  sandbox: { label: 'Sandbox', color: 'default' },
  production: { label: 'Production', color: 'primary' },
});
