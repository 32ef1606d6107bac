import { MonitoringErrorCode, staffAnswer } from './support/error-catalog';
import { request } from './support/review-api';
import { startWarden, WardenInstance } from './support/warden';

const METRICS_TOKEN = 'scrape-token-0123456789abcdef';

/** What the api serves besides its APIs: the console's security headers and the metrics endpoint's token. */
describe('console headers and metrics access', () => {
  let open: WardenInstance;
  let guarded: WardenInstance;

  beforeAll(async () => {
    [open, guarded] = await Promise.all([
      startWarden('surface_open', { WARDEN_EMBEDDED_MODELS: '' }),
      startWarden('surface_guarded', { WARDEN_EMBEDDED_MODELS: '', WARDEN_METRICS_TOKEN: METRICS_TOKEN }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([open?.stop(), guarded?.stop()]);
  });

  it.each(['/console', '/console/', '/console/index.html', '/console/assets/missing.js'])(
    'serves %s with CSP, frame, referrer and nosniff headers',
    async (path) => {
      const response = await fetch(`${open.url}${path}`, { redirect: 'manual' });
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    },
  );

  it('serves /metrics openly when no token is configured', async () => {
    const response = await fetch(`${open.url}/metrics`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('# TYPE');
  });

  it('asks for WARDEN_METRICS_TOKEN when it is set', async () => {
    for (const authorization of [undefined, 'Bearer wrong-token-wrong-token', `Basic ${METRICS_TOKEN}`]) {
      const refused = await request(guarded.url, 'GET', '/metrics', {
        token: authorization?.startsWith('Bearer ') ? authorization.slice(7) : undefined,
      });
      expect(refused).toMatchObject(
        staffAnswer(
          MonitoringErrorCode.MetricsTokenRequired,
          expect.stringContaining('WARDEN_METRICS_TOKEN'),
        ),
      );
    }
    const scraped = await fetch(`${guarded.url}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain('# TYPE');
  });
});
