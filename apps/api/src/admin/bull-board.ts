import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import helmet from 'helmet';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { loadUser } from '@teamflow/core/auth/authenticate';
import { forbidden } from '@teamflow/core/platform/errors';
import { isPlatformAdmin } from '@teamflow/core/platform/platform-admin';
import type { ApiDeps } from '../deps';
import { bearerToken, requireToken } from '../http/authenticate';
import { ADMIN_COOKIE } from './admin-session';

export const BULL_BOARD_PATH = '/admin/queues';

/** A browser cannot send a bearer header on navigation, so the admin-session cookie stands in for it. */
function bearerOrAdminCookie(req: Request): string | undefined {
  const cookies = req.cookies as Record<string, string | undefined> | undefined;
  return bearerToken(req) ?? cookies?.[ADMIN_COOKIE];
}

/**
 * An access token is required (401) — as a bearer header, or the `tf_admin` cookie set by
 * `POST /admin/session` — and the caller's email must be in PLATFORM_ADMIN_EMAILS (403).
 */
export function requirePlatformAdmin(deps: ApiDeps) {
  const token = requireToken(deps, true, bearerOrAdminCookie);
  return async function requirePlatformAdmin(req: Request, res: Response, next: NextFunction): Promise<void> {
    await token(req, res, () => undefined);
    if (!req.claims) return;
    const user = await loadUser(deps, req.claims.sub);
    if (!isPlatformAdmin(deps.env, user.email)) throw forbidden('Platform admins only');
    next();
  };
}

/**
 * Bull Board (UI, its JSON api and its static assets, all served from the @bull-board packages —
 * no CDN) behind `requirePlatformAdmin`. It is the one documented exception to "every route comes
 * from the RouteTable": Bull Board brings its own router, so the guard sits in front of all of it
 * (route-guard.test.ts checks exactly this pair of handlers).
 */
export function bullBoardRouter(deps: ApiDeps): Router {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(BULL_BOARD_PATH);
  createBullBoard({
    queues: Object.values(deps.queues).map((q) => new BullMQAdapter(q)),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'TeamFlow jobs' } },
  });
  const router = express.Router();
  // The page links a Google Fonts stylesheet; this CSP keeps everything on our origin (system fonts instead).
  const selfOnly = helmet.contentSecurityPolicy({
    directives: { styleSrc: ["'self'", "'unsafe-inline'"], fontSrc: ["'self'", 'data:'] },
  });
  router.use(requirePlatformAdmin(deps), selfOnly, serverAdapter.getRouter() as express.Router);
  return router;
}
