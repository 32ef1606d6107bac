import type { WebhookEvent } from '@warden/contracts';

/** What each notification tells the developer; typed by the contract's list, so a new event needs its line here. */
export const WEBHOOK_EVENT_LABELS: Record<WebhookEvent, string> = {
  'end_user.throttled':
    'An end user is throttled: their strike points reached your policy’s throttle threshold, or a block faded to it',
  'end_user.blocked':
    'An end user is blocked: their strike points reached the block threshold, or staff blocked them until they lift it; their calls are refused',
  'end_user.unblocked':
    'An end user is served again: staff lifted their throttle or block (strikes start again from zero), or their strike points faded below it',
  'held_completion.released': 'Staff released an output your policy held for review',
  'held_completion.discarded': 'Staff discarded an output your policy held for review',
};
