#!/usr/bin/env node
// `npm run dev`: tsc in watch mode beside `node --watch`, so Warden restarts on every server change. The console
// has its own hot-reloading dev server: `npm run dev -w admin-ui`.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const initial = spawnSync(process.execPath, [path.join(__dirname, 'build-if-stale.js')], {
  cwd: ROOT,
  stdio: 'inherit',
});
if (initial.status !== 0) process.exit(initial.status ?? 1);

const children = [
  spawn('npx', ['tsc', '-p', 'tsconfig.build.json', '--watch', '--preserveWatchOutput'], {
    cwd: ROOT,
    stdio: 'inherit',
  }),
  spawn(process.execPath, ['--watch', 'dist/server/src/main.js', ...process.argv.slice(2)], {
    cwd: ROOT,
    stdio: 'inherit',
  }),
];
let stopping = false;
const stop = (signal) => {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill(signal);
};
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(signal));
for (const child of children) {
  child.on('exit', (code) => {
    stop('SIGTERM');
    if (children.every((other) => other.exitCode !== null || other.signalCode !== null))
      process.exit(code ?? 0);
  });
}
