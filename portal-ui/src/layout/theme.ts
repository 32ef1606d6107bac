import { defaultTheme, type RaThemeOptions } from 'react-admin';

/** The console's look in another colour, so nobody mistakes the developer portal for the staff console. */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    primary: { main: '#00796b' },
    secondary: { main: '#283593' },
    background: { default: '#f5f7f7' },
  },
  shape: { borderRadius: 8 },
  components: {
    ...defaultTheme.components,
    RaAppBar: { styleOverrides: { root: { '& .RaAppBar-toolbar': { minHeight: 48 } } } },
  },
};
