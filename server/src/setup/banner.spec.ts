import { renderBanner } from './banner';

const api = {
  warden: 'ready' as const,
  role: 'api' as const,
  models: ['stories260K (embedded)'],
  classifier: 'moderation',
  consoleBuilt: true,
  portalBuilt: true,
  firstRun: { admin: 'present' as const },
};

describe('renderBanner', () => {
  it('shows where Warden answers on a wildcard bind, the minted key and how to create an admin', () => {
    const text = renderBanner({
      host: '0.0.0.0',
      port: 8080,
      database: { url: 'postgres://postgres@127.0.0.1:5432/warden' },
      api: {
        ...api,
        firstRun: { admin: 'missing', mintedKey: 'wk-abcdefgh_0123456789abcdefghijklmnopqrstuv' },
      },
    });
    expect(text).toContain('http://localhost:8080/v1');
    expect(text).toContain('http://localhost:8080/console/');
    expect(text).toContain('http://localhost:8080/developers/');
    expect(text).toContain('http://localhost:8080/docs');
    expect(text).toContain('wk-abcdefgh_0123456789abcdefghijklmnopqrstuv');
    expect(text).toContain('set WARDEN_INIT_ADMIN_EMAIL and WARDEN_INIT_ADMIN_PASSWORD');
    expect(text).toContain('stories260K (embedded), moderation classifier');
    expect(text.split('\n').length).toBeLessThanOrEqual(10);
  });

  it('names the embedded database, a created admin, a missing console build, and no key when none was minted', () => {
    const text = renderBanner({
      host: '::1',
      port: 9000,
      database: {
        embeddedDirectory: '.warden/postgres',
        url: 'postgres://postgres:****@127.0.0.1:5432/warden',
      },
      adminEmail: 'root@example.com',
      api: { ...api, consoleBuilt: false, portalBuilt: false, firstRun: { admin: 'created' } },
    });
    expect(text).toContain('http://[::1]:9000/v1');
    expect(text).toContain('embedded PostgreSQL, data in .warden/postgres');
    expect(text).toContain('admin root@example.com created');
    expect(text).toContain('not built: run `npm run build` to serve http://[::1]:9000/console/');
    expect(text).toContain('not built: run `npm run build` to serve http://[::1]:9000/developers/');
    expect(text).not.toContain('Demo key');
  });
});
