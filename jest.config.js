/**
 * Unit specs sit beside their source; e2e suites live in test/ and drive the built server over real HTTP.
 *
 * Two projects, so `npm test` can run most suites two at a time and the rest alone (`jest` with no
 * `--selectProjects` runs both, e.g. `npx jest test/stall.e2e-spec.ts`):
 * - `parallel`: unit specs and e2e suites that only need their own database, Redis prefix and ports
 *   (test/support/warden.ts gives every instance those), and assert nothing about time.
 * - `serial`: suites that assert durations or fixed windows, or load the machine on purpose. Next to another suite
 *   on a 2-core machine they would measure their neighbour.
 */
const SERIAL = [
  'clean-run', // a worker must exit within 10 s of SIGTERM, handing its job back
  'completions-embedded', // /health under 1 s while a 3.9 MB prompt is refused; whole refusal under 5 s
  'first-start', // `npm start` on a terminal (90 s budget for the first banner) and an embedded PostgreSQL
  'guard-checks', // a timed-out guard fails open within 8 s
  'key-termination', // a revocation event reaches the other api instance within 5 s
  'rate-limits', // counts calls inside one fixed one-minute window
  'request-log-durability', // 3,000 requests at concurrency 48 while the worker is killed and restarted
  'stall', // /health latency during hostile requests, compared with idle jitter
  'startup', // a refused start exits within 20 s
];
const serialFiles = SERIAL.map((name) => `<rootDir>/test/${name}.e2e-spec.ts`);

const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  // Hooks and tests without their own budget: generous, since a hook often starts a server (see waitForHealth).
  testTimeout: 120000,
  // One migrated template database per run; each Warden a suite starts gets a copy of it.
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};

module.exports = {
  testTimeout: common.testTimeout,
  projects: [
    {
      ...common,
      displayName: 'parallel',
      testMatch: ['<rootDir>/server/src/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', ...SERIAL.map((name) => `/test/${name}\\.e2e-spec\\.ts$`)],
    },
    { ...common, displayName: 'serial', testMatch: serialFiles },
  ],
};
