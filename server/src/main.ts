import { NestFactory } from '@nestjs/core';
import { fork } from 'node:child_process';
import { Logger } from 'pino';
import { startApi } from './api';
import { AdministrationModule } from './app.modules';
import { createLogger, NestPinoLogger } from './common/logger';
import { ConfigError, loadConfig, WardenConfig } from './config/config';
import { checkRedis, ensureDatabase, migrate, PreflightError } from './database/preflight';
import { FirstRunService } from './setup/first-run.service';
import { startWorker } from './worker';

type Role = 'all' | 'api' | 'worker';

/**
 * `node main.js` prepares the database (create, migrate, first-run bootstrap) and runs the api and the worker as
 * two processes. `main.js api` and `main.js worker` run one role each, as the compose file does.
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
  const logger = createLogger(config.logLevel, role === 'all' ? 'warden' : role);
  try {
    if (!prepared) {
      await checkRedis(config.redisUrl);
      await ensureDatabase(config.databaseUrl, logger);
      if (role !== 'worker') {
        await migrate(config, logger);
        await firstRun(logger);
      }
    }
  } catch (err) {
    if (err instanceof PreflightError || err instanceof Error) {
      logger.fatal({ err }, err.message);
      process.stderr.write(`\nwarden: ${err.message}\n`);
      process.exit(69);
    }
    throw err;
  }
  if (role === 'api') {
    await startApi(config, logger);
  } else if (role === 'worker') {
    await startWorker(logger);
  } else {
    superviseChildren(logger);
  }
}

async function firstRun(logger: Logger): Promise<void> {
  const app = await NestFactory.createApplicationContext(AdministrationModule.forRoot(logger), {
    logger: new NestPinoLogger(logger),
  });
  try {
    const mintedKey = await app.get(FirstRunService).run();
    if (mintedKey) {
      // Deliberately outside the JSON log: the secret exists only on this terminal, once.
      process.stderr.write(
        `\nwarden: no API key existed, so one was created for the "Demo application":\n\n    ${mintedKey}\n\n` +
          `Store it now; it is not shown again. Set WARDEN_INIT_API_KEY to choose your own instead.\n\n`,
      );
    }
  } finally {
    await app.close();
  }
}

/** Both processes live and die together: if one exits, the other is stopped and the launcher exits with it. */
function superviseChildren(logger: Logger): void {
  const children = (['api', 'worker'] as const).map((role) => ({
    role,
    process: fork(__filename, [role, '--prepared'], { stdio: 'inherit' }),
  }));
  let stopping = false;
  const stopAll = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const child of children) {
      if (child.process.exitCode === null) {
        child.process.kill(signal);
      }
    }
  };
  for (const child of children) {
    child.process.on('exit', (code, signal) => {
      if (!stopping) {
        logger.error({ role: child.role, code, signal }, `${child.role} process exited; stopping Warden`);
        process.exitCode = code || 1;
        stopAll('SIGTERM');
      } else if (
        children.every((other) => other.process.exitCode !== null || other.process.signalCode !== null)
      ) {
        process.exit();
      }
    });
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => stopAll(signal));
  }
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
