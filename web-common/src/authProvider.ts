import { HttpError, type AuthProvider } from 'react-admin';
import type { SessionClient } from './session';

export interface LoginParams {
  email: string;
  password: string;
}

/** react-admin redirects to the login page without a notification when a rejection says `message: false`. */
const QUIET_REJECTION = { message: false };

/** Signing in and out, and when to send the user back to the login page; each app adds who the user is. */
export function sessionAuthProvider(
  session: Pick<SessionClient<unknown>, 'logIn' | 'logOut' | 'readSession'>,
): Pick<AuthProvider, 'login' | 'logout' | 'checkAuth' | 'checkError'> {
  return {
    login: async ({ email, password }: LoginParams) => {
      await session.logIn(email, password);
    },
    logout: async () => {
      await session.logOut();
    },
    checkAuth: async () => {
      // Nothing to notify: the login page says it all.
      if (!session.readSession()) throw QUIET_REJECTION;
    },
    checkError: async (error: unknown) => {
      // A 401 here means the http client could not refresh the session (or there never was one): react-admin
      // logs out. Anything else (a 403 this role may not do, a 409 for a submitted application) is the page's to
      // show, and the user stays signed in.
      if (error instanceof HttpError && error.status === 401) {
        throw session.readSession()
          ? new Error('Your session has ended. Please sign in again.')
          : QUIET_REJECTION;
      }
    },
  };
}
