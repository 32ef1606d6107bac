import { formatDateTime, SHORT_DATE } from '@warden/web-common';
import type { NextStep } from '../applications/reviewSteps';
import type { ResearchGrant } from '../types';

const day = (instant: string | null) => (instant ? formatDateTime(instant, SHORT_DATE) : '—');

/** What the researcher should know or do next, by where the grant and its review are. */
export function grantStep(grant: ResearchGrant): NextStep {
  switch (grant.status) {
    case 'pending':
      if (grant.reviewState === 'rejected') {
        return {
          severity: 'error',
          title: 'Rejected',
          text: 'The reviewer’s rationale is in the review history.',
        };
      }
      if (grant.reviewState === 'changes_requested') {
        return {
          severity: 'warning',
          title: 'Changes requested',
          text: 'The reviewer’s feedback is in the review history.',
        };
      }
      return {
        severity: 'info',
        title: 'Waiting for staff review',
        text: 'Staff set the grant’s dates, quotas and research policy profile when they approve it. You can create keys once it is approved.',
      };
    case 'scheduled':
      return {
        severity: 'info',
        title: `Approved: access starts ${day(grant.startsAt)}`,
        text: 'Keys you create now work from the start date until they expire, at the latest when the grant ends.',
      };
    case 'active':
      return {
        severity: 'success',
        title: `Active until ${day(grant.endsAt)}`,
        text: 'Create a key below; it works until the expiry you choose, at the latest when the grant ends. Need longer? Request a renewal.',
      };
    case 'expired':
      return {
        severity: 'warning',
        title: `Expired on ${day(grant.endsAt)}`,
        text: 'Calls under this grant are refused. Request a renewal to continue the study.',
      };
    case 'closed':
      return { severity: 'error', title: 'Closed', text: 'This grant and its keys no longer work.' };
  }
}
