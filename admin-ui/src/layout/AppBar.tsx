import Shield from '@mui/icons-material/Shield';
import { Box, Typography } from '@mui/material';
import { AppBar as RaAppBar, TitlePortal } from 'react-admin';

export const AppBar = () => (
  <RaAppBar color="primary">
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.75, mr: 2 }}>
      <Shield fontSize="small" />
      <Typography variant="h6" component="span" sx={{ fontWeight: 700, letterSpacing: 0.5 }}>
        Warden
      </Typography>
    </Box>
    <Box component="span" sx={{ opacity: 0.5, mr: 2, display: { xs: 'none', sm: 'inline' } }}>
      |
    </Box>
    <TitlePortal variant="subtitle1" />
  </RaAppBar>
);
