import type { Router } from 'express';
import { ErrorResponse, PageQuery, ProjectParams } from '@teamflow/contracts/common';
import {
  Burndown,
  Sprint,
  SprintCreate,
  SprintList,
  SprintParams,
  SprintTasksChange,
  SprintUpdate,
  Velocity,
  VelocityQuery,
} from '@teamflow/contracts/sprints';
import { getBurndown } from '@teamflow/core/analytics/get-burndown';
import { getVelocity } from '@teamflow/core/analytics/get-velocity';
import { changeSprintTasks } from '@teamflow/core/sprints/change-sprint-tasks';
import { createSprint } from '@teamflow/core/sprints/create-sprint';
import { getSprint } from '@teamflow/core/sprints/get-sprint';
import { listSprints } from '@teamflow/core/sprints/list-sprints';
import { updateSprint } from '@teamflow/core/sprints/update-sprint';
import type { ApiDeps } from '../deps';
import { allow, type RouteTable } from '../http/route-table';

export function sprintRoutes(table: RouteTable, router: Router, base: string, deps: ApiDeps): void {
  const tag = 'Sprints';
  const writeErrors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
  table.add(router, base, {
    method: 'post',
    path: '/projects/:projectId/sprints',
    summary: 'Create a sprint (planned)',
    tag,
    access: allow('sprint.create', 'project', 'projectId'),
    params: ProjectParams,
    body: SprintCreate,
    responses: { 201: Sprint, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx, params, body }) => createSprint(deps, ctx, params.projectId, body),
  });
  table.add(router, base, {
    method: 'get',
    path: '/projects/:projectId/sprints',
    summary: 'Sprints of a project: active, planned, then completed (newest first)',
    tag,
    access: allow('sprint.read', 'project', 'projectId'),
    params: ProjectParams,
    query: PageQuery,
    responses: { 200: SprintList, 400: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx, params, query }) => listSprints(deps, ctx, params.projectId, query),
  });
  table.add(router, base, {
    method: 'get',
    path: '/sprints/:sprintId',
    summary: 'A sprint',
    tag,
    access: allow('sprint.read', 'sprint', 'sprintId'),
    params: SprintParams,
    responses: { 200: Sprint, 404: ErrorResponse },
    handler: ({ ctx, params }) => getSprint(deps, ctx, params.sprintId),
  });
  table.add(router, base, {
    method: 'patch',
    path: '/sprints/:sprintId',
    summary:
      'Update a sprint, or start (state: active) or complete it (state: completed, with rollover); 409 if stale or not allowed',
    tag,
    access: allow('sprint.update', 'sprint', 'sprintId'),
    params: SprintParams,
    body: SprintUpdate,
    responses: { 200: Sprint, ...writeErrors },
    handler: ({ ctx, params, body }) => updateSprint(deps, ctx, params.sprintId, body),
  });
  table.add(router, base, {
    method: 'post',
    path: '/sprints/:sprintId/tasks',
    summary: 'Add tasks to a sprint (a task in another sprint moves)',
    tag,
    access: allow('sprint.update', 'sprint', 'sprintId'),
    params: SprintParams,
    body: SprintTasksChange,
    responses: { 200: Sprint, ...writeErrors },
    handler: ({ ctx, params, body }) => changeSprintTasks(deps, ctx, params.sprintId, body, 'add'),
  });
  table.add(router, base, {
    method: 'delete',
    path: '/sprints/:sprintId/tasks',
    summary: 'Remove tasks from a sprint (back to the backlog)',
    tag,
    access: allow('sprint.update', 'sprint', 'sprintId'),
    params: SprintParams,
    body: SprintTasksChange,
    responses: { 200: Sprint, ...writeErrors },
    handler: ({ ctx, params, body }) => changeSprintTasks(deps, ctx, params.sprintId, body, 'remove'),
  });
  table.add(router, base, {
    method: 'get',
    path: '/sprints/:sprintId/burndown',
    summary: 'Burndown of a sprint, day by day, with scope changes and the ideal line',
    tag,
    access: allow('sprint.read', 'sprint', 'sprintId'),
    params: SprintParams,
    responses: { 200: Burndown, 404: ErrorResponse },
    handler: ({ ctx, params }) => getBurndown(deps, ctx, params.sprintId),
  });
  table.add(router, base, {
    method: 'get',
    path: '/projects/:projectId/velocity',
    summary: 'Committed vs completed points of the last `count` completed sprints',
    tag,
    access: allow('sprint.read', 'project', 'projectId'),
    params: ProjectParams,
    query: VelocityQuery,
    responses: { 200: Velocity, 400: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx, params, query }) => getVelocity(deps, ctx, params.projectId, query.count),
  });
}
