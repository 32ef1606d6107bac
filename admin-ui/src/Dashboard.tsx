import { Card, CardContent, CardHeader, Typography } from '@mui/material';

export const Dashboard = () => (
  <Card>
    <CardHeader title="Warden" />
    <CardContent>
      <Typography>
        The staff console: production reviews, API keys, policies, request logs and monitoring.
      </Typography>
    </CardContent>
  </Card>
);
