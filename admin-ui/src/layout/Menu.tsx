import { Divider } from '@mui/material';
import { Menu as RaMenu, useCanAccess } from 'react-admin';
import monitoring from '../monitoring';

/**
 * Review work first (applications, held outputs, topic proposals), then monitoring, then analysis and records; items the role
 * cannot list are hidden by `canAccess`.
 */
export const Menu = () => {
  const { canAccess: isAdmin } = useCanAccess({ resource: 'staff', action: 'list' });
  const { canAccess: canMonitor } = useCanAccess({ resource: 'monitoring', action: 'list' });
  return (
    <RaMenu>
      <RaMenu.DashboardItem />
      <RaMenu.ResourceItem name="applications" primaryText="Review queue" />
      <RaMenu.ResourceItem name="research-grants" />
      <RaMenu.ResourceItem name="held-completions" />
      <RaMenu.ResourceItem name="topic-proposals" />
      <RaMenu.ResourceItem name="api-keys" />
      <RaMenu.ResourceItem name="organizations" />
      <RaMenu.ResourceItem name="policies" />
      <RaMenu.ResourceItem name="fine-tuning-jobs" />
      <RaMenu.ResourceItem name="fine-tuned-models" />
      <RaMenu.ResourceItem name="policy-proposals" />
      <RaMenu.ResourceItem name="calibrations" />
      <Divider sx={{ my: 1 }} />
      {canMonitor && (
        <RaMenu.Item to={monitoring.path} primaryText={monitoring.label} leftIcon={<monitoring.icon />} />
      )}
      <RaMenu.ResourceItem name="alerts" />
      <RaMenu.ResourceItem name="anomaly-rules" />
      <RaMenu.ResourceItem name="request-logs" />
      <RaMenu.ResourceItem name="end-users" />
      <Divider sx={{ my: 1 }} />
      <RaMenu.ResourceItem name="label-queues" />
      <RaMenu.ResourceItem name="bias-runs" />
      <RaMenu.ResourceItem name="audit-log" />
      {isAdmin && <Divider sx={{ my: 1 }} />}
      <RaMenu.ResourceItem name="staff" />
    </RaMenu>
  );
};
