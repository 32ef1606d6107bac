import { HttpError, type AuthProvider, type UserIdentity } from 'react-admin';
import { can, type Me } from './permissions';
import { API_URL, httpClient, logIn, logOut, onSessionChange, readSession } from './session';

export interface LoginParams {
  email: string;
  password: string;
}

/** react-admin redirects to the login page without a notification when a rejection says `message: false`. */
const QUIET_REJECTION = { message: false };

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
  login: async ({ email, password }: LoginParams) => {
    await logIn(email, password);
  },
  logout: async () => {
    await logOut();
  },
  checkAuth: async () => {
    // Nothing to notify: the login page says it all.
    if (!readSession()) throw QUIET_REJECTION;
  },
  checkError: async (error: unknown) => {
    // A 401 here means the http client could not refresh the session (or there never was one): react-admin
    // logs out. A 403 only means this role may not do that: the page says so and the user stays signed in.
    if (error instanceof HttpError && error.status === 401) {
      throw readSession() ? new Error('Your session has ended. Please sign in again.') : QUIET_REJECTION;
    }
  },
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
