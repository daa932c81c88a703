import type { Router } from 'express';
import { ErrorResponse, WorkspaceParams } from '@teamflow/contracts/common';
import {
  StatusUpdate,
  StatusUpdateCreate,
  StatusUpdateDraft,
  StatusUpdateListQuery,
  StatusUpdatePage,
  StatusUpdateParams,
  StatusUpdateUpdate,
} from '@teamflow/contracts/status-updates';
import { createStatusUpdate } from '@teamflow/core/status-updates/create-status-update';
import { deleteStatusUpdate } from '@teamflow/core/status-updates/delete-status-update';
import { getStatusUpdateDraft } from '@teamflow/core/status-updates/get-status-update-draft';
import { listStatusUpdates } from '@teamflow/core/status-updates/list-status-updates';
import { updateStatusUpdate } from '@teamflow/core/status-updates/update-status-update';
import type { ApiDeps } from '../deps';
import { allow, type RouteTable } from '../http/route-table';

export function statusUpdateRoutes(table: RouteTable, router: Router, base: string, deps: ApiDeps): void {
  const tag = 'Async updates';
  table.add(router, base, {
    method: 'post',
    path: '/workspaces/:workspaceId/status-updates',
    summary: 'Post your check-in (one per date in your zone; a second → 409 with the first)',
    tag,
    access: allow('statusUpdate.create', 'workspace', 'workspaceId'),
    params: WorkspaceParams,
    body: StatusUpdateCreate,
    responses: {
      201: StatusUpdate,
      400: ErrorResponse,
      403: ErrorResponse,
      404: ErrorResponse,
      409: ErrorResponse,
    },
    handler: ({ ctx, body }) => createStatusUpdate(deps, ctx, body),
  });
  table.add(router, base, {
    method: 'get',
    path: '/workspaces/:workspaceId/status-updates',
    summary: "The team's check-ins, newest first (a mood is shown only to its author)",
    tag,
    access: allow('statusUpdate.read', 'workspace', 'workspaceId'),
    params: WorkspaceParams,
    query: StatusUpdateListQuery,
    responses: { 200: StatusUpdatePage, 400: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx, query }) => listStatusUpdates(deps, ctx, query),
  });
  table.add(router, base, {
    method: 'get',
    path: '/workspaces/:workspaceId/status-updates/draft',
    summary: 'Your draft from your own activity since your last update (nothing is saved)',
    tag,
    access: allow('statusUpdate.create', 'workspace', 'workspaceId'),
    params: WorkspaceParams,
    responses: { 200: StatusUpdateDraft, 403: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx }) => getStatusUpdateDraft(deps, ctx),
  });
  table.add(router, base, {
    method: 'patch',
    path: '/status-updates/:statusUpdateId',
    summary: 'Edit your update (author only; send the version you saw)',
    tag,
    access: allow('statusUpdate.update', 'statusUpdate', 'statusUpdateId'),
    params: StatusUpdateParams,
    body: StatusUpdateUpdate,
    responses: {
      200: StatusUpdate,
      400: ErrorResponse,
      403: ErrorResponse,
      404: ErrorResponse,
      409: ErrorResponse,
    },
    handler: ({ ctx, params, body }) => updateStatusUpdate(deps, ctx, params.statusUpdateId, body),
  });
  table.add(router, base, {
    method: 'delete',
    path: '/status-updates/:statusUpdateId',
    summary: 'Delete your update (author only)',
    tag,
    access: allow('statusUpdate.delete', 'statusUpdate', 'statusUpdateId'),
    params: StatusUpdateParams,
    responses: { 204: null, 403: ErrorResponse, 404: ErrorResponse },
    handler: async ({ ctx, params }) => {
      await deleteStatusUpdate(deps, ctx, params.statusUpdateId);
      return undefined;
    },
  });
}
