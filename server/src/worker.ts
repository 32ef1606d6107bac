import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'pino';
import { WorkerModule } from './worker.modules';
import { LongJobs } from './common/long-job.host';
import { closeWithQueues } from './common/queue.module';
import { NestPinoLogger } from './common/logger';

export async function startWorker(logger: Logger): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(logger), {
    logger: new NestPinoLogger(logger),
  });
  // No Nest shutdown hooks: main.ts owns the signals and bounds how long closing the queues and pools may take.
  logger.info('worker consuming queues');
  return app;
}

/** Long jobs go back to the queue first, while everything they use is open; then Nest closes the rest. */
export async function stopWorker(app: INestApplicationContext): Promise<void> {
  await app.get(LongJobs).handBack();
  await closeWithQueues(app);
}
