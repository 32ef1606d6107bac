import { FastifyInstance } from 'fastify';

/**
 * The browser apps the api serves (the staff console, the developer portal) keep session tokens in their storage,
 * so they must not be framed (clickjacking), load script from anywhere but themselves, or leak their URLs as
 * referrers. MUI injects its styles at run time, hence 'unsafe-inline' for styles only; the favicon is a data: URL.
 */
export const WEB_APP_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; '),
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'cross-origin-opener-policy': 'same-origin',
};

/** `/console`, `/console/…` and `/console?…`, but not `/consoles`. */
function isUnder(url: string, path: string): boolean {
  return url === path || url.startsWith(`${path}/`) || url.startsWith(`${path}?`);
}

/** Every answer under the apps' paths (e.g. `/console`), files, redirects and 404s alike, carries the headers. */
export function addWebAppSecurityHeaders(fastify: FastifyInstance, paths: readonly string[]): void {
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (paths.some((path) => isUnder(request.url, path))) {
      reply.headers(WEB_APP_SECURITY_HEADERS);
    }
    return payload;
  });
}
