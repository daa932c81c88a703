import type { Router } from 'express';
import { ErrorResponse, WorkspaceParams } from '@teamflow/contracts/common';
import {
  DecisionCreate,
  DecisionDetail,
  DecisionListQuery,
  DecisionPage,
  DecisionParams,
  DecisionUpdate,
} from '@teamflow/contracts/decisions';
import { createDecision } from '@teamflow/core/decisions/create-decision';
import { getDecision } from '@teamflow/core/decisions/get-decision';
import { listDecisions } from '@teamflow/core/decisions/list-decisions';
import { updateDecision } from '@teamflow/core/decisions/update-decision';
import type { ApiDeps } from '../deps';
import { allow, type RouteTable } from '../http/route-table';

export function decisionRoutes(table: RouteTable, router: Router, base: string, deps: ApiDeps): void {
  const tag = 'Async updates';
  const writeErrors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
  table.add(router, base, {
    method: 'post',
    path: '/workspaces/:workspaceId/decisions',
    summary:
      'Record a decision (key DEC-n); with supersedesId the accepted one it replaces becomes superseded',
    tag,
    access: allow('decision.create', 'workspace', 'workspaceId'),
    params: WorkspaceParams,
    body: DecisionCreate,
    responses: { 201: DecisionDetail, ...writeErrors },
    handler: ({ ctx, body }) => createDecision(deps, ctx, body),
  });
  table.add(router, base, {
    method: 'get',
    path: '/workspaces/:workspaceId/decisions',
    summary: 'The decision log, newest first (?status=, ?q=)',
    tag,
    access: allow('decision.read', 'workspace', 'workspaceId'),
    params: WorkspaceParams,
    query: DecisionListQuery,
    responses: { 200: DecisionPage, 400: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx, query }) => listDecisions(deps, ctx, query),
  });
  table.add(router, base, {
    method: 'get',
    path: '/decisions/:decisionId',
    summary: 'A decision with what it supersedes and what superseded it',
    tag,
    access: allow('decision.read', 'decision', 'decisionId'),
    params: DecisionParams,
    responses: { 200: DecisionDetail, 404: ErrorResponse },
    handler: ({ ctx, params }) => getDecision(deps, ctx, params.decisionId),
  });
  table.add(router, base, {
    method: 'patch',
    path: '/decisions/:decisionId',
    summary: 'Edit a decision; proposed → accepted | rejected, accepted → deprecated (else 409)',
    tag,
    access: allow('decision.update', 'decision', 'decisionId'),
    params: DecisionParams,
    body: DecisionUpdate,
    responses: { 200: DecisionDetail, ...writeErrors },
    handler: ({ ctx, params, body }) => updateDecision(deps, ctx, params.decisionId, body),
  });
}
