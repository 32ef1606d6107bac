/** Staff roles and the permission matrix: the server enforces it, the console hides what a role cannot do. */
export const StaffRole = {
  Admin: 'admin',
  Reviewer: 'reviewer',
  Analyst: 'analyst',
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
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];

/**
 * The role matrix: the one place roles are given permissions (README's table is this table).
 *
 *                                      admin   reviewer  analyst
 */
// prettier-ignore
const MATRIX: ReadonlyArray<readonly [Permission, boolean, boolean, boolean]> = [
  [Permission.ApplicationsRead,       true,   true,     true],
  [Permission.ApplicationsDecide,     true,   true,     false],
  [Permission.ApiKeysRead,            true,   true,     true],
  [Permission.ApiKeysManage,          true,   true,     false],
  [Permission.OrganizationsRead,      true,   true,     true],
  [Permission.PoliciesRead,           true,   true,     true],
  [Permission.PoliciesWrite,          true,   true,     false],
  [Permission.PolicyProposalsApply,   true,   false,    false],
  [Permission.StaffManage,            true,   false,    false],
  [Permission.AuditLogRead,           true,   true,     true],
  [Permission.RequestLogsRead,        true,   true,     true],
  [Permission.BiasRunsRead,           true,   true,     true],
  [Permission.BiasRunsStart,          true,   false,    true],
  [Permission.MonitoringRead,         true,   true,     true],
  [Permission.AlertsManage,           true,   true,     true],
  [Permission.AnomalyRulesWrite,      true,   false,    false],
  [Permission.EndUsersRead,           true,   true,     true],
  [Permission.EndUsersManage,         true,   true,     false],
  [Permission.HeldCompletionsRead,    true,   true,     true],
  [Permission.HeldCompletionsDecide,  true,   true,     false],
];

const COLUMN: Record<StaffRole, 1 | 2 | 3> = {
  [StaffRole.Admin]: 1,
  [StaffRole.Reviewer]: 2,
  [StaffRole.Analyst]: 3,
};

export function permissionsFor(role: StaffRole): Permission[] {
  return MATRIX.filter((row) => row[COLUMN[role]]).map(([permission]) => permission);
}

export function may(role: StaffRole, permission: Permission): boolean {
  return MATRIX.some((row) => row[0] === permission && row[COLUMN[role]]);
}
