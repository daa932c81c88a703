import type { Router } from 'express';
import { ErrorResponse, ProjectParams, TaskParams } from '@teamflow/contracts/common';
import { TaskCreateRequest } from '@teamflow/contracts/templates';
import { TaskDetail } from '@teamflow/contracts/task-links';
import { Task, TaskListQuery, TaskMove, TaskPage, TaskUpdate } from '@teamflow/contracts/tasks';
import { createTaskFromTemplate } from '@teamflow/core/templates/create-task-from-template';
import { getTask } from '@teamflow/core/tasks/get-task';
import { getTaskDetail } from '@teamflow/core/tasks/get-task-detail';
import { deleteTask } from '@teamflow/core/tasks/delete-task';
import { listTasks } from '@teamflow/core/tasks/list-tasks';
import { moveTask } from '@teamflow/core/tasks/move-task';
import { updateTask } from '@teamflow/core/tasks/update-task';
import type { ApiDeps } from '../deps';
import { allow, type RouteTable } from '../http/route-table';

export function taskRoutes(table: RouteTable, router: Router, base: string, deps: ApiDeps): void {
  const tag = 'Tasks';
  table.add(router, base, {
    method: 'post',
    path: '/projects/:projectId/tasks',
    summary: 'Create a task, or make one from a template (`templateId`; the body overrides its fields)',
    tag,
    access: allow('task.create', 'project', 'projectId'),
    params: ProjectParams,
    body: TaskCreateRequest,
    responses: { 201: Task, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
    idempotent: { replay: (ctx, taskId) => getTask(deps, ctx, taskId) },
    handler: ({ ctx, params, body }) => createTaskFromTemplate(deps, ctx, params.projectId, body),
  });
  table.add(router, base, {
    method: 'get',
    path: '/projects/:projectId/tasks',
    summary: 'Tasks of a project: filters, sort, cursor pages',
    tag,
    access: allow('task.read', 'project', 'projectId'),
    params: ProjectParams,
    query: TaskListQuery,
    responses: { 200: TaskPage, 400: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx, params, query }) => listTasks(deps, ctx, params.projectId, query),
  });
  table.add(router, base, {
    method: 'get',
    path: '/tasks/:taskId',
    summary: 'A task, with the decisions linked to it',
    tag,
    access: allow('task.read', 'task', 'taskId'),
    params: TaskParams,
    responses: { 200: TaskDetail, 404: ErrorResponse },
    handler: ({ ctx, params }) => getTaskDetail(deps, ctx, params.taskId),
  });
  table.add(router, base, {
    method: 'patch',
    path: '/tasks/:taskId',
    summary: 'Update a task (send the version you saw; 409 if stale)',
    tag,
    access: allow('task.update', 'task', 'taskId'),
    params: TaskParams,
    body: TaskUpdate,
    responses: { 200: Task, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
    idempotent: true,
    handler: ({ ctx, params, body }) => updateTask(deps, ctx, params.taskId, body),
  });
  table.add(router, base, {
    method: 'post',
    path: '/tasks/:taskId/move',
    summary: 'Move a task on the board (status and place in column)',
    tag,
    access: allow('task.update', 'task', 'taskId'),
    params: TaskParams,
    body: TaskMove,
    responses: { 200: Task, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
    idempotent: true,
    handler: ({ ctx, params, body }) => moveTask(deps, ctx, params.taskId, body),
  });
  table.add(router, base, {
    method: 'delete',
    path: '/tasks/:taskId',
    summary: 'Delete a task (soft; creator, admin or owner)',
    tag,
    access: allow('task.delete', 'task', 'taskId'),
    params: TaskParams,
    responses: { 204: null, 403: ErrorResponse, 404: ErrorResponse },
    handler: async ({ ctx, params }) => {
      await deleteTask(deps, ctx, params.taskId);
    },
  });
}
