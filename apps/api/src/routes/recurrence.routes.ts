import type { Router } from 'express';
import { ErrorResponse, TaskParams } from '@teamflow/contracts/common';
import { RecurrenceSet, TaskRecurrence, TaskSeries } from '@teamflow/contracts/recurrence';
import { getRecurrence } from '@teamflow/core/recurrence/get-recurrence';
import { setRecurrence } from '@teamflow/core/recurrence/set-recurrence';
import { skipOccurrence } from '@teamflow/core/recurrence/skip-occurrence';
import { stopRecurrence } from '@teamflow/core/recurrence/stop-recurrence';
import type { ApiDeps } from '../deps';
import { allow, type RouteTable } from '../http/route-table';

/** A task's recurrence: the series it belongs to, its rule, skipping a date, stopping it. */
export function recurrenceRoutes(table: RouteTable, router: Router, base: string, deps: ApiDeps): void {
  const tag = 'Recurrence';
  table.add(router, base, {
    method: 'get',
    path: '/tasks/:taskId/recurrence',
    summary: 'The series this task belongs to, with its latest dates (`series: null` when it does not recur)',
    tag,
    access: allow('task.read', 'task', 'taskId'),
    params: TaskParams,
    responses: { 200: TaskRecurrence, 404: ErrorResponse },
    handler: ({ ctx, params }) => getRecurrence(deps, ctx, params.taskId),
  });
  table.add(router, base, {
    method: 'put',
    path: '/tasks/:taskId/recurrence',
    summary:
      'Make the task recur (RRULE subset; mode `every`: next when done, `every!`: at its time), or change and restart its series',
    tag,
    access: allow('task.update', 'task', 'taskId'),
    params: TaskParams,
    body: RecurrenceSet,
    responses: { 200: TaskSeries, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx, params, body }) => setRecurrence(deps, ctx, params.taskId, body),
  });
  table.add(router, base, {
    method: 'post',
    path: '/tasks/:taskId/recurrence/skip',
    summary: "Skip the series' next date (409 when the series is stopped)",
    tag,
    access: allow('task.update', 'task', 'taskId'),
    params: TaskParams,
    responses: { 200: TaskSeries, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
    handler: ({ ctx, params }) => skipOccurrence(deps, ctx, params.taskId),
  });
  table.add(router, base, {
    method: 'delete',
    path: '/tasks/:taskId/recurrence',
    summary: 'Stop the series (tasks already made stay)',
    tag,
    access: allow('task.update', 'task', 'taskId'),
    params: TaskParams,
    responses: { 200: TaskSeries, 403: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx, params }) => stopRecurrence(deps, ctx, params.taskId),
  });
}
