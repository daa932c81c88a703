import type { NextFunction, Request, Response } from 'express';
import type { ErrorResponse } from '@teamflow/contracts/common';
import { AppError } from '@teamflow/core/platform/errors';
import type { ApiDeps } from '../deps';

// node-postgres/network failures that mean "the database is not reachable right now".
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

/** What Express's router and the body parser attach to an error that is the caller's doing. */
interface HttpLayerError extends Error {
  status?: unknown;
  statusCode?: unknown;
  /** http-errors sets it on every 4xx it creates (the body parser makes all of its errors with it). */
  expose?: unknown;
  /** The body parser's reason, e.g. `entity.parse.failed`. */
  type?: unknown;
}

const BODY_ERRORS: Record<string, () => AppError> = {
  'entity.too.large': () => new AppError('PAYLOAD_TOO_LARGE', 'The JSON body is larger than 1 MB'),
  'entity.parse.failed': () => new AppError('INVALID_JSON', 'The body is not valid JSON'),
  'encoding.unsupported': () =>
    new AppError(
      'UNSUPPORTED_CONTENT_ENCODING',
      'Unsupported Content-Encoding: send the body uncompressed, or as gzip, deflate or br',
    ),
  'charset.unsupported': () => new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the JSON body as UTF-8'),
  'request.size.invalid': () =>
    new AppError('INVALID_BODY', 'The body is not as long as its Content-Length says'),
  'request.aborted': () => new AppError('INVALID_BODY', 'The request ended before its body did'),
};

/**
 * A 4xx that Express's router or the body parser raised: the request was malformed, so it gets a
 * named 4xx code and never reaches Sentry. Only errors marked by those layers count (a URIError
 * from the router, an http-error with `expose`): a provider SDK's error also has a 4xx `status`,
 * but that one is a failure of ours.
 */
function fromHttpLayer(error: unknown): AppError | undefined {
  if (!(error instanceof Error)) return undefined;
  const e = error as HttpLayerError;
  const status = typeof e.status === 'number' ? e.status : e.statusCode;
  if (typeof status !== 'number' || status < 400 || status > 499) return undefined;
  // The router could not percent-decode a path segment ("Failed to decode param '%zz'").
  if (error instanceof URIError)
    return new AppError('INVALID_PATH_PARAM', 'A path parameter is not valid percent-encoding');
  if (e.expose !== true) return undefined;
  const byType = typeof e.type === 'string' ? BODY_ERRORS[e.type] : undefined;
  if (byType) return byType();
  if (status === 413) return new AppError('PAYLOAD_TOO_LARGE', 'The body is too large');
  if (status === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE', 'Unsupported body encoding');
  // Untyped: the body parser's failed inflate (zlib "incorrect header check" when the bytes are
  // not what Content-Encoding says) or a read that broke off.
  return new AppError(
    'INVALID_BODY',
    'The body could not be read: it does not match its Content-Encoding, or it was cut short',
  );
}

/** The driver's error under any wrappers (Drizzle wraps a failed query, keeping it as `cause`). */
function rootCause(error: unknown): unknown {
  let e = error;
  for (let depth = 0; depth < 5; depth++) {
    const cause = e && typeof e === 'object' ? (e as { cause?: unknown }).cause : undefined;
    if (!cause) break;
    e = cause;
  }
  return e;
}

function classify(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  const root = rootCause(error);
  if (root !== error && root instanceof AppError) return root;
  const fromHttp = fromHttpLayer(error);
  if (fromHttp) return fromHttp;
  const e = (root ?? error) as { code?: string; message?: string };
  const code = e.code ?? '';
  if (
    UNAVAILABLE_CODES.has(code) ||
    code.startsWith('08') ||
    /Connection terminated|timeout exceeded when trying to connect|not queryable|Client was closed/i.test(
      e.message ?? '',
    )
  ) {
    return new AppError('SERVICE_UNAVAILABLE', 'The database is unavailable; try again shortly');
  }
  // Data exceptions (bad date, out-of-range number) are the caller's input, not our failure.
  if (code.startsWith('22')) return new AppError('VALIDATION_ERROR', 'A value is out of range or malformed');
  return undefined;
}

/** The one place errors become responses: `{ error: { code, message, details?, requestId } }`. */
export function errorHandler(deps: ApiDeps) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const known = classify(error);
    const appError = known ?? new AppError('INTERNAL_ERROR', 'Something went wrong on our side');
    if (!known) {
      req.log?.error('unhandled error', { error, route: req.routeTemplate });
      deps.reportError?.(error, { requestId: req.requestId, route: req.routeTemplate });
    } else if (appError.status === 503) {
      req.log?.warn('dependency unavailable', { message: (error as Error).message });
    }
    for (const [name, value] of Object.entries(appError.headers ?? {})) res.setHeader(name, value);
    const body: ErrorResponse = {
      error: {
        code: appError.code,
        message: appError.message,
        ...(appError.details !== undefined ? { details: appError.details } : {}),
        requestId: req.requestId,
      },
    };
    res.status(appError.status).json(body);
  };
}

export function notFoundHandler(req: Request, _res: Response, next: NextFunction): void {
  next(new AppError('NOT_FOUND', `No route for ${req.method} ${req.path}`));
}
