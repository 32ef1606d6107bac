import type { EnumOption } from '../common/EnumChipField';
import type { FineTuningJob } from '../fine-tuning-jobs/fineTuning';

/** A fine-tuned model's review record, as /admin/fine-tuned-models/:id returns it. */
export interface FineTunedModel {
  id: string;
  jobId: string;
  baseModel: string;
  /** Set when the upstream trained it: requests go there under this id. */
  upstreamModel: string | null;
  reviewStatus: string;
  biasRunId: string | null;
  baseBiasRunId: string | null;
  samples: Array<{ prompt: string; base: string; tuned: string }>;
  reviewedAt: string | null;
  reviewNote: string | null;
  createdAt: string;
  job?: FineTuningJob | null;
}

export const MODEL_REVIEW_STATUSES: Record<string, EnumOption> = {
  pending_review: { label: 'Awaiting review', color: 'warning' },
  approved: { label: 'Approved', color: 'success' },
  rejected: { label: 'Rejected', color: 'error' },
  retired: { label: 'Retired', color: 'default' },
};
