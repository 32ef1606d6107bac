import { wardenTheme } from '@warden/web-common';

/** The console's look in another colour, so nobody mistakes the developer portal for the staff console. */
export const theme = wardenTheme({ primary: '#00796b', secondary: '#283593', background: '#f5f7f7' });
