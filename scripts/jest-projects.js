// The jest projects `npm test` runs (jest.config.js) and how each is run: `parallel` two suites at a time, `serial` one
// at a time (its suites measure durations and would measure each other). Shared by scripts/test.js and test-cpu.js.
'use strict';
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');

module.exports = {
  ROOT,
  JEST: require.resolve('jest/bin/jest', { paths: [ROOT] }),
  /** Project name → the jest options it runs with. */
  PROJECT_OPTIONS: { parallel: ['--maxWorkers=2'], serial: ['--runInBand'] },
};
