import { randomBytes } from 'node:crypto';

/** A syntactically valid Warden key for first-run bootstrap in tests. */
export function testApiKey(): string {
  const alphanumeric = (length: number) =>
    randomBytes(length * 2)
      .toString('base64')
      .replace(/[^A-Za-z0-9]/g, '')
      .slice(0, length);
  return `wk-${alphanumeric(8)}_${alphanumeric(40)}`;
}
