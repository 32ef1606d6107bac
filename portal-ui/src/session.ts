import type { DeveloperSummary } from '@warden/contracts';
import { createSessionClient } from '@warden/web-common';

/** The portal API lives beside the portal on the same origin. */
export const API_URL = '/portal';

export const { readSession, postJson, logIn, logOut, httpClient } = createSessionClient<DeveloperSummary>({
  apiUrl: API_URL,
  storageKey: 'warden.portal.session',
});
