import { defaultTheme, type RaThemeOptions } from 'react-admin';

export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    primary: { main: '#283593' },
    secondary: { main: '#00897b' },
    background: { default: '#f5f6fa' },
  },
  shape: { borderRadius: 8 },
  components: {
    ...defaultTheme.components,
    RaAppBar: { styleOverrides: { root: { '& .RaAppBar-toolbar': { minHeight: 48 } } } },
    // Clickable list rows take keyboard focus (layout/keyboardRows.ts): show where it is.
    MuiTableRow: {
      styleOverrides: {
        root: {
          '&.RaDatagrid-clickableRow:focus-visible, &.RaDataTable-clickableRow:focus-visible': {
            outline: '2px solid #283593',
            outlineOffset: -2,
          },
        },
      },
    },
  },
};
