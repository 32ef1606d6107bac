import { OPENAI_ERRORS } from './error-catalog';

/**
 * The /v1 refusals the key lifecycle and the review workflow add, in the shape of error-catalog.ts (kept apart only
 * because that file belongs to another change in flight; fold it in there).
 */
export const LIFECYCLE_ERRORS = {
  ...OPENAI_ERRORS,
  suspendedKey: { status: 401, type: 'invalid_request_error', code: 'key_suspended', param: null },
  terminatedKey: { status: 401, type: 'invalid_request_error', code: 'key_terminated', param: null },
  expiredKey: { status: 401, type: 'invalid_request_error', code: 'key_expired', param: null },
  applicationSuspended: { status: 403, type: 'permission_error', code: 'application_suspended', param: null },
  applicationTerminated: {
    status: 403,
    type: 'permission_error',
    code: 'application_terminated',
    param: null,
  },
} as const;

export type LifecycleErrorName = keyof typeof LIFECYCLE_ERRORS;
