import { fetchUtils, HttpError } from 'react-admin';
import type { DeveloperSummary, TokenResponse as ContractTokenResponse } from '@warden/contracts';

/** The portal API lives beside the portal on the same origin. */
export const API_URL = '/portal';

export interface Session {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds after which the access token is expected to be refused. */
  expiresAt: number;
  user: DeveloperSummary;
}

type TokenResponse = ContractTokenResponse<DeveloperSummary>;

// Not the console's key: a staff member who is also a developer may be signed in to both on one origin.
const STORAGE_KEY = 'warden.portal.session';
/**
 * Set when the server refused to refresh the session. The dead session stays stored until react-admin logs out,
 * because it only tells the user why while `checkAuth` still passes.
 */
let ended = false;

export function readSession(): Session | null {
  const raw = localStorage.getItem(STORAGE_KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as Session;
  } catch {
    localStorage.removeItem(STORAGE_KEY);
    return null;
  }
}

function writeSession(session: Session | null): void {
  if (session) localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  else localStorage.removeItem(STORAGE_KEY);
}

function toSession(tokens: TokenResponse): Session {
  return {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    expiresAt: Date.now() + tokens.expiresIn * 1000,
    user: tokens.user,
  };
}

/** A call that needs no session (sign-up, sign-in, refresh), or one made with a token in hand. */
export async function postJson<T>(path: string, body: unknown, accessToken?: string): Promise<T> {
  const headers = new Headers({ Accept: 'application/json' });
  if (accessToken) headers.set('Authorization', `Bearer ${accessToken}`);
  const { json } = await fetchUtils.fetchJson(`${API_URL}${path}`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers,
  });
  return json as T;
}

export async function logIn(email: string, password: string): Promise<Session> {
  const session = toSession(await postJson<TokenResponse>('/auth/login', { email, password }));
  ended = false;
  writeSession(session);
  return session;
}

export async function logOut(): Promise<void> {
  const session = readSession();
  ended = false;
  writeSession(null);
  if (!session) return;
  try {
    await postJson('/auth/logout', {}, session.accessToken);
  } catch {
    // The local session is gone either way; an expired token cannot be logged out twice.
  }
}

/** A call made with no session at all, as opposed to a session the server stopped accepting. */
export class NotSignedInError extends HttpError {
  constructor() {
    super('Not signed in', 401);
  }
}

let refreshing: Promise<Session | null> | null = null;

/** One refresh at a time: concurrent 401s from a page full of queries share the same attempt. */
function refresh(stale: Session): Promise<Session | null> {
  refreshing ??= postJson<TokenResponse>('/auth/refresh', { refreshToken: stale.refreshToken })
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

function withBearer(options: fetchUtils.Options, accessToken: string): fetchUtils.Options {
  const headers = new Headers(options.headers ?? { Accept: 'application/json' });
  headers.set('Authorization', `Bearer ${accessToken}`);
  return { ...options, headers };
}

/**
 * `fetchJson` with the developer's bearer token. On a 401 it refreshes the session once and retries; if that
 * fails too the 401 propagates and the auth provider's `checkError` logs the developer out.
 */
export async function httpClient(url: string, options: fetchUtils.Options = {}) {
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
    const renewed = current && current.accessToken !== session.accessToken ? current : await refresh(session);
    if (!renewed) throw error;
    return fetchUtils.fetchJson(url, withBearer(options, renewed.accessToken));
  }
}
