import type { Router } from 'express';
import { DevMailList, DevMailQuery } from '@teamflow/contracts/admin';
import { ErrorResponse } from '@teamflow/contracts/common';
import { listDevMail } from '@teamflow/core/mail/list-dev-mail';
import { forbidden } from '@teamflow/core/platform/errors';
import { isPlatformAdmin } from '@teamflow/core/platform/platform-admin';
import type { ApiDeps } from '../deps';
import { USER, type RouteTable } from '../http/route-table';
import { setAdminCookie } from '../admin/admin-session';
import { bearerToken } from '../http/authenticate';

/** Operations pages for platform admins (PLATFORM_ADMIN_EMAILS). Bull Board is mounted in app.ts. */
export function adminRoutes(
  table: RouteTable,
  router: Router,
  v1: Router,
  apiBase: string,
  deps: ApiDeps,
): void {
  // Under /api/v1 so the web app's one api client can call it; the cookie it sets is scoped to /admin.
  table.add(v1, apiBase, {
    method: 'post',
    path: '/admin/session',
    summary:
      'Let this browser open Bull Board: sets an HttpOnly admin cookie holding the access token (platform admins)',
    tag: 'Operations',
    access: USER,
    responses: { 204: null, 401: ErrorResponse, 403: ErrorResponse },
    handler: ({ user, req, res }) => {
      if (!isPlatformAdmin(deps.env, user.email)) throw forbidden('Platform admins only');
      setAdminCookie(deps, res, bearerToken(req)!, req.claims!.exp);
      return Promise.resolve(undefined);
    },
  });

  table.add(router, '', {
    method: 'get',
    path: '/admin/mail',
    summary: 'The dev outbox: emails kept by the email job when no SMTP_URL is set (platform admins)',
    tag: 'Operations',
    access: USER,
    query: DevMailQuery,
    responses: { 200: DevMailList, 401: ErrorResponse, 403: ErrorResponse },
    handler: async ({ user, query }) => {
      if (!isPlatformAdmin(deps.env, user.email)) throw forbidden('Platform admins only');
      return listDevMail(deps, query);
    },
  });
}
