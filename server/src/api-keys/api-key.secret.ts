import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const KEY_PATTERN = /^wk-([A-Za-z0-9]{8})_([A-Za-z0-9]{32,64})$/;

function randomString(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    out += ALPHABET[randomInt(ALPHABET.length)];
  }
  return out;
}

/** `wk-<8-char public prefix>_<40-char secret>`: about 238 bits of entropy in the secret. */
export function generateApiKey(): string {
  return `wk-${randomString(8)}_${randomString(40)}`;
}

export function parseApiKey(key: string): { prefix: string } | null {
  const match = KEY_PATTERN.exec(key);
  return match ? { prefix: match[1] } : null;
}

/** Keys are long random strings, so a fast hash is enough; argon2 is for human passwords. */
export function hashApiKey(key: string): Buffer {
  return createHash('sha256').update(key).digest();
}

export function apiKeyMatches(key: string, storedHash: Buffer): boolean {
  const presented = hashApiKey(key);
  return presented.length === storedHash.length && timingSafeEqual(presented, storedHash);
}

/** What may appear in messages and logs instead of a key. */
export function maskApiKey(key: string): string {
  const parsed = parseApiKey(key);
  return parsed ? `wk-${parsed.prefix}_****` : '****';
}
