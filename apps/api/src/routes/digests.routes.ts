import type { Router } from 'express';
import { ErrorResponse, WorkspaceParams } from '@teamflow/contracts/common';
import {
  Digest,
  DigestListQuery,
  DigestPage,
  DigestParams,
  DigestRegenerateAccepted,
} from '@teamflow/contracts/digests';
import { getDigest } from '@teamflow/core/digests/get-digest';
import { listDigests } from '@teamflow/core/digests/list-digests';
import { requestDigest } from '@teamflow/core/digests/request-digest';
import type { ApiDeps } from '../deps';
import { allow, type RouteTable } from '../http/route-table';

export function digestRoutes(table: RouteTable, router: Router, base: string, deps: ApiDeps): void {
  const tag = 'Async updates';
  table.add(router, base, {
    method: 'get',
    path: '/workspaces/:workspaceId/digests',
    summary: 'Daily digests, newest day first',
    tag,
    access: allow('digest.read', 'workspace', 'workspaceId'),
    params: WorkspaceParams,
    query: DigestListQuery,
    responses: { 200: DigestPage, 400: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx, query }) => listDigests(deps, ctx, query),
  });
  table.add(router, base, {
    method: 'get',
    path: '/workspaces/:workspaceId/digests/:date',
    summary: "A day's digest (date in the workspace's zone)",
    tag,
    access: allow('digest.read', 'workspace', 'workspaceId'),
    params: DigestParams,
    responses: { 200: Digest, 400: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx, params }) => getDigest(deps, ctx, params.date),
  });
  table.add(router, base, {
    method: 'post',
    path: '/workspaces/:workspaceId/digests/:date/regenerate',
    summary: "Make the day's digest again (owners and admins); the worker replaces it",
    tag,
    access: allow('digest.regenerate', 'workspace', 'workspaceId'),
    params: DigestParams,
    responses: { 202: DigestRegenerateAccepted, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx, params }) => requestDigest(deps, ctx, params.date),
  });
}
