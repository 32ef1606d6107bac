import { STATUS_CODES } from 'node:http';
import { Socket } from 'node:net';
import { errorEnvelope } from './error.filter';
import { CommonErrorCode, ErrorCatalog } from './errors';
import { mintRequestId } from './request-context';

/** What Node's HTTP parser reports when it gives up on a connection before any route sees the request. */
export interface ClientConnectionError extends Error {
  code?: string;
  /** The bytes the parser had read (a Buffer, whatever Fastify's types say); absent when nothing came in time. */
  rawPacket?: unknown;
}

const REQUEST_LINE = /^[A-Z]+ (\/\S*)/;

/**
 * Answers requests Node refuses while parsing (too slow, headers too large, malformed) in the envelope of the
 * surface they were meant for, as every other error is, instead of Fastify's own `{error, message, statusCode}`;
 * then closes the connection, whose state the parser no longer knows. A request whose path was never read is
 * taken for `/v1`, where API clients parse errors.
 */
export function answerClientError(catalog: ErrorCatalog, error: ClientConnectionError, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const { code, message } = refusal(error);
  const status = catalog.presentationOf(code).status;
  const head = Buffer.isBuffer(error.rawPacket) ? error.rawPacket.subarray(0, 2048).toString('latin1') : '';
  const url = head.match(REQUEST_LINE)?.[1] ?? '/v1';
  const requestId = mintRequestId();
  const body = JSON.stringify(
    errorEnvelope(
      url,
      status,
      { message, type: catalog.presentationOf(code).type, param: null, code },
      requestId,
    ),
  );
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nx-request-id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
    () => socket.destroy(),
  );
}

function refusal(error: ClientConnectionError): { code: CommonErrorCode; message: string } {
  switch (error.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return {
        code: CommonErrorCode.RequestTimeout,
        message:
          'The request was not received in time (WARDEN_REQUEST_TIMEOUT_MS); send it at once and retry.',
      };
    case 'HPE_HEADER_OVERFLOW':
      return {
        code: CommonErrorCode.HeadersTooLarge,
        message: 'The request headers are larger than the server accepts (16 KB in all).',
      };
    default:
      return { code: CommonErrorCode.InvalidRequest, message: 'The request is not valid HTTP/1.1.' };
  }
}
