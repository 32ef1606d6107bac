import { FastifyInstance } from 'fastify';

/**
 * The staff console runs with staff tokens in its storage, so it must not be framed (clickjacking), load script
 * from anywhere but itself, or leak its URLs as referrers. MUI injects its styles at run time, hence
 * 'unsafe-inline' for styles only; the favicon is a data: URL.
 */
export const CONSOLE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
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

function isConsoleUrl(url: string): boolean {
  return url === '/console' || url.startsWith('/console/') || url.startsWith('/console?');
}

/** Every answer under /console, files, redirects and 404s alike, carries the headers. */
export function addConsoleSecurityHeaders(fastify: FastifyInstance): void {
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (isConsoleUrl(request.url)) {
      reply.headers(CONSOLE_SECURITY_HEADERS);
    }
    return payload;
  });
}
