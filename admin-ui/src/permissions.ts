import type { MeResponse } from '@warden/contracts';

/** The signed-in staff member as `GET /admin/auth/me` describes them; react-admin's "permissions". */
export type Me = MeResponse;

const READ_ACTIONS = ['list', 'show', 'export'];
const KEY_OPERATIONS = ['create', 'rotate', 'revoke', 'suspend', 'unsuspend', 'terminate'];

/**
 * Resources whose read permission is not `<resource>:read`: alerts are part of monitoring; fine-tuning jobs and
 * models are reviewed as part of the applications that own them (the server guards them with `applications:read`).
 */
const READ_PERMISSION: Record<string, string> = {
  alerts: 'monitoring:read',
  'research-grants': 'applications:read',
  // Topic proposals are part of an application's review.
  'topic-proposals': 'applications:read',
  'fine-tuning-jobs': 'applications:read',
  'fine-tuned-models': 'applications:read',
  calibrations: 'policies:read',
  'policy-proposals': 'policies:read',
  'anomaly-rules': 'monitoring:read',
};

/**
 * The server permission that covers a console action: react-admin's own (list, show, export, create, edit,
 * delete) plus the operations each resource adds (`decide` on applications and held outputs, each key operation,
 * `acknowledge`/`resolve` on alerts, `unblock`/`block` on end users, `attach` on bias runs). `monitoring` is the dashboard
 * route rather than a resource. Null: nobody may.
 */
function requiredPermission(resource: string, action: string): string | null {
  if (resource === 'staff') return 'staff:manage';
  if (READ_ACTIONS.includes(action)) return READ_PERMISSION[resource] ?? `${resource}:read`;
  switch (resource) {
    case 'applications':
    case 'topic-proposals':
      return action === 'decide' ? 'applications:decide' : null;
    case 'api-keys':
      return KEY_OPERATIONS.includes(action) ? 'api-keys:manage' : null;
    case 'policies':
      return action === 'edit' ? 'policies:write' : null;
    case 'calibrations':
      // Proposing from a calibration creates a policy proposal.
      return action === 'create' || action === 'propose' ? 'policies:write' : null;
    case 'policy-proposals':
      if (action === 'create' || action === 'replay') return 'policies:write';
      return action === 'apply' ? 'policy-proposals:apply' : null;
    case 'alerts':
      return action === 'acknowledge' || action === 'resolve' ? 'alerts:manage' : null;
    case 'anomaly-rules':
      return action === 'edit' ? 'anomaly-rules:write' : null;
    case 'end-users':
      return action === 'unblock' || action === 'block' ? 'end-users:manage' : null;
    case 'held-completions':
      return action === 'decide' ? 'held-completions:decide' : null;
    case 'label-queues':
      if (action === 'label') return 'labels:write';
      return ['create', 'close', 'download'].includes(action) ? 'label-queues:manage' : null;
    case 'research-grants':
      // Grant terms and renewals are part of the research application's review.
      return action === 'edit' || action === 'renew' ? 'applications:decide' : null;
    case 'bias-runs':
      if (action === 'create') return 'bias-runs:start';
      // Attaching a run to an application's review is a review decision's evidence.
      return action === 'attach' ? 'applications:decide' : null;
    default:
      return null;
  }
}

/** Whether the console shows an action; the server refuses it anyway if this were wrong. */
export function can(me: Me | undefined, resource: string, action: string): boolean {
  const permission = requiredPermission(resource, action);
  return permission !== null && (me?.permissions ?? []).some((granted) => granted === permission);
}
