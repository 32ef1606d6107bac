import { NotFoundError } from '../common/errors';

declare module '../common/errors' {
  interface ErrorCodeRegistry {
    requestLogs: RequestLogsErrorCode;
  }
}

export enum RequestLogsErrorCode {
  RequestLogNotFound = 'request_log_not_found',
}

export class RequestLogNotFoundError extends NotFoundError {
  constructor(requestId: string) {
    super(RequestLogsErrorCode.RequestLogNotFound, `No request log with id ${requestId}.`);
  }
}
