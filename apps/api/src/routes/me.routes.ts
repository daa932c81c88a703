import type { Router } from 'express';
import { ErrorResponse } from '@teamflow/contracts/common';
import { AccountExport, DeleteAccount } from '@teamflow/contracts/me';
import { deleteAccount } from '@teamflow/core/me/delete-account';
import { exportAccount } from '@teamflow/core/me/export-account';
import type { ApiDeps } from '../deps';
import { USER, type RouteTable } from '../http/route-table';

/** The caller's own data: take it all with you, or delete the account. */
export function meRoutes(table: RouteTable, router: Router, base: string, deps: ApiDeps): void {
  table.add(router, base, {
    method: 'get',
    path: '/me/export',
    summary: 'Everything you own or wrote, as one JSON document',
    tag: 'Me',
    access: USER,
    responses: { 200: AccountExport },
    handler: async ({ ctx, res }) => {
      const doc = await exportAccount(deps, ctx);
      res.set('Content-Disposition', 'attachment; filename="teamflow-account.json"');
      res.set('Cache-Control', 'private, no-store');
      return doc;
    },
  });
  table.add(router, base, {
    method: 'delete',
    path: '/me',
    summary:
      'Delete your account (password required); 409 while you are the last owner of a shared workspace',
    tag: 'Me',
    access: USER,
    body: DeleteAccount,
    responses: { 204: null, 400: ErrorResponse, 409: ErrorResponse },
    handler: async ({ ctx, body }) => {
      await deleteAccount(deps, ctx, body);
      // Their live sockets go at once; every token already fails (the account is gone).
      deps.realtime?.signedOut(ctx.actor.id);
      return undefined;
    },
  });
}
