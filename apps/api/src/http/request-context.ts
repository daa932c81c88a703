import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { AccessClaims } from '@teamflow/core/auth/tokens';
import type { Logger } from '@teamflow/core/platform/logger';
import type { ApiDeps } from '../deps';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      requestId: string;
      log: Logger;
      claims?: AccessClaims;
      /** The caller's access stamp, read with the deny-list (see core/workspaces/access-stamp.ts). */
      accessStamp?: string | null;
      routeTemplate?: string;
    }
  }
}

const VALID_ID = /^[\w\-.:]{1,128}$/;

/** Request id (echoing a sane incoming one), a child logger carrying it, and one access-log line with timing. */
export function requestContext(deps: ApiDeps, state: { shuttingDown: boolean }) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const incoming = req.get('x-request-id');
    req.requestId = incoming && VALID_ID.test(incoming) ? incoming : randomUUID();
    req.log = deps.logger.child({ requestId: req.requestId });
    res.setHeader('X-Request-Id', req.requestId);
    if (state.shuttingDown) res.setHeader('Connection', 'close');
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = req.routeTemplate ?? 'unmatched';
      deps.metrics.httpDuration.observe(
        { method: req.method, route, status: String(res.statusCode) },
        seconds,
      );
      // Checked first: winston builds and pipes a line through its format stream before it
      // filters by level, which cost every request when LOG_LEVEL is above info.
      if (req.log.isInfoEnabled())
        req.log.info('request', {
          method: req.method,
          route,
          status: res.statusCode,
          durationMs: Math.round(seconds * 1000 * 10) / 10,
          userId: req.claims?.sub,
        });
    });
    next();
  };
}
