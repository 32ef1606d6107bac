import { HttpError, type AuthProvider, type UserIdentity } from 'react-admin';
import { logIn, logOut, readSession } from './session';

export interface LoginParams {
  email: string;
  password: string;
}

/** react-admin redirects to the login page without a notification when a rejection says `message: false`. */
const QUIET_REJECTION = { message: false };

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
    // logs out. Anything else (a 409 for a submitted application, a 403 under enforcement) is the page's to show.
    if (error instanceof HttpError && error.status === 401) {
      throw readSession() ? new Error('Your session has ended. Please sign in again.') : QUIET_REJECTION;
    }
  },
  // The sign-in answer names the developer and their organization: nothing to fetch.
  getIdentity: async (): Promise<UserIdentity> => {
    const session = readSession();
    if (!session) throw new Error('Not signed in');
    return {
      id: session.user.id,
      fullName: session.user.email,
      organizationName: session.user.organizationName,
    };
  },
};
