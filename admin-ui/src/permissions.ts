import type { StaffRole } from './types';

/** The signed-in staff member as `GET /admin/auth/me` describes them; react-admin's "permissions". */
export interface Me {
  id: string;
  email: string;
  role: StaffRole;
  /** The server's role matrix applied to this role, e.g. `applications:read`, `api-keys:manage`. */
  permissions: string[];
}

const READ_ACTIONS = ['list', 'show', 'export'];
const KEY_OPERATIONS = ['create', 'rotate', 'revoke', 'suspend', 'unsuspend', 'terminate'];

/**
 * The server permission that covers a console action: react-admin's own (list, show, export, create, edit,
 * delete) plus `decide` on applications and each key operation on api-keys. Null: nobody may.
 */
function requiredPermission(resource: string, action: string): string | null {
  if (resource === 'staff') return 'staff:manage';
  if (READ_ACTIONS.includes(action)) return `${resource}:read`;
  switch (resource) {
    case 'applications':
      return action === 'decide' ? 'applications:decide' : null;
    case 'api-keys':
      return KEY_OPERATIONS.includes(action) ? 'api-keys:manage' : null;
    case 'policies':
      return action === 'edit' ? 'policies:write' : null;
    default:
      return null;
  }
}

/** Whether the console shows an action; the server refuses it anyway if this were wrong. */
export function can(me: Me | undefined, resource: string, action: string): boolean {
  const permission = requiredPermission(resource, action);
  return permission !== null && (me?.permissions ?? []).includes(permission);
}
