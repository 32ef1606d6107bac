import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { FastifyError, FastifyReply, FastifyRequest, LogController } from 'fastify';
import fs from 'node:fs';
import { Logger } from 'pino';
import { ApiModule } from './api.modules';
import { V1Drain } from './v1/v1-drain';
import { answerClientError } from './common/client-error';
import { ErrorFilter } from './common/error.filter';
import { addWebAppSecurityHeaders } from './common/web-app-headers';
import { CommonErrorCode, InvalidRequestError } from './common/errors';
import { parseJsonBody } from './common/json-body';
import { errorCatalog } from './error-catalog';
import { closeWithQueues } from './common/queue.module';
import { NestPinoLogger } from './common/logger';
import { clientRequestIdFrom, mintRequestId, requestContext } from './common/request-context';
import { WardenConfig } from './config/config';
import { HealthService } from './monitoring/health.service';
import { MetricsService } from './monitoring/metrics.service';

/**
 * When the api stops, `/v1` calls in flight may finish for this long (within main's 5 s grace), then the rest end
 * with a `server_stopping` error and get a moment to say so before the application closes.
 */
const DRAIN_MS = 2_500;
const DRAIN_END_MS = 1_000;

/** The browser apps the api serves: Vite builds, each under the base path it was built for. */
export function webAppsOf(config: WardenConfig): { name: string; path: string; directory: string }[] {
  return [
    { name: 'console', path: '/console', directory: config.consoleDir },
    { name: 'developer portal', path: '/developers', directory: config.portalUiDir },
  ];
}

export async function stopApi(app: NestFastifyApplication): Promise<void> {
  app.get(HealthService, { strict: false }).markDraining();
  await app.get(V1Drain, { strict: false }).drain(DRAIN_MS, DRAIN_END_MS);
  await closeWithQueues(app);
}

/**
 * The api, initialised but not listening yet: what must happen before it answers anything (the first-run bootstrap)
 * runs between this and `listenApi`.
 */
export async function createApi(config: WardenConfig, logger: Logger): Promise<NestFastifyApplication> {
  const errorFilter = new ErrorFilter(logger, errorCatalog);
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    genReqId: mintRequestId,
    // One line per request, written when it completes (below), instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 4 * 1024 * 1024,
    // Fastify turns Node's request timeout off; without it a client sending a byte a second holds its socket and
    // body buffer for as long as the body limit lasts (weeks). Node looks for late requests every
    // connectionsCheckingInterval, so that is kept well under the timeout; and it swaps the two timeouts when the
    // headers' (60 s by default) is the longer, so that one never exceeds the whole request's.
    requestTimeout: config.requestTimeoutMs,
    http: {
      connectionsCheckingInterval: Math.min(30_000, Math.ceil(config.requestTimeoutMs / 4)),
      headersTimeout: Math.min(60_000, config.requestTimeoutMs),
    },
    clientErrorHandler: (error, socket) => answerClientError(errorCatalog, error, socket),
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) =>
      errorFilter.answer(error, request, reply),
    // X-Forwarded-For is believed only from the operator's own proxies; anyone else could forge it.
    trustProxy: config.trustedProxies.length > 0 ? config.trustedProxies : false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(logger), adapter, {
    logger: new NestPinoLogger(logger),
  });
  const fastify = app.getHttpAdapter().getInstance();
  // Nest's body parsers (JSON and form encoding), with JSON's replaced by one whose refusals say what is wrong.
  adapter.registerParserMiddleware();
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (err) {
      done(err as Error, undefined);
    }
  });
  const metrics = app.get(MetricsService);
  const health = app.get(HealthService);

  // Run each request inside its own async context so every log line it causes carries its request id.
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    // While the api drains, every answer closes its connection: a keep-alive client would otherwise keep sending
    // new calls here, past the load balancer that /health has already turned away.
    if (health.draining) reply.header('connection', 'close');
    const clientRequestId = clientRequestIdFrom(request.headers);
    if (clientRequestId) reply.header('x-client-request-id', clientRequestId);
    requestContext.run({ requestId: request.id }, done);
  });
  // Fastify reads bodies as sent: a compressed one would otherwise be refused as malformed JSON, which misleads.
  fastify.addHook('preParsing', async (request) => {
    const encoding = request.headers['content-encoding'];
    if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') {
      throw new InvalidRequestError(
        CommonErrorCode.UnsupportedMediaType,
        `Content-Encoding ${encoding.slice(0, 40)} is not supported: send the body uncompressed.`,
      );
    }
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const status = reply.statusCode;
    metrics.httpRequests.inc({ method: request.method, route, status: String(status) });
    metrics.httpDuration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    request.log.info(
      { method: request.method, url: request.url, statusCode: status, responseTime: reply.elapsedTime },
      'request completed',
    );
    done();
  });

  // Nest installs Fastify's error handler itself and routes body-parsing and content-type failures through the
  // global filters too; a second handler here would only replace it (and make Fastify warn).
  app.useGlobalFilters(errorFilter);

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

  const webApps = webAppsOf(config);
  addWebAppSecurityHeaders(
    fastify,
    webApps.map((webApp) => webApp.path),
  );
  for (const { name, path, directory } of webApps) {
    if (fs.existsSync(directory)) {
      await app.register(fastifyStatic, { root: directory, prefix: `${path}/`, decorateReply: false });
      fastify.get(path, (_request, reply) => reply.redirect(`${path}/`));
    } else {
      logger.warn({ directory }, `${name} build not found; run \`npm run build\` to serve ${path}`);
    }
  }

  await app.init();
  return app;
}

export async function listenApi(
  app: NestFastifyApplication,
  config: WardenConfig,
  logger: Logger,
): Promise<void> {
  // No Nest shutdown hooks: main.ts owns the signals and bounds how long closing may take.
  await app.listen(config.port, config.host);
  logger.debug({ port: config.port, host: config.host }, 'api listening');
}
