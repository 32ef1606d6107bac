import type { AuthProvider, UserIdentity } from 'react-admin';
import { sessionAuthProvider } from '@warden/web-common';
import { can, type Me } from './permissions';
import { API_URL, httpClient, logIn, logOut, onSessionChange, readSession } from './session';

let me: Promise<Me> | null = null;
onSessionChange(() => {
  me = null;
});

/** The signed-in staff member as the server sees them, fetched once per session. */
function getMe(): Promise<Me> {
  if (!readSession()) return Promise.reject(new Error('Not signed in'));
  me ??= httpClient(`${API_URL}/auth/me`).then(({ json }) => json as Me);
  me.catch(() => {
    me = null;
  });
  return me;
}

export const authProvider: AuthProvider = {
  ...sessionAuthProvider({ logIn, logOut, readSession }),
  getIdentity: async (): Promise<UserIdentity> => {
    const user = await getMe();
    return { id: user.id, fullName: user.email, role: user.role };
  },
  getPermissions: async () => (readSession() ? getMe() : undefined),
  canAccess: async ({ resource, action }) => {
    if (!readSession()) return false;
    return can(await getMe(), resource, action);
  },
};
