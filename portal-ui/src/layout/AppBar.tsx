import Shield from '@mui/icons-material/Shield';
import { Box, Typography } from '@mui/material';
import { LoadingIndicator, AppBar as RaAppBar, TitlePortal, useGetIdentity } from 'react-admin';

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
  <RaAppBar
    alwaysOn
    color="primary"
    toolbar={
      <>
        <Organization />
        <LoadingIndicator />
      </>
    }
  >
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.75, mr: 2 }}>
      <Shield fontSize="small" />
      <Typography variant="h6" component="span" sx={{ fontWeight: 700, letterSpacing: 0.5 }}>
        Warden
      </Typography>
      <Typography variant="subtitle2" component="span" sx={{ opacity: 0.8, ml: 0.5 }}>
        for developers
      </Typography>
    </Box>
    <Box component="span" sx={{ opacity: 0.5, mr: 2, display: { xs: 'none', sm: 'inline' } }}>
      |
    </Box>
    <TitlePortal variant="subtitle1" />
  </RaAppBar>
);
