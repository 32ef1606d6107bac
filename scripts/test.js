#!/usr/bin/env node
// `npm test` runs this after the build: the jest projects in jest.config.js, `parallel` two suites at a time, then
// `serial` one at a time (its suites measure durations and would measure each other). Both always run; the exit
// code is non-zero when either failed. Extra arguments go to both (`npm test -- test/stall` runs that suite in the
// project it belongs to; the other finds nothing, which is not a failure then).
'use strict';
const { spawnSync } = require('node:child_process');
const { JEST, PROJECT_OPTIONS, ROOT } = require('./jest-projects');

const extra = process.argv.slice(2);
const filtered = extra.length > 0 ? ['--passWithNoTests'] : [];

const runs = Object.entries(PROJECT_OPTIONS);

let failed = false;
for (const [project, options] of runs) {
  const started = Date.now();
  const result = spawnSync(
    process.execPath,
    [JEST, '--selectProjects', project, ...options, '--forceExit', ...filtered, ...extra],
    { cwd: ROOT, stdio: 'inherit' },
  );
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  process.stdout.write(
    `npm test: the ${project} suites took ${seconds} s (exit ${result.status ?? result.signal})\n`,
  );
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
