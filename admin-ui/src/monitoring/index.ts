import Insights from '@mui/icons-material/Insights';
import { MonitoringDashboard } from './MonitoringDashboard';

/** Not a resource: a custom route with its own menu item, shown to roles with `monitoring:read`. */
export default {
  path: '/monitoring',
  label: 'Monitoring',
  element: MonitoringDashboard,
  icon: Insights,
};
