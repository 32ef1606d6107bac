import type { StaffUserSummary } from '@warden/contracts';
import { createSessionClient } from '@warden/web-common';

/** The staff API lives beside the console on the same origin. */
export const API_URL = '/admin';

export const { readSession, onSessionChange, logIn, logOut, httpClient } =
  createSessionClient<StaffUserSummary>({
    apiUrl: API_URL,
    storageKey: 'warden.console.session',
  });
