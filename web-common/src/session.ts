import { fetchUtils, HttpError } from 'react-admin';
import type { TokenResponse } from '@warden/contracts';

export interface Session<User> {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds after which the access token is expected to be refused. */
  expiresAt: number;
  user: User;
}

export interface SessionClientOptions {
  /** The API the app talks to, on the app's own origin: its auth endpoints are `${apiUrl}/auth/*`. */
  apiUrl: string;
  /** One key per app: a staff member who is also a developer may be signed in to both on one origin. */
  storageKey: string;
}

/** A call made with no session at all, as opposed to a session the server stopped accepting. */
export class NotSignedInError extends HttpError {
  constructor() {
    super('Not signed in', 401);
  }
}

function withBearer(options: fetchUtils.Options, accessToken: string): fetchUtils.Options {
  const headers = new Headers(options.headers ?? { Accept: 'application/json' });
  headers.set('Authorization', `Bearer ${accessToken}`);
  return { ...options, headers };
}

/** The signed-in user's tokens, kept in localStorage and refreshed when the server refuses the access token. */
export function createSessionClient<User>({ apiUrl, storageKey }: SessionClientOptions) {
  type Tokens = TokenResponse<User>;

  /**
   * Set when the server refused to refresh the session. The dead session stays stored until react-admin logs out,
   * because it only tells the user why while `checkAuth` still passes.
   */
  let ended = false;
  let refreshing: Promise<Session<User> | null> | null = null;
  const listeners = new Set<() => void>();

  function readSession(): Session<User> | null {
    const raw = localStorage.getItem(storageKey);
    if (!raw) return null;
    try {
      return JSON.parse(raw) as Session<User>;
    } catch {
      localStorage.removeItem(storageKey);
      return null;
    }
  }

  function writeSession(session: Session<User> | null): void {
    if (session) localStorage.setItem(storageKey, JSON.stringify(session));
    else localStorage.removeItem(storageKey);
    listeners.forEach((listener) => listener());
  }

  /** Lets an auth provider drop what it cached about the previous user when the session changes. */
  function onSessionChange(listener: () => void): void {
    listeners.add(listener);
  }

  function toSession(tokens: Tokens): Session<User> {
    return {
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      expiresAt: Date.now() + tokens.expiresIn * 1000,
      user: tokens.user,
    };
  }

  /** A call that needs no session (sign-up, sign-in, refresh), or one made with a token in hand. */
  async function postJson<T>(path: string, body: unknown, accessToken?: string): Promise<T> {
    const headers = new Headers({ Accept: 'application/json' });
    if (accessToken) headers.set('Authorization', `Bearer ${accessToken}`);
    const { json } = await fetchUtils.fetchJson(`${apiUrl}${path}`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers,
    });
    return json as T;
  }

  async function logIn(email: string, password: string): Promise<Session<User>> {
    const session = toSession(await postJson<Tokens>('/auth/login', { email, password }));
    ended = false;
    writeSession(session);
    return session;
  }

  async function logOut(): Promise<void> {
    const session = readSession();
    ended = false;
    writeSession(null);
    if (!session) return;
    try {
      // The server ends the session the access token belongs to: the refresh token need not leave the browser.
      await postJson('/auth/logout', {}, session.accessToken);
    } catch {
      // The local session is gone either way; an expired token cannot be logged out twice.
    }
  }

  /** One refresh at a time: concurrent 401s from a page full of queries share the same attempt. */
  function refresh(stale: Session<User>): Promise<Session<User> | null> {
    refreshing ??= postJson<Tokens>('/auth/refresh', { refreshToken: stale.refreshToken })
      .then((tokens) => {
        const session = toSession(tokens);
        writeSession(session);
        return session;
      })
      .catch(() => {
        ended = true;
        return null;
      })
      .finally(() => {
        refreshing = null;
      });
    return refreshing;
  }

  /**
   * `fetchJson` with the user's bearer token. On a 401 it refreshes the session once and retries; if that fails
   * too the 401 propagates and the auth provider's `checkError` logs the user out.
   */
  async function httpClient(url: string, options: fetchUtils.Options = {}) {
    const session = readSession();
    // Signed out: answer as the server would without asking it, so react-admin goes straight to the login page.
    if (!session) throw new NotSignedInError();
    if (ended) throw new HttpError('Your session has ended', 401);
    try {
      return await fetchUtils.fetchJson(url, withBearer(options, session.accessToken));
    } catch (error) {
      if (!(error instanceof HttpError) || error.status !== 401) throw error;
      // Another request may have refreshed the session meanwhile.
      const current = readSession();
      const renewed =
        current && current.accessToken !== session.accessToken ? current : await refresh(session);
      if (!renewed) throw error;
      return fetchUtils.fetchJson(url, withBearer(options, renewed.accessToken));
    }
  }

  return { readSession, onSessionChange, postJson, logIn, logOut, httpClient };
}

export type SessionClient<User> = ReturnType<typeof createSessionClient<User>>;
