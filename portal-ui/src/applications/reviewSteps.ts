import { ReviewState } from '@warden/contracts';
import type { Application } from '../types';

/** The server takes edits and a submission only in these states (draft, or after a reviewer asked for changes). */
const OPEN_STATES: readonly string[] = [ReviewState.Draft, ReviewState.ChangesRequested];

export const isEditable = (application: Pick<Application, 'reviewState'>) =>
  OPEN_STATES.includes(application.reviewState);

/** New keys are issued while the application is in sandbox or live; a suspended or terminated one gets none. */
export const acceptsKeys = (application: Pick<Application, 'status'>) =>
  application.status === 'sandbox' || application.status === 'live';

export interface NextStep {
  severity: 'info' | 'success' | 'warning' | 'error';
  title: string;
  text: string;
}

/** What the developer should know or do next, by where the application is. */
export function nextStep(application: Application): NextStep {
  if (application.status === 'suspended') {
    return {
      severity: 'warning',
      title: 'Suspended',
      text: 'Staff suspended this application until they reinstate it; the feedback below says why.',
    };
  }
  if (application.status === 'terminated') {
    return { severity: 'error', title: 'Terminated', text: 'This application and its keys no longer work.' };
  }
  switch (application.reviewState) {
    case 'draft':
      return {
        severity: 'info',
        title: 'Draft: build against your sandbox key, then submit for review',
        text: 'Your sandbox key works now, at sandbox limits. Edit the answers as your plans firm up; submit when you are ready to go live.',
      };
    case 'submitted':
      return {
        severity: 'info',
        title: 'Submitted: waiting for a reviewer',
        text: 'A reviewer will read your answers. Your sandbox key keeps working meanwhile.',
      };
    case 'in_review':
      return {
        severity: 'info',
        title: 'In review',
        text: 'A reviewer is assessing your application. You will see their decision here.',
      };
    case 'changes_requested':
      return {
        severity: 'warning',
        title: 'Changes requested',
        text: 'Read the reviewer’s feedback, edit your answers, and submit the application again.',
      };
    case 'rejected':
      return {
        severity: 'error',
        title: 'Rejected',
        text: 'The reviewer’s rationale is below.',
      };
    case 'approved':
      return {
        severity: 'success',
        title: 'Approved: your application is live',
        text: 'Create a production key below to call the API at your approved limits.',
      };
  }
}
