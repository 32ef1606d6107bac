import { z } from 'zod';
import { timestamp } from './shapes';

/** An end user's standing with its application: strikes throttle, then block, that end user alone. */
export const EndUserStatus = { Active: 'active', Throttled: 'throttled', Blocked: 'blocked' } as const;
export type EndUserStatus = (typeof EndUserStatus)[keyof typeof EndUserStatus];
export const END_USER_STATUSES = Object.values(EndUserStatus);

/** `POST /admin/end-users/:id/unblock` and `/block`: staff decisions, each with its reason for the audit log. */
export const endUserDecisionSchema = z.strictObject({
  reason: z.string().trim().min(1, 'a reason is required'),
});

/** `GET /admin/end-users`: an application's end user (the `user` field of its calls). */
export const endUserResponseSchema = z.strictObject({
  /** `<applicationId>:<end user>`, the id react-admin carries. */
  id: z.string().min(38),
  applicationId: z.uuid(),
  applicationName: z.string(),
  endUser: z.string(),
  requestCount: z.number().int().min(0),
  flaggedCount: z.number().int().min(0),
  flaggedRate: z.number().min(0).max(1),
  strikePoints: z.number().min(0),
  status: z.enum(END_USER_STATUSES),
  /** Staff blocked the end user: the block stands until staff lift it, however the strike points fade. */
  blockedByStaff: z.boolean(),
  statusReason: z.string().nullable(),
  statusChangedAt: timestamp.nullable(),
  firstSeenAt: timestamp,
  lastSeenAt: timestamp,
});
export type EndUserResponse = z.infer<typeof endUserResponseSchema>;
