import { wardenTheme } from '@warden/web-common';
import type { RaThemeOptions } from 'react-admin';

const PRIMARY = '#283593';
const base = wardenTheme({ primary: PRIMARY, secondary: '#00897b', background: '#f5f6fa' });

export const theme: RaThemeOptions = {
  ...base,
  components: {
    ...base.components,
    // Clickable list rows take keyboard focus (layout/keyboardRows.ts): show where it is.
    MuiTableRow: {
      styleOverrides: {
        root: {
          '&.RaDatagrid-clickableRow:focus-visible, &.RaDataTable-clickableRow:focus-visible': {
            outline: `2px solid ${PRIMARY}`,
            outlineOffset: -2,
          },
        },
      },
    },
  },
};
