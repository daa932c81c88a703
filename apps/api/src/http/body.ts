import express, { type NextFunction, type Request, type Response } from 'express';
import { AppError } from '@teamflow/core/platform/errors';

// Not strict: a bare JSON value (`42`, `"text"`, `null`) is JSON, so it is the body schema that
// refuses it (400 VALIDATION_ERROR naming what was expected); INVALID_JSON is for text that is not
// JSON at all, as the contract's error table says.
const parseJson = express.json({ limit: '1mb', strict: false });

/**
 * The body parser of a route that declares a body schema (the route table adds it to that route
 * only: a route without one never reads a body, so junk sent to `GET /health/ready` is ignored).
 * Only JSON is accepted (415 otherwise), up to 1 MB (413), uncompressed or as gzip, deflate or br.
 */
export function jsonBody(req: Request, res: Response, next: NextFunction): void {
  const hasBody = Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined;
  if (hasBody && !req.is('application/json')) {
    next(new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json'));
    return;
  }
  parseJson(req, res, next);
}
