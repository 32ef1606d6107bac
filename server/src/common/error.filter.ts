import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Inject } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Logger } from 'pino';
import { ErrorBody, OpenAiErrorType, WardenError } from './errors';
import { loggableError } from '../database/query-errors';
import { LOGGER } from './logger.module';

interface MappedError {
  status: number;
  body: ErrorBody;
  headers: Record<string, string>;
}

/**
 * The one place errors become HTTP answers. `/v1/*` speaks only OpenAI's envelope; every other surface answers
 * `{statusCode, error, message, requestId}`. Anything unexpected is logged and becomes a 500 naming the request id.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const mapped = this.map(exception, request.id);
    if (reply.sent || reply.raw.headersSent) {
      return;
    }
    reply.headers(mapped.headers);
    if (isOpenAiSurface(request.url)) {
      reply.status(mapped.status).send({ error: mapped.body });
    } else {
      reply.status(mapped.status).send({
        statusCode: mapped.status,
        error: HttpStatus[mapped.status] ?? 'Error',
        message: mapped.body.message,
        requestId: request.id,
      });
    }
  }

  map(exception: unknown, requestId: string): MappedError {
    if (exception instanceof WardenError) {
      return { status: exception.status, body: exception.toBody(), headers: exception.headers };
    }
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      const status = exception.getStatus();
      return { status, body: httpExceptionBody(exception, status), headers: {} };
    }
    this.logger.error({ err: loggableError(exception), requestId }, 'unhandled error');
    return {
      status: 500,
      body: {
        message: `The server had an error while processing your request. Quote request id ${requestId} when reporting it.`,
        type: OpenAiErrorType.Server,
        param: null,
        code: 'internal_error',
      },
      headers: {},
    };
  }
}

export function isOpenAiSurface(url: string): boolean {
  return url === '/v1' || url.startsWith('/v1/') || url.startsWith('/v1?');
}

function httpExceptionBody(exception: HttpException, status: number): ErrorBody {
  const response = exception.getResponse();
  const message =
    typeof response === 'object' && response !== null && 'message' in response
      ? [response.message].flat().join('; ')
      : exception.message;
  if (status === 404) {
    return { message, type: OpenAiErrorType.InvalidRequest, param: null, code: 'not_found' };
  }
  if (status === 401) {
    return { message, type: OpenAiErrorType.Authentication, param: null, code: 'unauthorized' };
  }
  if (status === 403) {
    return { message, type: OpenAiErrorType.Permission, param: null, code: 'forbidden' };
  }
  if (status === 429) {
    return { message, type: OpenAiErrorType.RateLimit, param: null, code: 'rate_limit_exceeded' };
  }
  return {
    message,
    type: OpenAiErrorType.InvalidRequest,
    param: null,
    code: status === 413 ? 'body_too_large' : 'invalid_request',
  };
}
