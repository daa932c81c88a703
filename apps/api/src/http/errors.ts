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

function fromBodyParser(error: { type?: string }): AppError | undefined {
  switch (error.type) {
    case 'entity.too.large':
      return new AppError('PAYLOAD_TOO_LARGE', 'The JSON body is larger than 1 MB');
    case 'entity.parse.failed':
      return new AppError('INVALID_JSON', 'The body is not valid JSON');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', 'Unsupported body encoding');
    default:
      return undefined;
  }
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
  const e = (root ?? error) as { type?: string; code?: string; message?: string };
  const parsed = fromBodyParser(e);
  if (parsed) return parsed;
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
