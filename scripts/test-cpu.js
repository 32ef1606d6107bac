#!/usr/bin/env node
// Where the test suite's CPU goes: runs one jest project (as `npm test` does) while sampling every process's CPU time
// from /proc twice a second, then prints CPU seconds by kind of process (Warden's api, worker, launcher and CLI,
// jest's workers, Chromium, PostgreSQL, Redis). Linux only; build first (`npm run build`).
//
//   node scripts/test-cpu.js [parallel|serial] [jest arguments...]
//
// A process is counted from its first sample to its last, so one that lives under half a second (a PostgreSQL
// backend for a single query) is missed: the figures are a floor. Last full run of `parallel` (6 December 2026, 2 cores,
// 987 s): api 464 CPU-s over 74 processes, Chromium 292, worker 275, jest workers 236, CLI 168 over 110 runs,
// launcher 157, PostgreSQL ≥ 26: Warden's own start-ups are most of it.
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const { JEST, PROJECT_OPTIONS, ROOT } = require('./jest-projects');

const TICKS_PER_SECOND = 100;
const SAMPLE_MS = 500;

const [project = 'parallel', ...extra] = process.argv.slice(2);
const options = PROJECT_OPTIONS[project];
if (!options) throw new Error(`no jest project ${project}: ${Object.keys(PROJECT_OPTIONS).join(', ')}`);

function kindOf(command, name) {
  if (command.includes('dist/server/src/main.js')) {
    if (/main\.js api\b/.test(command)) return 'Warden api';
    if (/main\.js worker\b/.test(command)) return 'Warden worker';
    return 'Warden launcher';
  }
  if (command.includes('dist/server/src/cli.js')) return 'Warden CLI';
  if (command.includes('jest-worker') || command.includes('processChild')) return 'jest worker';
  if (command.includes('jest')) return 'jest';
  if (name.startsWith('chrom') || command.includes('chromium')) return 'Chromium';
  if (name.startsWith('postgres') || command.startsWith('postgres')) return 'PostgreSQL';
  if (name.startsWith('redis')) return 'Redis';
  if (command.includes('test-cpu.js')) return 'this sampler';
  return `other (${name})`;
}

/** pid:start time → { kind, first, last } CPU seconds (user + system, the process's own threads only). */
const seen = new Map();

function sample() {
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    let stat;
    try {
      stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // exited between the listing and the read
    }
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpu = (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
    const key = `${pid}:${fields[19]}`;
    const entry = seen.get(key);
    if (entry) {
      entry.last = cpu;
      continue;
    }
    let command = '';
    try {
      command = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
    } catch {
      continue;
    }
    seen.set(key, { kind: kindOf(command, name), first: cpu, last: cpu });
  }
}

function report(seconds) {
  const byKind = new Map();
  for (const { kind, first, last } of seen.values()) {
    const row = byKind.get(kind) ?? { cpu: 0, processes: 0 };
    row.cpu += last - first;
    row.processes += 1;
    byKind.set(kind, row);
  }
  const rows = [...byKind].filter(([, row]) => row.cpu >= 0.5).sort((a, b) => b[1].cpu - a[1].cpu);
  const total = rows.reduce((sum, [, row]) => sum + row.cpu, 0);
  const lines = [
    `jest project ${project}: ${seconds.toFixed(0)} s wall, ${total.toFixed(0)} CPU-s sampled`,
    '',
    '| process kind | CPU-s | share | processes |',
    '| --- | ---: | ---: | ---: |',
    ...rows.map(
      ([kind, row]) =>
        `| ${kind} | ${row.cpu.toFixed(1)} | ${((100 * row.cpu) / total).toFixed(1)} % | ${row.processes} |`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

sample();
const timer = setInterval(sample, SAMPLE_MS);
const started = Date.now();
const jest = spawn(
  process.execPath,
  [JEST, '--selectProjects', project, ...options, '--forceExit', ...extra],
  { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
);
jest.on('exit', (code) => {
  clearInterval(timer);
  sample();
  report((Date.now() - started) / 1000);
  process.exit(code ?? 1);
});
