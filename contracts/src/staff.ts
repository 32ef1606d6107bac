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
