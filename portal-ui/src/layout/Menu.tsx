import Description from '@mui/icons-material/Description';
import OpenInNew from '@mui/icons-material/OpenInNew';
import { Divider, ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import { Menu as RaMenu, useSidebarState } from 'react-admin';

/** Applications, research access, and the OpenAPI reference the same server publishes (outside the portal, in a new tab). */
export const Menu = () => {
  const [open] = useSidebarState();
  return (
    <RaMenu>
      <RaMenu.ResourceItem name="applications" />
      <RaMenu.ResourceItem name="research-grants" />
      <Divider sx={{ my: 1 }} />
      <MenuItem component="a" href="/docs" target="_blank" rel="noopener">
        <ListItemIcon>
          <Description fontSize="small" />
        </ListItemIcon>
        {open && <ListItemText>API reference</ListItemText>}
        {open && <OpenInNew fontSize="inherit" sx={{ opacity: 0.6 }} />}
      </MenuItem>
    </RaMenu>
  );
};
