import type { Router } from 'express';
import {
  AiBudgetUpdate,
  AiJobAccepted,
  AiRequest,
  AiUsageReport,
  BreakdownAccept,
  BreakdownAccepted,
  DuplicateQuery,
  DuplicateResult,
} from '@teamflow/contracts/ai';
import { ErrorResponse, ProjectParams, TaskParams, WorkspaceParams } from '@teamflow/contracts/common';
import { acceptBreakdown } from '@teamflow/core/ai/accept-breakdown';
import { getAiUsage } from '@teamflow/core/ai/get-ai-usage';
import { setAiBudget } from '@teamflow/core/ai/set-ai-budget';
import { findDuplicates } from '@teamflow/core/ai/find-duplicates';
import { requestAiJob } from '@teamflow/core/ai/request-ai-job';
import type { ApiDeps } from '../deps';
import { allow, type RouteTable } from '../http/route-table';

const QUEUED = {
  202: AiJobAccepted,
  400: ErrorResponse,
  402: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  429: ErrorResponse,
};

/** AI: queued breakdown / prioritisation / summary jobs (their state: jobs.routes.ts), duplicates, usage and budget. */
export function aiRoutes(table: RouteTable, router: Router, base: string, deps: ApiDeps): void {
  table.add(router, base, {
    method: 'post',
    path: '/tasks/:taskId/ai-breakdown',
    summary: 'Suggest 3–10 sub-tasks for a task (queued; poll GET /jobs/:jobId)',
    tag: 'AI',
    access: allow('ai.use', 'task', 'taskId'),
    params: TaskParams,
    body: AiRequest,
    responses: QUEUED,
    handler: ({ ctx, params, body }) => requestAiJob(deps, ctx, 'breakdown', params.taskId, body),
  });
  table.add(router, base, {
    method: 'post',
    path: '/tasks/:taskId/ai-breakdown/accept',
    summary: 'Create the picked suggestions of a completed breakdown as sub-tasks, all or none',
    tag: 'AI',
    access: allow('task.create', 'task', 'taskId'),
    params: TaskParams,
    body: BreakdownAccept,
    responses: {
      201: BreakdownAccepted,
      400: ErrorResponse,
      403: ErrorResponse,
      404: ErrorResponse,
      409: ErrorResponse,
    },
    handler: ({ ctx, params, body }) => acceptBreakdown(deps, ctx, params.taskId, body),
  });
  table.add(router, base, {
    method: 'post',
    path: '/projects/:projectId/ai-prioritize',
    summary: "Rank a project's open tasks with a reason each (queued)",
    tag: 'AI',
    access: allow('ai.use', 'project', 'projectId'),
    params: ProjectParams,
    body: AiRequest,
    responses: QUEUED,
    handler: ({ ctx, params, body }) => requestAiJob(deps, ctx, 'prioritize', params.projectId, body),
  });
  table.add(router, base, {
    method: 'post',
    path: '/workspaces/:workspaceId/ai/next',
    summary:
      "What should I take next: the caller's open assigned tasks, a short ranked list with reasons (queued; only the caller reads the job)",
    tag: 'AI',
    access: allow('ai.use', 'workspace', 'workspaceId'),
    params: WorkspaceParams,
    body: AiRequest,
    responses: QUEUED,
    handler: ({ ctx, body }) => requestAiJob(deps, ctx, 'next', ctx.actor.id, body),
  });
  table.add(router, base, {
    method: 'post',
    path: '/projects/:projectId/ai-summary',
    summary: 'Summarise the state of a project: highlights and risks (queued)',
    tag: 'AI',
    access: allow('ai.use', 'project', 'projectId'),
    params: ProjectParams,
    body: AiRequest,
    responses: QUEUED,
    handler: ({ ctx, params, body }) => requestAiJob(deps, ctx, 'summarize', params.projectId, body),
  });
  table.add(router, base, {
    method: 'post',
    path: '/projects/:projectId/ai-duplicates',
    summary: 'Open tasks similar to a title being typed (answered at once: full-text search + term vectors)',
    tag: 'AI',
    access: allow('task.create', 'project', 'projectId'),
    params: ProjectParams,
    body: DuplicateQuery,
    responses: { 200: DuplicateResult, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx, params, body }) => findDuplicates(deps, ctx, params.projectId, body),
  });
  table.add(router, base, {
    method: 'get',
    path: '/workspaces/:workspaceId/ai/usage',
    summary: 'AI tokens and cost this month against the budget, by provider and feature',
    tag: 'AI',
    access: allow('ai.usage.read', 'workspace', 'workspaceId'),
    params: WorkspaceParams,
    responses: { 200: AiUsageReport, 403: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx }) => getAiUsage(deps, ctx),
  });
  table.add(router, base, {
    method: 'put',
    path: '/workspaces/:workspaceId/ai/budget',
    summary: "Set the workspace's monthly AI budget (owner)",
    tag: 'AI',
    access: allow('ai.budget.update', 'workspace', 'workspaceId'),
    params: WorkspaceParams,
    body: AiBudgetUpdate,
    responses: { 200: AiUsageReport, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx, body }) => setAiBudget(deps, ctx, body),
  });
}
