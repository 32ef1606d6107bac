import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import fs from 'node:fs';
import { Logger } from 'pino';
import { addConsoleSecurityHeaders } from './admin/console-headers';
import { ApiModule } from './app.modules';
import { ErrorFilter } from './common/error.filter';
import { NestPinoLogger } from './common/logger';
import { requestContext, requestIdFor } from './common/request-context';
import { WardenConfig } from './config/config';
import { MetricsService } from './monitoring/metrics.service';

export async function startApi(config: WardenConfig, logger: Logger): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    genReqId: (request: { headers: Record<string, string | string[] | undefined> }) =>
      requestIdFor(request.headers['x-request-id']),
    bodyLimit: 4 * 1024 * 1024,
    trustProxy: true,
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(logger), adapter, {
    logger: new NestPinoLogger(logger),
  });
  const fastify = app.getHttpAdapter().getInstance();
  const metrics = app.get(MetricsService);

  // Run each request inside its own async context so every log line it causes carries its request id.
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    requestContext.run({ requestId: request.id }, done);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpRequests.inc({ method: request.method, route, status: String(reply.statusCode) });
    metrics.httpDuration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    done();
  });

  const errorFilter = new ErrorFilter(logger);
  app.useGlobalFilters(errorFilter);
  // Body parsing and content-type failures happen inside Fastify before Nest sees the request.
  fastify.setErrorHandler((error, request, reply) => {
    errorFilter.catch(error, {
      switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }),
    } as never);
  });

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Warden')
      .setDescription(
        'OpenAI-compatible completions behind production review, content filters and misuse monitoring.',
      )
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });

  addConsoleSecurityHeaders(fastify);
  if (fs.existsSync(config.consoleDir)) {
    await app.register(fastifyStatic, { root: config.consoleDir, prefix: '/console/', decorateReply: false });
    fastify.get('/console', (_request, reply) => reply.redirect('/console/'));
  } else {
    logger.warn(
      { consoleDir: config.consoleDir },
      'console build not found; run `npm run build` to serve /console',
    );
  }

  app.enableShutdownHooks();
  await app.listen(config.port, config.host);
  logger.info({ port: config.port, host: config.host }, 'api listening');
  return app;
}
