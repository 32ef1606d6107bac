import { Divider } from '@mui/material';
import { Menu as RaMenu, useCanAccess } from 'react-admin';

/** Review work first, then monitoring; items the role cannot list are hidden by `canAccess`. */
export const Menu = () => {
  const { canAccess: isAdmin } = useCanAccess({ resource: 'staff', action: 'list' });
  return (
    <RaMenu>
      <RaMenu.DashboardItem />
      <RaMenu.ResourceItem name="applications" primaryText="Review queue" />
      <RaMenu.ResourceItem name="api-keys" />
      <RaMenu.ResourceItem name="organizations" />
      <RaMenu.ResourceItem name="policies" />
      <Divider sx={{ my: 1 }} />
      <RaMenu.ResourceItem name="request-logs" />
      <RaMenu.ResourceItem name="audit-log" />
      {isAdmin && <Divider sx={{ my: 1 }} />}
      <RaMenu.ResourceItem name="staff" />
    </RaMenu>
  );
};
