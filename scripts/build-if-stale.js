#!/usr/bin/env node
// `npm start` runs this first: it rebuilds only what changed since the last build (the server with tsc, the
// console and the developer portal with Vite), so a second start goes straight to `node dist/server/src/main.js`.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');

const PARTS = [
  {
    name: 'server',
    output: 'dist/server/src/main.js',
    inputs: ['server/src', 'contracts/src', 'migrations', 'bench', 'tsconfig.json', 'tsconfig.build.json'],
    command: ['npx', ['tsc', '-p', 'tsconfig.build.json']],
  },
  {
    name: 'console',
    output: 'admin-ui/dist/index.html',
    inputs: [
      'admin-ui/src',
      'admin-ui/index.html',
      'admin-ui/vite.config.ts',
      'admin-ui/package.json',
      'contracts/src',
      'web-common/src',
      'web-common/package.json',
    ],
    command: ['npm', ['run', 'build', '-w', 'admin-ui']],
  },
  {
    name: 'developer portal',
    output: 'portal-ui/dist/index.html',
    inputs: [
      'portal-ui/src',
      'portal-ui/index.html',
      'portal-ui/vite.config.ts',
      'portal-ui/package.json',
      'contracts/src',
      'web-common/src',
      'web-common/package.json',
    ],
    command: ['npm', ['run', 'build', '-w', 'portal-ui']],
  },
];

/** The newest modification time under a file or directory (0 when it does not exist). */
function newest(target) {
  let stat;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) {
    latest = Math.max(latest, newest(path.join(target, entry)));
  }
  return latest;
}

for (const part of PARTS) {
  const built = newest(path.join(ROOT, part.output));
  const changed = Math.max(...part.inputs.map((input) => newest(path.join(ROOT, input))));
  if (built > 0 && built >= changed) continue;
  process.stdout.write(`building the ${part.name} (${built ? 'sources changed' : 'no build yet'})\n`);
  const [command, args] = part.command;
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
