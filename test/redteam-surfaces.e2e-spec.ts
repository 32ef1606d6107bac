import net from 'node:net';
import { gzipSync } from 'node:zlib';
import { testApiKey } from './support/keys';
import { startWarden, WardenInstance } from './support/warden';

/**
 * One raw HTTP/1.1 exchange: what a hostile client can send that fetch would tidy up (paths, headers). The body
 * follows the head a moment later, as a client that does not wait for `100 Continue` sends it.
 */
function raw(
  url: string,
  request: string,
  body = '',
): Promise<{ status: number; head: string; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => {
      socket.write(request);
      setTimeout(() => (socket.writable ? socket.end(body) : undefined), 200);
    });
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    // A server that refuses a body it has not finished reading may reset the connection once it has answered.
    socket.on('error', (err) => (answer ? undefined : reject(err)));
    socket.on('close', () => {
      const [head, ...body] = answer.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), head, body: body.join('\r\n\r\n') });
    });
  });
}

const SURFACES = [
  '/portal/auth/login',
  '/portal/auth/register',
  '/portal/applications',
  '/admin/auth/login',
  '/admin/applications',
  '/admin/held-completions',
  '/health',
  '/metrics',
  '/docs',
  '/docs/openapi.json',
  '/console/',
];

const BODIES: Array<[string, string, string]> = [
  ['malformed JSON', 'application/json', '{"email": "a@b.c", '],
  ['a JSON array', 'application/json', '[1, 2, 3]'],
  ['JSON null', 'application/json', 'null'],
  ['a proto-poisoning object', 'application/json', '{"__proto__": {"admin": true}, "email": "x"}'],
  ['a wrong content type', 'text/plain', 'email=a&password=b'],
  ['form encoding', 'application/x-www-form-urlencoded', 'email=a&password=b'],
  ['an unknown content type', 'application/x-evil', '\u0000\u0001\u0002'],
  ['a deeply nested body', 'application/json', `${'['.repeat(5_000)}${']'.repeat(5_000)}`],
];

const PATHS = [
  '/admin/..%2f..%2fetc%2fpasswd',
  '/admin/%2e%2e/%2e%2e/etc/passwd',
  '//admin//applications',
  '/portal/applications/%00',
  '/portal/applications/..%5c..%5c',
  '/console/..%2f..%2fpackage.json',
  '/console/../../package.json',
  '/docs/%2e%2e/%2e%2e/package.json',
  '/metrics?%ff',
  '/admin/applications?filter=%7B%22q%22%3A',
  '/admin/applications?range=[0,1e309]&sort=["__proto__","ASC"]',
  `/portal/applications/${'a'.repeat(5_000)}`,
];

/** What no answer may carry: a server error, or a look inside the server. */
function expectClearError(label: string, status: number, body: string): void {
  expect({ label, status }).toEqual({ label, status: expect.any(Number) });
  if (status >= 500 || /\n\s+at \S+ \(|node_modules|\/server\/src\//.test(body)) {
    throw new Error(`${label}: ${status} ${body.slice(0, 300)}`);
  }
}

/**
 * The non-/v1 surfaces (developer portal, staff API, console, docs, metrics, health) under malformed bodies, wrong
 * content types, path tricks and header abuse: each answer is a client error (or the page), never a 500 or a
 * stack trace, and a JSON API answers JSON.
 */
describe('redteam: hostile requests to /portal, /admin, /console, /docs, /metrics and /health', () => {
  const apiKey = testApiKey();
  let warden: WardenInstance;

  beforeAll(async () => {
    warden = await startWarden('redteam-surfaces', {
      WARDEN_INIT_API_KEY: apiKey,
      WARDEN_EMBEDDED_MODELS: '',
    });
  }, 90_000);

  afterAll(async () => {
    await warden?.stop();
  });

  it.each(BODIES)('answers %s on every surface with a clear error', async (label, contentType, body) => {
    for (const surface of SURFACES) {
      const response = await fetch(`${warden.url}${surface}`, {
        method: 'POST',
        headers: { 'content-type': contentType },
        body,
      });
      const text = await response.text();
      expectClearError(`${label} to ${surface}`, response.status, text);
      if (surface.startsWith('/portal') || surface.startsWith('/admin')) {
        expect(response.headers.get('content-type')).toMatch(/json/);
      }
    }
  });

  it('answers a body over the 4 MB limit with a client error on every surface', async () => {
    const huge = JSON.stringify({ email: 'x'.repeat(5 * 1024 * 1024) });
    for (const surface of SURFACES) {
      const response = await raw(
        warden.url,
        `POST ${surface} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${huge.length}\r\nConnection: close\r\n\r\n`,
        huge,
      );
      expectClearError(`huge body to ${surface}`, response.status, response.body);
      expect(response.status).toBeGreaterThanOrEqual(400);
    }
  }, 60_000);

  it('answers what the HTTP parser refuses in the envelope of the surface the request was for', async () => {
    const oversized = `X-Padding: ${'a'.repeat(20_000)}\r\n`;
    const v1 = await raw(warden.url, `GET /v1/models HTTP/1.1\r\nHost: localhost\r\n${oversized}\r\n`);
    expect(v1.status).toBe(431);
    expect(JSON.parse(v1.body)).toEqual({
      error: {
        message: expect.any(String),
        type: 'invalid_request_error',
        param: null,
        code: 'headers_too_large',
      },
    });
    const staff = await raw(
      warden.url,
      `GET /admin/applications HTTP/1.1\r\nHost: localhost\r\n${oversized}\r\n`,
    );
    expect(staff.status).toBe(431);
    expect(JSON.parse(staff.body)).toMatchObject({ statusCode: 431, requestId: expect.any(String) });
    const malformed = await raw(
      warden.url,
      'GET /v1/models HTTP/1.1\r\nHost: localhost\r\nNo colon here\r\n\r\n',
    );
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body).error).toMatchObject({ code: 'invalid_request' });
    const health = await fetch(`${warden.url}/health`);
    expect(health.status).toBeLessThan(500);
  });

  it('answers a compressed body or a body of another media type with 415 saying what to send', async () => {
    const compressed = await fetch(`${warden.url}/v1/completions`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${apiKey}`,
        'content-type': 'application/json',
        'content-encoding': 'gzip',
      },
      body: gzipSync(JSON.stringify({ model: 'any', prompt: 'hello' })),
    });
    expect(compressed.status).toBe(415);
    const compressedError = ((await compressed.json()) as { error: { code: string; message: string } }).error;
    expect(compressedError).toMatchObject({ code: 'unsupported_media_type', type: 'invalid_request_error' });
    expect(compressedError.message).toMatch(/uncompressed/);

    const plain = await fetch(`${warden.url}/v1/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/xml' },
      body: '<prompt>hello</prompt>',
    });
    expect(plain.status).toBe(415);
    const plainError = ((await plain.json()) as { error: { code: string; message: string } }).error;
    expect(plainError).toMatchObject({ code: 'unsupported_media_type' });
    expect(plainError.message).toMatch(/application\/json/);
  });

  /**
   * The multipart parser (for /v1/files) is registered on the whole server, so a multipart body to any other route
   * was read up to the 32 MB file limit before that route refused it, by anyone, signed in or not; the upload route
   * itself read it before checking the key. Here the client announces 30 MB and sends none of it: the answer must
   * come from the head alone.
   */
  it.each([
    ['/v1/completions', 415, /application\/json/],
    ['/admin/applications', 415, /application\/json/],
    ['/v1/files', 401, /invalid_api_key|API key/],
  ])('refuses a multipart body to %s before reading it', async (path, status, message) => {
    const { hostname, port } = new URL(warden.url);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(port), hostname, () =>
        socket.write(
          `POST ${path} HTTP/1.1\r\nHost: localhost\r\n` +
            'Content-Type: multipart/form-data; boundary=xyz\r\nContent-Length: 30000000\r\n\r\n--xyz\r\n',
        ),
      );
      let received = '';
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`no answer while the body was still to come; had: ${received.slice(0, 200)}`));
      }, 5_000);
      socket.on('data', (chunk) => {
        received += chunk.toString('latin1');
        const [head, body] = received.split('\r\n\r\n');
        const length = Number(/content-length: (\d+)/i.exec(head)?.[1] ?? NaN);
        if (body !== undefined && Buffer.byteLength(body, 'latin1') >= length) {
          clearTimeout(timer);
          socket.destroy();
          resolve(received);
        }
      });
      socket.on('error', reject);
    });
    const [head, body] = answer.split('\r\n\r\n');
    expect(head).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
    expect(head).toMatch(/x-request-id: /i);
    expect(body).toMatch(message);
  });

  it.each(PATHS.map((path) => [path.slice(0, 60), path]))(
    'answers the path %s without a server error',
    async (_label, path) => {
      const response = await raw(
        warden.url,
        `GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`,
      );
      expectClearError(path, response.status, response.body);
      expect(response.body).not.toContain('"name": "warden"');
    },
  );

  it.each([
    ['a malformed bearer token', 'Authorization: Bearer \u00ff\u00fe'],
    ['a basic token', 'Authorization: Basic Zm9vOmJhcg=='],
    ['a huge cookie', `Cookie: ${'a=b; '.repeat(2_000)}`],
    ['a forged forwarded address', 'X-Forwarded-For: 127.0.0.1, ::1, not-an-ip'],
    ['a bad content length', 'Content-Length: -1'],
    ['two content lengths', 'Content-Length: 2\r\nContent-Length: 3'],
    ['a bad transfer encoding', 'Transfer-Encoding: gzip, chunked, identity'],
    ['a non-numeric range', 'Range: bytes=abc-def'],
  ])('answers %s without a server error', async (_label, header) => {
    for (const surface of [
      '/admin/applications',
      '/portal/applications',
      '/metrics',
      '/health',
      '/console/',
    ]) {
      const response = await raw(
        warden.url,
        `GET ${surface} HTTP/1.1\r\nHost: localhost\r\n${header}\r\nConnection: close\r\n\r\n`,
      );
      expectClearError(`${header.slice(0, 40)} to ${surface}`, response.status, response.body);
    }
  });
});
