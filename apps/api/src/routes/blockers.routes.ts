import type { Router } from 'express';
import {
  Blocker,
  BlockerAcknowledge,
  BlockerCreate,
  BlockerListQuery,
  BlockerPage,
  BlockerParams,
  BlockerResolve,
} from '@teamflow/contracts/blockers';
import { ErrorResponse, WorkspaceParams } from '@teamflow/contracts/common';
import { acknowledgeBlocker } from '@teamflow/core/blockers/acknowledge-blocker';
import { createBlocker } from '@teamflow/core/blockers/create-blocker';
import { getBlocker } from '@teamflow/core/blockers/get-blocker';
import { listBlockers } from '@teamflow/core/blockers/list-blockers';
import { resolveBlocker } from '@teamflow/core/blockers/resolve-blocker';
import type { ApiDeps } from '../deps';
import { allow, type RouteTable } from '../http/route-table';

export function blockerRoutes(table: RouteTable, router: Router, base: string, deps: ApiDeps): void {
  const tag = 'Async updates';
  const writeErrors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
  table.add(router, base, {
    method: 'post',
    path: '/workspaces/:workspaceId/blockers',
    summary: 'Raise a blocker (status open)',
    tag,
    access: allow('blocker.create', 'workspace', 'workspaceId'),
    params: WorkspaceParams,
    body: BlockerCreate,
    responses: { 201: Blocker, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx, body }) => createBlocker(deps, ctx, body),
  });
  table.add(router, base, {
    method: 'get',
    path: '/workspaces/:workspaceId/blockers',
    summary: 'The blocker register, newest first',
    tag,
    access: allow('blocker.read', 'workspace', 'workspaceId'),
    params: WorkspaceParams,
    query: BlockerListQuery,
    responses: { 200: BlockerPage, 400: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx, query }) => listBlockers(deps, ctx, query),
  });
  table.add(router, base, {
    method: 'get',
    path: '/blockers/:blockerId',
    summary: 'A blocker',
    tag,
    access: allow('blocker.read', 'blocker', 'blockerId'),
    params: BlockerParams,
    responses: { 200: Blocker, 404: ErrorResponse },
    handler: ({ ctx, params }) => getBlocker(deps, ctx, params.blockerId),
  });
  table.add(router, base, {
    method: 'post',
    path: '/blockers/:blockerId/acknowledge',
    summary: "Acknowledge someone else's open blocker (the reporter → 403; not open → 409)",
    tag,
    access: allow('blocker.update', 'blocker', 'blockerId'),
    params: BlockerParams,
    body: BlockerAcknowledge,
    responses: { 200: Blocker, ...writeErrors },
    handler: ({ ctx, params, body }) => acknowledgeBlocker(deps, ctx, params.blockerId, body),
  });
  table.add(router, base, {
    method: 'post',
    path: '/blockers/:blockerId/resolve',
    summary: 'Resolve a blocker, saying how (already resolved → 409)',
    tag,
    access: allow('blocker.update', 'blocker', 'blockerId'),
    params: BlockerParams,
    body: BlockerResolve,
    responses: { 200: Blocker, ...writeErrors },
    handler: ({ ctx, params, body }) => resolveBlocker(deps, ctx, params.blockerId, body),
  });
}
