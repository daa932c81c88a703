import { randomUUID } from 'node:crypto';
import { STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { ErrorResponse } from '@teamflow/contracts/common';
import { AppError } from '@teamflow/core/platform/errors';
import type { Logger } from '@teamflow/core/platform/logger';
import { lingeringClose } from './close-in-stages';

function refusal(code: string | undefined): AppError {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return new AppError('HEADERS_TOO_LARGE', 'The URL and headers are larger than 16 KB');
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return new AppError('PAYLOAD_TOO_LARGE', 'The chunk extensions are too large');
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new AppError('REQUEST_TIMEOUT', 'The request headers did not arrive in time');
    default:
      return new AppError('MALFORMED_REQUEST', 'The request is not well-formed HTTP');
  }
}

/**
 * Requests Node's HTTP parser refuses never reach Express: a URL and headers over Node's 16 KB
 * (`maxHeaderSize`, kept: nothing we serve needs more), a header timeout, bytes that are not
 * HTTP. Node would answer an empty 431/408/400; this answers the same status in the one error
 * shape, with a request id, and closes the connection in stages (close-in-stages.ts): the rest of
 * a refused request's body, still arriving, must not reset the connection before the answer is read.
 */
export function answerClientErrors(server: Server, logger: Logger): void {
  // Connections answered here: the parser refuses each further chunk of their input again.
  const answered = new WeakSet<Duplex>();
  // Bytes a connection had written when its last finished response ended: past that, another
  // response has started (a kept-alive connection's earlier answers do not count).
  const finishedAt = new WeakMap<Duplex, number>();
  server.on('request', (req: IncomingMessage, res: ServerResponse) =>
    res.on('finish', () => finishedAt.set(req.socket, req.socket.bytesWritten)),
  );
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (answered.has(socket)) return;
    const written = (socket as { bytesWritten?: number }).bytesWritten ?? 0;
    // Nothing to answer: the client is gone, or a response has already started.
    if (error.code === 'ECONNRESET' || !socket.writable || written > (finishedAt.get(socket) ?? 0)) {
      socket.destroy();
      return;
    }
    const appError = refusal(error.code);
    const requestId = randomUUID();
    const body: ErrorResponse = { error: { code: appError.code, message: appError.message, requestId } };
    const json = JSON.stringify(body);
    logger.info('request refused by the http parser', {
      requestId,
      code: error.code,
      status: appError.status,
    });
    answered.add(socket);
    socket.write(
      [
        `HTTP/1.1 ${appError.status} ${STATUS_CODES[appError.status] ?? 'Error'}`,
        'Content-Type: application/json; charset=utf-8',
        `Content-Length: ${Buffer.byteLength(json)}`,
        `X-Request-Id: ${requestId}`,
        'X-Content-Type-Options: nosniff',
        'Cache-Control: no-store',
        'Connection: close',
        '',
        json,
      ].join('\r\n'),
    );
    lingeringClose(socket as Socket);
  });
}
