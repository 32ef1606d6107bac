import Shield from '@mui/icons-material/Shield';
import { Box, Typography } from '@mui/material';
import { AppBar, TitlePortal, type AppBarProps } from 'react-admin';

export interface WardenAppBarProps extends AppBarProps {
  /** Said after the name, for an app other than the staff console ("for developers"). */
  product?: string;
}

/** The shield and the name, then the page's title. */
export const WardenAppBar = ({ product, ...appBarProps }: WardenAppBarProps) => (
  <AppBar color="primary" {...appBarProps}>
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.75, mr: 2 }}>
      <Shield fontSize="small" />
      <Typography variant="h6" component="span" sx={{ fontWeight: 700, letterSpacing: 0.5 }}>
        Warden
      </Typography>
      {product && (
        <Typography variant="subtitle2" component="span" sx={{ opacity: 0.8, ml: 0.5 }}>
          {product}
        </Typography>
      )}
    </Box>
    <Box component="span" sx={{ opacity: 0.5, mr: 2, display: { xs: 'none', sm: 'inline' } }}>
      |
    </Box>
    <TitlePortal variant="subtitle1" />
  </AppBar>
);
