import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import applications from './applications';
import { authProvider } from './authProvider';
import { dataProvider } from './dataProvider';
import { Layout } from './layout/Layout';
import { LoginPage } from './layout/LoginPage';
import research from './research';
import { SignUpPage } from './layout/SignUpPage';
import { theme } from './layout/theme';

export const App = () => (
  <Admin
    title="Warden for developers"
    dataProvider={dataProvider}
    authProvider={authProvider}
    layout={Layout}
    loginPage={LoginPage}
    theme={theme}
    disableTelemetry
  >
    <Resource name="applications" {...applications} />
    <Resource name="keys" />
    <Resource name="research-grants" {...research} />
    <Resource name="research-keys" />
    <CustomRoutes noLayout>
      <Route path="/sign-up" element={<SignUpPage />} />
    </CustomRoutes>
  </Admin>
);
