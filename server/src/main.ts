import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ChildProcess, fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Logger } from 'pino';
import { createLogger, prettyDestination, resolveLogFormat } from './common/logger';
import { ConfigError, loadConfig, WardenConfig } from './config/config';
import {
  RunningPostgres,
  startEmbeddedPostgres,
  stopLeftoverEmbeddedPostgres,
} from './database/embedded-postgres';
import {
  checkRedis,
  ensureDatabase,
  migrate,
  postgresAnswers,
  PreflightError,
  redactUrl,
} from './database/preflight';
import { ApiReadyMessage, isReadyMessage, ReadyMessage, renderBanner } from './setup/banner';
import { withServingFlags } from './common/serving-flags';

type Role = 'all' | 'api' | 'worker';

/**
 * How long a process may take to stop once asked (in-flight requests, active jobs, the ONNX pools) before it
 * exits anyway. BullMQ redelivers an interrupted job, so cutting one short loses nothing.
 */
const SHUTDOWN_GRACE_MS = 5_000;

/**
 * `node main.js` prepares the database (create, migrate) and runs the api and the worker as two processes; the api
 * runs the first-run bootstrap before it listens. `main.js api` and `main.js worker` run one role each, as the
 * compose file does. The application's modules are loaded by the role that runs them: the launcher, which only
 * prepares the database and supervises, would otherwise spend seconds of CPU loading them before forking the roles.
 */
async function main(): Promise<void> {
  const role = parseRole(process.argv[2]);
  const prepared = process.argv.includes('--prepared');
  let config: WardenConfig;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78);
    }
    throw err;
  }
  const format = resolveLogFormat(config.logFormat, process.stdout);
  const name = role === 'all' ? 'warden' : role;
  const logger = createLogger(config.logLevel, name, format === 'pretty' ? prettyDestination() : undefined);

  if (role === 'all') {
    await launch(config, logger);
    return;
  }
  const stop = stopOnSignal(logger);
  try {
    if (!prepared) {
      await checkRedis(config);
      await ensureDatabase(config.databaseUrl, logger);
      if (role === 'api') await migrate(config, logger);
    }
    if (role === 'api') {
      const [{ createApi, listenApi, stopApi }, { FirstRunService }] = await Promise.all([
        import('./api'),
        import('./setup/first-run.service'),
      ]);
      const app = await createApi(config, logger);
      // A 200 from /health means the init admin and key exist: the bootstrap runs before the api listens.
      const firstRun = await app.get(FirstRunService, { strict: false }).run();
      await listenApi(app, config, logger);
      stop.closeWith(() => stopApi(app));
      const ready: ApiReadyMessage = {
        warden: 'ready',
        role,
        ...(await describeApi(app, config)),
        firstRun,
      };
      process.send?.(ready);
      if (!prepared) {
        // An api started on its own (as in docker-compose.yml) prepared the install itself: say what it did.
        process.stderr.write(`${banner(config, ready)}\n`);
      }
    } else {
      const { startWorker, stopWorker } = await import('./worker');
      const app = await startWorker(logger);
      stop.closeWith(() => stopWorker(app));
      process.send?.({ warden: 'ready', role } satisfies ReadyMessage);
    }
  } catch (err) {
    fail(err, logger);
  }
}

/** `npm start`: one command for a whole Warden on this machine, with a short banner once it answers. */
async function launch(config: WardenConfig, logger: Logger): Promise<void> {
  let postgres: RunningPostgres | undefined;
  const supervisor = supervise(logger, async () => {
    await postgres?.stop();
  });
  try {
    await checkRedis(config);
    if (config.embeddedPostgres) {
      await stopLeftoverEmbeddedPostgres(config.embeddedPostgres.directory, logger);
    }
    if (config.embeddedPostgres && !(await postgresAnswers(config.databaseUrl))) {
      postgres = await startEmbeddedPostgres(config.embeddedPostgres, logger);
      // The one place the environment is written: every module's config (this process's first-run context,
      // the forked api and worker) is loaded from it, and must all point at the embedded server.
      process.env.DATABASE_URL = postgres.url;
      config = loadConfig();
    }
    await ensureDatabase(config.databaseUrl, logger);
    await migrate(config, logger);
  } catch (err) {
    await postgres?.stop();
    fail(err, logger);
  }
  const children = (['api', 'worker'] as const).map((role) => ({
    role,
    process: fork(__filename, [role, '--prepared'], {
      stdio: 'inherit',
      execArgv: withServingFlags(process.execArgv),
    }),
  }));
  const ready = new Set<string>();
  let api: ApiReadyMessage | undefined;
  for (const child of children) {
    child.process.on('message', (message) => {
      if (!isReadyMessage(message)) return;
      ready.add(message.role);
      if (message.role === 'api') api = message;
      if (api && ready.size === children.length) {
        process.stderr.write(`${banner(config, api, postgres)}\n`);
      }
    });
  }
  supervisor.adopt(children);
}

function banner(config: WardenConfig, api: ApiReadyMessage, postgres?: RunningPostgres): string {
  return renderBanner({
    host: config.host,
    port: config.port,
    database: {
      embeddedDirectory: postgres && displayPath(postgres.directory),
      url: redactUrl(config.databaseUrl),
    },
    adminEmail: config.init.adminEmail,
    api,
  });
}

async function describeApi(
  app: NestFastifyApplication,
  config: WardenConfig,
): Promise<Omit<ApiReadyMessage, 'warden' | 'role' | 'firstRun'>> {
  const [{ ModelRegistry }, { ClassifierService }] = await Promise.all([
    import('./inference/model-registry'),
    import('./moderation/classifier/classifier.service'),
  ]);
  return {
    models: app
      .get(ModelRegistry, { strict: false })
      .list()
      .map((model) => `${model.id} (${model.ownedBy === 'warden' ? 'embedded' : model.ownedBy})`),
    classifier: app.get(ClassifierService, { strict: false }).name,
    consoleBuilt: fs.existsSync(config.consoleDir),
    portalBuilt: fs.existsSync(config.portalUiDir),
  };
}

/**
 * Both processes live and die together: if one exits, the other is stopped and the launcher exits with it.
 * A child that does not stop within the grace period is killed, so no process outlives the launcher; the
 * embedded PostgreSQL (if any) stops last. A signal before the children exist stops what is there.
 */
function supervise(logger: Logger, afterChildren: () => Promise<void>) {
  let children: { role: string; process: ChildProcess }[] = [];
  let stopping = false;
  const running = () =>
    children.filter((child) => child.process.exitCode === null && child.process.signalCode === null);
  const finish = () => void afterChildren().finally(() => process.exit());
  const stopAll = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    if (children.length === 0) {
      process.exitCode = 130;
      finish();
      return;
    }
    for (const child of running()) {
      child.process.kill(signal);
    }
    setTimeout(() => {
      for (const child of running()) {
        logger.warn({ role: child.role }, `${child.role} did not stop in time; killing it`);
        child.process.kill('SIGKILL');
      }
    }, SHUTDOWN_GRACE_MS + 2_000).unref();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => stopAll(signal));
  }
  return {
    adopt(started: { role: string; process: ChildProcess }[]): void {
      children = started;
      for (const child of children) {
        child.process.on('exit', (code, signal) => {
          if (!stopping) {
            logger.error({ role: child.role, code, signal }, `${child.role} process exited; stopping Warden`);
            process.exitCode = code || 1;
            stopAll('SIGTERM');
          }
          if (running().length === 0) {
            finish();
          }
        });
      }
    },
  };
}

/**
 * Stops a single-role process on SIGTERM/SIGINT, or when its launcher goes away (the IPC channel closes), within
 * SHUTDOWN_GRACE_MS. Installed before start-up so a signal during start-up is honoured too: what start-up has begun
 * is closed as soon as it exists (a worker takes jobs before its start-up returns; exiting at once would abandon them
 * under their locks).
 */
function stopOnSignal(logger: Logger): { closeWith(close: () => Promise<void>): void } {
  let close: (() => Promise<void>) | undefined;
  let stopping = false;
  const closeAndExit = (closing: () => Promise<void>) =>
    closing().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  const stop = (reason: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, 'stopping');
    setTimeout(() => {
      logger.warn(`still stopping after ${SHUTDOWN_GRACE_MS} ms; exiting anyway`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    if (close) void closeAndExit(close);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('disconnect', () => stop('launcher went away'));
  return {
    closeWith: (next) => {
      close = next;
      if (stopping) void closeAndExit(next);
    },
  };
}

/** Relative to where Warden was started when it is inside it (`.warden/postgres`), absolute otherwise. */
function displayPath(directory: string): string {
  const relative = path.relative(process.cwd(), directory);
  return relative.startsWith('..') || path.isAbsolute(relative) ? directory : relative;
}

function fail(err: unknown, logger: Logger): never {
  const message = err instanceof Error ? err.message : String(err);
  logger.fatal({ err }, message);
  process.stderr.write(`\nwarden: ${message}\n`);
  process.exit(err instanceof PreflightError || err instanceof Error ? 69 : 1);
}

function parseRole(value: string | undefined): Role {
  if (value === undefined || value.startsWith('--')) {
    return 'all';
  }
  if (value === 'api' || value === 'worker' || value === 'all') {
    return value;
  }
  process.stderr.write(`unknown role "${value}": use api, worker or nothing for both\n`);
  process.exit(64);
}

void main();
