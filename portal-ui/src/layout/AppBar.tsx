import { Typography } from '@mui/material';
import { LoadingIndicator, useGetIdentity } from 'react-admin';
import { WardenAppBar } from '@warden/web-common';

const Organization = () => {
  const { identity } = useGetIdentity();
  if (!identity?.organizationName) return null;
  return (
    <Typography variant="body2" sx={{ opacity: 0.85, mr: 1, display: { xs: 'none', md: 'block' } }}>
      {identity.organizationName}
    </Typography>
  );
};

export const AppBar = () => (
  <WardenAppBar
    alwaysOn
    product="for developers"
    toolbar={
      <>
        <Organization />
        <LoadingIndicator />
      </>
    }
  />
);
