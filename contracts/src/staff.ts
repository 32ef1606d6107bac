import { z } from 'zod';
import { email, timestamp } from './shapes';

/** Staff roles and the permission matrix: the server enforces it, the console hides what a role cannot do. */
export const StaffRole = {
  Admin: 'admin',
  Reviewer: 'reviewer',
  Analyst: 'analyst',
  /** Works labeling queues and nothing else. */
  Labeler: 'labeler',
} as const;
export type StaffRole = (typeof StaffRole)[keyof typeof StaffRole];
export const STAFF_ROLES = Object.values(StaffRole);

export const Permission = {
  ApplicationsRead: 'applications:read',
  /** Review decisions: start review, approve, request changes, reject, suspend, reinstate, terminate. */
  ApplicationsDecide: 'applications:decide',
  ApiKeysRead: 'api-keys:read',
  /** Create, rotate, revoke, suspend, unsuspend and terminate keys; lift an application's enforcement. */
  ApiKeysManage: 'api-keys:manage',
  OrganizationsRead: 'organizations:read',
  PoliciesRead: 'policies:read',
  PoliciesWrite: 'policies:write',
  /** Put a shadow-replayed policy proposal in force. */
  PolicyProposalsApply: 'policy-proposals:apply',
  /** The staff resource: list, create, change role or password, delete. */
  StaffManage: 'staff:manage',
  AuditLogRead: 'audit-log:read',
  RequestLogsRead: 'request-logs:read',
  BiasRunsRead: 'bias-runs:read',
  /** Start bias runs (they cost compute, so reviewers only read them and attach them to reviews). */
  BiasRunsStart: 'bias-runs:start',
  /** Dashboards and alerts. */
  MonitoringRead: 'monitoring:read',
  /** Acknowledge and resolve alerts. */
  AlertsManage: 'alerts:manage',
  /** Edit anomaly rules (thresholds and the action they take). */
  AnomalyRulesWrite: 'anomaly-rules:write',
  EndUsersRead: 'end-users:read',
  /** Lift an end user's throttle or block. */
  EndUsersManage: 'end-users:manage',
  HeldCompletionsRead: 'held-completions:read',
  /** Release or discard an output held for review. */
  HeldCompletionsDecide: 'held-completions:decide',
  /** See labeling queues and take their next item (text, scores, thresholds). */
  LabelQueuesRead: 'label-queues:read',
  /** Create and close queues, and export labeled datasets. */
  LabelQueuesManage: 'label-queues:manage',
  /** List every label (developer, end-user and staff). */
  LabelsRead: 'labels:read',
  /** Label calls, in a queue or directly (a false positive refunds strike points). */
  LabelsWrite: 'labels:write',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];

/**
 * The role matrix: the one place roles are given permissions (README's table is this table).
 *
 *                                      admin   reviewer  analyst  labeler
 */
// prettier-ignore
const MATRIX: ReadonlyArray<readonly [Permission, boolean, boolean, boolean, boolean]> = [
  [Permission.ApplicationsRead,       true,   true,     true,    false],
  [Permission.ApplicationsDecide,     true,   true,     false,   false],
  [Permission.ApiKeysRead,            true,   true,     true,    false],
  [Permission.ApiKeysManage,          true,   true,     false,   false],
  [Permission.OrganizationsRead,      true,   true,     true,    false],
  [Permission.PoliciesRead,           true,   true,     true,    false],
  [Permission.PoliciesWrite,          true,   true,     false,   false],
  [Permission.PolicyProposalsApply,   true,   false,    false,   false],
  [Permission.StaffManage,            true,   false,    false,   false],
  [Permission.AuditLogRead,           true,   true,     true,    false],
  [Permission.RequestLogsRead,        true,   true,     true,    false],
  [Permission.BiasRunsRead,           true,   true,     true,    false],
  [Permission.BiasRunsStart,          true,   false,    true,    false],
  [Permission.MonitoringRead,         true,   true,     true,    false],
  [Permission.AlertsManage,           true,   true,     true,    false],
  [Permission.AnomalyRulesWrite,      true,   false,    false,   false],
  [Permission.EndUsersRead,           true,   true,     true,    false],
  [Permission.EndUsersManage,         true,   true,     false,   false],
  [Permission.HeldCompletionsRead,    true,   true,     true,    false],
  [Permission.HeldCompletionsDecide,  true,   true,     false,   false],
  [Permission.LabelQueuesRead,        true,   false,    true,    true],
  [Permission.LabelQueuesManage,      true,   false,    true,    false],
  [Permission.LabelsRead,             true,   true,     true,    false],
  [Permission.LabelsWrite,            true,   false,    true,    true],
];

const COLUMN: Record<StaffRole, 1 | 2 | 3 | 4> = {
  [StaffRole.Admin]: 1,
  [StaffRole.Reviewer]: 2,
  [StaffRole.Analyst]: 3,
  [StaffRole.Labeler]: 4,
};

export function permissionsFor(role: StaffRole): Permission[] {
  return MATRIX.filter((row) => row[COLUMN[role]]).map(([permission]) => permission);
}

export function may(role: StaffRole, permission: Permission): boolean {
  return MATRIX.some((row) => row[0] === permission && row[COLUMN[role]]);
}

/**
 * Request bodies of `/admin/auth` and `/admin/staff`. The server adds the password-strength check (a dictionary
 * that stays server-side) to the bodies that set a password.
 */
/** The first rule of the server's strength check, the one a form can tell before sending the password. */
export const MIN_PASSWORD_LENGTH = 12;

export const loginSchema = z.object({
  email: z.string().min(1).max(320),
  password: z.string().min(1).max(1024),
});
export const refreshSchema = z.object({ refreshToken: z.string().min(1).max(200) });
const password = z.string().max(1024);
export const createStaffSchema = z.object({ email, password, role: z.enum(STAFF_ROLES) });
export const updateStaffSchema = z.object({
  role: z.enum(STAFF_ROLES).optional(),
  password: password.optional(),
});
export type CreateStaffInput = z.input<typeof createStaffSchema>;
export type UpdateStaffInput = z.input<typeof updateStaffSchema>;

export const staffUserSummarySchema = z.strictObject({
  id: z.uuid(),
  email: z.string(),
  role: z.enum(STAFF_ROLES),
});
export type StaffUserSummary = z.infer<typeof staffUserSummarySchema>;

/** `GET /admin/auth/me`: the role matrix applied to the signed-in member's role. */
export const meResponseSchema = staffUserSummarySchema.extend({
  permissions: z.array(z.enum(Object.values(Permission))),
});
export type MeResponse = z.infer<typeof meResponseSchema>;

/** The answer to a sign-in or refresh, on both surfaces; `user` is the surface's own summary. */
export function tokenResponseSchema<User extends z.ZodType>(user: User) {
  return z.strictObject({
    accessToken: z.string().min(1),
    refreshToken: z.string().min(1),
    /** Seconds until the access token expires. */
    expiresIn: z.number().int().positive(),
    user,
  });
}
export interface TokenResponse<User> {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: User;
}

/** `GET /admin/staff`. */
export const staffResponseSchema = staffUserSummarySchema.extend({
  createdAt: timestamp,
  /** Set only while a lock-out is in force. */
  lockedUntil: timestamp.nullable(),
});
export type StaffResponse = z.infer<typeof staffResponseSchema>;
