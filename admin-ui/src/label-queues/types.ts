import type { ItemVerdict, LabelQueueResponse, QueueItemResponse } from '@warden/contracts';
import type { RaRecord } from 'react-admin';

/** `/admin/label-queues` as the console reads it: the contract's answer (`agreement` on show only). */
export type LabelQueue = LabelQueueResponse & RaRecord<string>;

export type { ItemVerdict };

/** `GET /admin/label-queues/:id/next`: the labeler's next item. */
export type QueueItem = QueueItemResponse;

/** What a labeler sends for one item. */
export type ItemJudgment =
  | { skip: true; comment?: string }
  | { categories: Record<string, boolean>; falsePositive: boolean; comment?: string };
