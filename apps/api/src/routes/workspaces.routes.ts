import type { Router } from 'express';
import { ErrorResponse, PageQuery, WorkspaceParams } from '@teamflow/contracts/common';
import { Workspace, WorkspaceCreate, WorkspaceList, WorkspaceUpdate } from '@teamflow/contracts/workspaces';
import { createWorkspace } from '@teamflow/core/workspaces/create-workspace';
import { deleteWorkspace } from '@teamflow/core/workspaces/delete-workspace';
import { getWorkspace } from '@teamflow/core/workspaces/get-workspace';
import { listWorkspaces } from '@teamflow/core/workspaces/list-workspaces';
import { updateWorkspace } from '@teamflow/core/workspaces/update-workspace';
import type { ApiDeps } from '../deps';
import { allow, USER, type RouteTable } from '../http/route-table';

export function workspaceRoutes(table: RouteTable, router: Router, base: string, deps: ApiDeps): void {
  const tag = 'Workspaces';
  table.add(router, base, {
    method: 'post',
    path: '/workspaces',
    summary: 'Create a workspace (you become its owner)',
    tag,
    access: USER,
    body: WorkspaceCreate,
    responses: { 201: Workspace, 400: ErrorResponse, 409: ErrorResponse },
    handler: ({ ctx, body }) => createWorkspace(deps, ctx, body),
  });
  table.add(router, base, {
    method: 'get',
    path: '/workspaces',
    summary: 'Your workspaces with your role',
    tag,
    access: USER,
    query: PageQuery,
    responses: { 200: WorkspaceList, 400: ErrorResponse },
    handler: ({ ctx, query }) => listWorkspaces(deps, ctx, query),
  });
  table.add(router, base, {
    method: 'get',
    path: '/workspaces/:workspaceId',
    summary: 'A workspace',
    tag,
    access: allow('workspace.read', 'workspace', 'workspaceId'),
    params: WorkspaceParams,
    responses: { 200: Workspace, 404: ErrorResponse },
    handler: ({ ctx }) => getWorkspace(deps, ctx),
  });
  table.add(router, base, {
    method: 'patch',
    path: '/workspaces/:workspaceId',
    summary: 'Rename a workspace or change its URL',
    tag,
    access: allow('workspace.update', 'workspace', 'workspaceId'),
    params: WorkspaceParams,
    body: WorkspaceUpdate,
    responses: {
      200: Workspace,
      400: ErrorResponse,
      403: ErrorResponse,
      404: ErrorResponse,
      409: ErrorResponse,
    },
    handler: ({ ctx, body }) => updateWorkspace(deps, ctx, body),
  });
  table.add(router, base, {
    method: 'delete',
    path: '/workspaces/:workspaceId',
    summary: 'Delete a workspace (soft)',
    tag,
    access: allow('workspace.delete', 'workspace', 'workspaceId'),
    params: WorkspaceParams,
    responses: { 204: null, 403: ErrorResponse, 404: ErrorResponse },
    handler: async ({ ctx }) => {
      await deleteWorkspace(deps, ctx);
    },
  });
}
