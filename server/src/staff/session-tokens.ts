import { createHash, randomBytes } from 'node:crypto';
import { SessionAudience } from './session.entity';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const REFRESH_TOKEN_TTL_SECONDS: Record<SessionAudience, number> = {
  [SessionAudience.Staff]: 12 * 3600,
  [SessionAudience.Developer]: 30 * 24 * 3600,
};

const PREFIXES: Record<SessionAudience, { access: string; refresh: string }> = {
  [SessionAudience.Staff]: { access: 'wsa_', refresh: 'wsr_' },
  [SessionAudience.Developer]: { access: 'wda_', refresh: 'wdr_' },
};

export type TokenUse = 'access' | 'refresh';

/** 256 random bits; the prefix names the audience and use, so a leaked token is recognizable in a scan. */
export function generateSessionToken(audience: SessionAudience, use: TokenUse): string {
  return `${PREFIXES[audience][use]}${randomBytes(32).toString('base64url')}`;
}

export function hasTokenShape(token: string, audience: SessionAudience, use: TokenUse): boolean {
  return token.startsWith(PREFIXES[audience][use]) && /^[A-Za-z0-9_-]{40,60}$/.test(token.slice(4));
}

/** Tokens are long random strings, so sha256 is enough to make a stolen table useless. */
export function hashSessionToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

export function bearerToken(authorization: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
}
