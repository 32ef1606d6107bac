import { Admin } from 'react-admin';
import { dataProvider } from './dataProvider';
import { Dashboard } from './Dashboard';

export const App = () => <Admin title="Warden" dataProvider={dataProvider} dashboard={Dashboard} disableTelemetry />;
