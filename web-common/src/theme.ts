import { defaultTheme, type RaThemeOptions } from 'react-admin';

export interface WardenColors {
  primary: string;
  secondary: string;
  background: string;
}

/** One look for both apps; each picks its colours, so nobody mistakes the developer portal for the staff console. */
export const wardenTheme = ({ primary, secondary, background }: WardenColors): RaThemeOptions => ({
  ...defaultTheme,
  palette: {
    primary: { main: primary },
    secondary: { main: secondary },
    background: { default: background },
  },
  shape: { borderRadius: 8 },
  components: {
    ...defaultTheme.components,
    RaAppBar: { styleOverrides: { root: { '& .RaAppBar-toolbar': { minHeight: 48 } } } },
  },
});
