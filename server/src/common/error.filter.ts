import { STATUS_CODES } from 'node:http';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Inject } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Logger } from 'pino';
import { CommonErrorCode, ErrorBody, ErrorCatalog, WardenError } from './errors';
import { loggableError, unstorableTextError } from '../database/query-errors';
import { LOGGER } from './logger.module';

const UNSUPPORTED_MEDIA_TYPE =
  'The body has a Content-Type this endpoint does not read: send JSON as application/json (and files to /v1/files as multipart/form-data).';

interface MappedError {
  status: number;
  body: ErrorBody;
  headers: Record<string, string>;
}

/**
 * The one place errors become HTTP answers. `/v1/*` speaks only OpenAI's envelope; every other surface answers
 * `{statusCode, error, message, requestId}`. Both take the status (and `/v1` the type) from the catalog, by code.
 * Anything unexpected is logged and becomes a 500 naming the request id.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  constructor(
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly catalog: ErrorCatalog,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    this.answer(exception, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>());
  }

  /**
   * Also Fastify's `frameworkErrors`: a path it cannot decode (`/v1/models/%E0`) or whose parameter is over its
   * length limit is refused before any hook or filter runs, so the request id header is set here too.
   */
  answer(exception: unknown, request: FastifyRequest, reply: FastifyReply): void {
    const mapped = this.map(exception, request.id);
    if (reply.sent || reply.raw.headersSent) {
      return;
    }
    reply.header('x-request-id', request.id);
    reply.headers(mapped.headers);
    reply.status(mapped.status).send(errorEnvelope(request.url, mapped.status, mapped.body, request.id));
  }

  map(thrown: unknown, requestId: string): MappedError {
    const exception = unstorableTextError(thrown) ?? thrown;
    if (exception instanceof WardenError) {
      return {
        status: this.catalog.statusOf(exception),
        body: this.catalog.bodyOf(exception),
        headers: exception.headers,
      };
    }
    const clientStatus = clientErrorStatus(exception);
    if (clientStatus !== null) {
      const status = clientStatus;
      const code = httpExceptionCode(status);
      return {
        status,
        body: {
          message: status === 415 ? UNSUPPORTED_MEDIA_TYPE : clientErrorMessage(exception as Error),
          type: this.catalog.presentationOf(code).type,
          param: null,
          code,
        },
        headers: {},
      };
    }
    this.logger.error({ err: loggableError(exception), requestId }, 'unhandled error');
    return {
      status: 500,
      body: {
        message: `The server had an error while processing your request. Quote request id ${requestId} when reporting it.`,
        type: this.catalog.presentationOf(CommonErrorCode.InternalError).type,
        param: null,
        code: CommonErrorCode.InternalError,
      },
      headers: {},
    };
  }
}

/** The answer's body on the surface `url` belongs to. */
export function errorEnvelope(url: string, status: number, body: ErrorBody, requestId: string): object {
  if (isOpenAiSurface(url)) return { error: body };
  return {
    statusCode: status,
    error: HttpStatus[status] ?? STATUS_CODES[status] ?? 'Error',
    message: body.message,
    requestId,
  };
}

export function isOpenAiSurface(url: string): boolean {
  return url === '/v1' || url.startsWith('/v1/') || url.startsWith('/v1?');
}

/**
 * The client-error status of Nest's refusals, and of errors Fastify's plugins throw with a `statusCode` of their
 * own (@fastify/static answers an unsatisfiable `Range` with a 416 error, not a reply); null for anything else.
 */
function clientErrorStatus(exception: unknown): number | null {
  if (exception instanceof HttpException) {
    return exception.getStatus() < 500 ? exception.getStatus() : null;
  }
  const status = exception instanceof Error ? (exception as { statusCode?: unknown }).statusCode : undefined;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : null;
}

function clientErrorMessage(exception: Error): string {
  if (!(exception instanceof HttpException)) return exception.message;
  const response = exception.getResponse();
  return typeof response === 'object' && response !== null && 'message' in response
    ? [response.message].flat().join('; ')
    : exception.message;
}

/** Nest's and Fastify's own refusals (unknown route, bad JSON, body too large) by status. */
function httpExceptionCode(status: number): CommonErrorCode {
  switch (status) {
    case 404:
      return CommonErrorCode.NotFound;
    case 401:
      return CommonErrorCode.Unauthorized;
    case 403:
      return CommonErrorCode.Forbidden;
    case 429:
      return CommonErrorCode.RateLimitExceeded;
    case 413:
      return CommonErrorCode.BodyTooLarge;
    case 415:
      return CommonErrorCode.UnsupportedMediaType;
    default:
      return CommonErrorCode.InvalidRequest;
  }
}
