import type { WebhookEvent } from '@warden/contracts';

/** What each notification tells the developer; typed by the contract's list, so a new event needs its line here. */
export const WEBHOOK_EVENT_LABELS: Record<WebhookEvent, string> = {
  'end_user.throttled': 'An end user’s strike points reached your policy’s throttle threshold',
  'end_user.blocked': 'An end user’s strike points reached the block threshold: their calls are refused',
  'end_user.unblocked': 'Staff lifted an end user’s throttle or block; their strikes start again from zero',
  'held_completion.released': 'Staff released an output your policy held for review',
  'held_completion.discarded': 'Staff discarded an output your policy held for review',
};
