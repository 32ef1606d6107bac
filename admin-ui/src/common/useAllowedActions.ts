import { usePermissions } from 'react-admin';
import { can, type Me } from '../permissions';

/** The subset of `actions` the signed-in role may perform on `resource` (same rule as `canAccess`). */
export function useAllowedActions<A extends string>(resource: string, actions: readonly A[]): A[] {
  const { permissions } = usePermissions<Me>();
  return actions.filter((action) => can(permissions, resource, action));
}
