import {
  MODEL_REVIEW_STATUSES as MODEL_REVIEW_STATUS_LIST,
  type FineTunedModelResponse,
} from '@warden/contracts';
import { enumOptions } from '@warden/web-common';

/** A fine-tuned model's review record, as /admin/fine-tuned-models/:id returns it. */
export type FineTunedModel = FineTunedModelResponse;

export const MODEL_REVIEW_STATUSES = enumOptions(MODEL_REVIEW_STATUS_LIST, {
  pending_review: { label: 'Awaiting review', color: 'warning' },
  approved: { label: 'Approved', color: 'success' },
  rejected: { label: 'Rejected', color: 'error' },
  retired: { label: 'Retired', color: 'default' },
});
