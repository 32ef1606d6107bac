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

export const KEY_KINDS = enumOptions(contract.API_KEY_KINDS, {
  sandbox: { label: 'Sandbox', color: 'default' },
  production: { label: 'Production', color: 'primary' },
});
