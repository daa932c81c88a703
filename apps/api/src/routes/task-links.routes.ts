import type { Router } from 'express';
import { ErrorResponse, TaskParams } from '@teamflow/contracts/common';
import { TaskAsyncLinks } from '@teamflow/contracts/task-links';
import { listTaskLinks } from '@teamflow/core/async-links/list-task-links';
import type { ApiDeps } from '../deps';
import { allow, type RouteTable } from '../http/route-table';

export function taskLinkRoutes(table: RouteTable, router: Router, base: string, deps: ApiDeps): void {
  table.add(router, base, {
    method: 'get',
    path: '/tasks/:taskId/async-links',
    summary: 'The decisions, incidents and blockers linked to a task',
    tag: 'Async updates',
    access: allow('task.read', 'task', 'taskId'),
    params: TaskParams,
    responses: { 200: TaskAsyncLinks, 404: ErrorResponse },
    handler: ({ ctx, params }) => listTaskLinks(deps, ctx, params.taskId),
  });
}
