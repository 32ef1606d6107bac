import type { AuthProvider, UserIdentity } from 'react-admin';
import { sessionAuthProvider } from '@warden/web-common';
import { logIn, logOut, readSession } from './session';

export const authProvider: AuthProvider = {
  ...sessionAuthProvider({ logIn, logOut, readSession }),
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
