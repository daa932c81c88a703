import type { Router } from 'express';
import { DevMailList, DevMailQuery } from '@teamflow/contracts/admin';
import { ErrorResponse } from '@teamflow/contracts/common';
import { listDevMail } from '@teamflow/core/mail/list-dev-mail';
import { forbidden } from '@teamflow/core/platform/errors';
import { isPlatformAdmin } from '@teamflow/core/platform/platform-admin';
import type { ApiDeps } from '../deps';
import { USER, type RouteTable } from '../http/route-table';

/** Operations pages for platform admins (PLATFORM_ADMIN_EMAILS). Bull Board is mounted in app.ts. */
export function adminRoutes(table: RouteTable, router: Router, deps: ApiDeps): void {
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
