import { Admin, Resource } from 'react-admin';
import apiKeys from './api-keys';
import applications from './applications';
import auditLog from './audit-log';
import { authProvider } from './authProvider';
import { Dashboard } from './Dashboard';
import { dataProvider } from './dataProvider';
import { Layout } from './layout/Layout';
import { LoginPage } from './layout/LoginPage';
import { theme } from './layout/theme';
import organizations from './organizations';
import policies from './policies';
import requestLogs from './request-logs';
import staff from './staff';

export const App = () => (
  <Admin
    title="Warden"
    dataProvider={dataProvider}
    authProvider={authProvider}
    dashboard={Dashboard}
    layout={Layout}
    loginPage={LoginPage}
    theme={theme}
    disableTelemetry
  >
    <Resource name="applications" {...applications} />
    <Resource name="api-keys" {...apiKeys} />
    <Resource name="organizations" {...organizations} />
    <Resource name="policies" {...policies} />
    <Resource name="request-logs" {...requestLogs} />
    <Resource name="audit-log" {...auditLog} />
    <Resource name="staff" {...staff} />
  </Admin>
);
