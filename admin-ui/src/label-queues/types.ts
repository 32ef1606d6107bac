import type { CategoryAgreement, Sampling } from '@warden/contracts';
import type { RaRecord } from 'react-admin';

/** `/admin/label-queues` as the console reads it. */
export interface LabelQueue extends RaRecord<string> {
  name: string;
  filter: Record<string, unknown>;
  sampling: Sampling;
  targetSize: number;
  labelsPerItem: number;
  status: 'open' | 'closed';
  createdBy: string | null;
  createdAt: string;
  progress: { items: number; completed: number; labels: number; skipped: number };
  /** On show only. */
  agreement?: CategoryAgreement[];
}

export interface ItemVerdict {
  check: string;
  category: string;
  direction: string;
  score: number;
  threshold: number | null;
  triggered: boolean;
  action: string | null;
}

/** `GET /admin/label-queues/:id/next`: the labeler's next item. */
export interface QueueItem {
  queueId: string;
  requestId: string;
  position: number;
  remaining: number;
  createdAt: string;
  endpoint: string;
  model: string | null;
  prompt: string | null;
  output: string | null;
  verdicts: ItemVerdict[];
  thresholds: Record<string, { input?: number; output?: number }>;
}

/** What a labeler sends for one item. */
export type ItemJudgment =
  | { skip: true; comment?: string }
  | { categories: Record<string, boolean>; falsePositive: boolean; comment?: string };
