import { isolatedEnvironment, runCli, startWarden, WardenInstance } from './support/warden';

describe('npm run warden -- doctor', () => {
  let warden: WardenInstance;

  beforeAll(async () => {
    warden = await startWarden('doctor', {
      WARDEN_INIT_ADMIN_EMAIL: 'doctor-admin@example.com',
      WARDEN_INIT_ADMIN_PASSWORD: 'a long enough password',
    });
  });

  afterAll(async () => {
    await warden?.stop();
  });

  it('passes every check on a started install', async () => {
    const result = await runCli(warden.env, ['doctor']);
    expect(result.stdout).toMatch(/^ ok {3}Node\.js/m);
    expect(result.stdout).toMatch(/^ ok {3}Redis/m);
    expect(result.stdout).toMatch(/^ ok {3}PostgreSQL/m);
    expect(result.stdout).toMatch(/^ ok {3}migrations +all applied/m);
    expect(result.stdout).toMatch(/^ ok {3}admin +1 staff admin/m);
    expect(result.stdout).toMatch(/^ ok {3}model +stories260K/m);
    expect(result.stdout).toContain('Everything Warden needs is in place.');
    expect(result.code).toBe(0);
  });

  it('names what is missing and how to fix it', async () => {
    const { env } = isolatedEnvironment('doctor_broken');
    const result = await runCli({ ...env, REDIS_URL: 'redis://127.0.0.1:1' }, ['doctor']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^FAIL {2}Redis +nothing answers at redis:\/\/127\.0\.0\.1:1/m);
    expect(result.stdout).toContain('docker compose up -d redis');
    expect(result.stdout).toContain('redis-server --daemonize yes');
    // The server answers but this database was never created: the first start creates it.
    expect(result.stdout).toMatch(/^ ok {3}PostgreSQL .*created on the first `npm start`/m);
  });
});
