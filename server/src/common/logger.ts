import { LoggerService } from '@nestjs/common';
import pino, { Logger, LoggerOptions } from 'pino';
import { PinoPretty } from 'pino-pretty';
import { currentRequestId } from './request-context';

export type LogFormat = 'json' | 'pretty';

/** Pretty one-line logs for a person at a terminal; JSON for everything else (files, pipes, collectors). */
export function resolveLogFormat(configured: LogFormat | undefined, stream: NodeJS.WriteStream): LogFormat {
  return configured ?? (stream.isTTY ? 'pretty' : 'json');
}

/**
 * pino-pretty in-process and synchronous: a line written just before `process.exit` is not lost, and a start
 * does not pay for one more thread per process.
 */
export function prettyDestination(): pino.DestinationStream {
  return PinoPretty({
    sync: true,
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,name,process',
    messageFormat: '{process} {msg}',
  });
}

/**
 * JSON lines to stdout without a write per line on the request path: lines gather in memory and leave in
 * asynchronous writes of at least 4 KiB, or every 250 ms when fewer arrive (an idle server's lines still show
 * at once to someone tailing them). pino flushes what is gathered synchronously when the process exits (an
 * uncaught error and `process.exit` included), so a crash keeps its last lines.
 */
export function stdoutDestination(): pino.DestinationStream {
  return pino.destination({ dest: process.stdout.fd, sync: false, minLength: 4096, periodicFlush: 250 });
}

/** Every line carries the request id of the request it belongs to, and never an API key or password. */
export function createLogger(level: string, name: string, destination?: pino.DestinationStream): Logger {
  const options: LoggerOptions = {
    level,
    name,
    base: { pid: process.pid, process: name },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'headers.authorization',
        'authorization',
        'apiKey',
        'password',
        '*.apiKey',
        '*.password',
        '*.secret',
      ],
      censor: '[redacted]',
    },
  };
  return pino(options, destination ?? stdoutDestination());
}

/**
 * Routes Nest's own framework messages through the same pino logger. Nest's `log` level is its start-up
 * chatter (modules initialized, every route mapped), so it goes to debug; warnings and errors keep their level.
 */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}
