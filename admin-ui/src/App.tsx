import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import alerts from './alerts';
import anomalyRules from './anomaly-rules';
import apiKeys from './api-keys';
import applications from './applications';
import auditLog from './audit-log';
import { authProvider } from './authProvider';
import biasRuns, { BiasRunCompare } from './bias-runs';
import calibrations from './calibrations';
import { Dashboard } from './Dashboard';
import { dataProvider } from './dataProvider';
import endUsers from './end-users';
import fineTunedModels from './fine-tuned-models';
import fineTuningJobs from './fine-tuning-jobs';
import heldCompletions from './held-completions';
import labelQueues from './label-queues';
import { Layout } from './layout/Layout';
import { LoginPage } from './layout/LoginPage';
import { theme } from './layout/theme';
import monitoring from './monitoring';
import organizations from './organizations';
import policies from './policies';
import policyProposals from './policy-proposals';
import requestLogs from './request-logs';
import researchGrants from './research-grants';
import staff from './staff';
import topicProposals from './topic-proposals';

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
    <Resource name="research-grants" {...researchGrants} />
    <Resource name="held-completions" {...heldCompletions} />
    <Resource name="topic-proposals" {...topicProposals} />
    <Resource name="api-keys" {...apiKeys} />
    <Resource name="organizations" {...organizations} />
    <Resource name="policies" {...policies} />
    <Resource name="policy-proposals" {...policyProposals} />
    <Resource name="calibrations" {...calibrations} />
    <Resource name="alerts" {...alerts} />
    <Resource name="anomaly-rules" {...anomalyRules} />
    <Resource name="request-logs" {...requestLogs} />
    <Resource name="end-users" {...endUsers} />
    <Resource name="label-queues" {...labelQueues} />
    <Resource name="bias-runs" {...biasRuns}>
      <Route path=":id/compare/:otherId" element={<BiasRunCompare />} />
    </Resource>
    <Resource name="fine-tuning-jobs" {...fineTuningJobs} />
    <Resource name="fine-tuned-models" {...fineTunedModels} />
    <Resource name="audit-log" {...auditLog} />
    <Resource name="staff" {...staff} />
    <CustomRoutes>
      <Route path={monitoring.path} element={<monitoring.element />} />
    </CustomRoutes>
  </Admin>
);
