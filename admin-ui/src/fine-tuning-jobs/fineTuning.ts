import {
  FINE_TUNING_JOB_STATUSES,
  SCREENING_STATUSES as SCREENING_STATUS_LIST,
  type FineTuningJobResponse,
  type ScreeningReport,
} from '@warden/contracts';
import { enumOptions } from '@warden/web-common';

/** A fine-tuning job as /admin/fine-tuning-jobs returns it. */
export type FineTuningJob = FineTuningJobResponse;
export type { ScreeningReport };

export const JOB_STATUSES = enumOptions(FINE_TUNING_JOB_STATUSES, {
  validating_files: { label: 'Validating files', color: 'info' },
  queued: { label: 'Queued', color: 'default' },
  running: { label: 'Running', color: 'primary' },
  succeeded: { label: 'Succeeded', color: 'success' },
  failed: { label: 'Failed', color: 'error' },
  cancelled: { label: 'Cancelled', color: 'default' },
});

export const SCREENING_STATUSES = enumOptions(SCREENING_STATUS_LIST, {
  pending: { label: 'Pending', color: 'default' },
  passed: { label: 'Passed', color: 'success' },
  awaiting_review: { label: 'Awaiting review', color: 'warning' },
  approved: { label: 'Approved by staff', color: 'success' },
  rejected: { label: 'Rejected by staff', color: 'error' },
  flagged: { label: 'Flagged', color: 'error' },
});
