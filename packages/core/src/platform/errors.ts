import type { ErrorCode, FieldError } from '@teamflow/contracts/common';

const STATUS: Record<ErrorCode, number> = {
  VALIDATION_ERROR: 400,
  // Bytes that are not HTTP (answered by the http server, before Express).
  MALFORMED_REQUEST: 400,
  INVALID_JSON: 400,
  // The body could not be read as sent (e.g. `Content-Encoding: gzip` on bytes that are not gzip).
  INVALID_BODY: 400,
  // A path segment that is not valid percent-encoding (`/tasks/%zz`).
  INVALID_PATH_PARAM: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  // Headers not received within the server's headersTimeout.
  REQUEST_TIMEOUT: 408,
  CONFLICT: 409,
  // An Idempotency-Key whose first request is still running (retry shortly).
  IDEMPOTENCY_IN_PROGRESS: 409,
  // An Idempotency-Key sent again with a different request.
  IDEMPOTENCY_KEY_REUSED: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNSUPPORTED_CONTENT_ENCODING: 415,
  ACCOUNT_LOCKED: 423,
  RATE_LIMIT_EXCEEDED: 429,
  // Request line and headers over Node's 16 KB (answered by the http server, before Express).
  HEADERS_TOO_LARGE: 431,
  // Payment Required: the workspace's monthly AI budget is spent (the local model still works).
  AI_BUDGET_EXCEEDED: 402,
  // The virus scanner found something in an upload (nothing was stored).
  INFECTED: 422,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_ERROR: 500,
};

/** The one error type: a code (which fixes the HTTP status), a message safe to show, optional details. */
export class AppError extends Error {
  override name = 'AppError';
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
    // Only where the contract pairs a code with another status (an import's bad rows: 422 VALIDATION_ERROR).
    status?: number,
  ) {
    super(message);
    this.status = status ?? STATUS[code];
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);
export const forbidden = (message = 'Your role does not allow this') => new AppError('FORBIDDEN', message);
export const conflict = (message: string, details?: unknown) => new AppError('CONFLICT', message, details);
export const invalid = (details: FieldError[], message = 'Request validation failed') =>
  new AppError('VALIDATION_ERROR', message, details);
export const unauthorized = (message = 'Authentication required') => new AppError('UNAUTHORIZED', message);
export const unavailable = (message: string) => new AppError('SERVICE_UNAVAILABLE', message);
