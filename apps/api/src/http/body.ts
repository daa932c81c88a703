import express, { type NextFunction, type Request, type Response } from 'express';
import { AppError } from '@teamflow/core/platform/errors';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Only JSON bodies are accepted (415 otherwise), up to 1 MB (413). */
export function jsonBody() {
  const parse = express.json({ limit: '1mb', strict: true });
  return (req: Request, res: Response, next: NextFunction): void => {
    const hasBody = Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined;
    if (BODY_METHODS.has(req.method) && hasBody && !req.is('application/json')) {
      next(new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json'));
      return;
    }
    parse(req, res, next);
  };
}
