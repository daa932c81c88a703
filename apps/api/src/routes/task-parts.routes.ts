import type { Router } from 'express';
import { ActivityPage, ActivityQuery } from '@teamflow/contracts/activity';
import { Comment, CommentCreate, CommentPage, CommentUpdate } from '@teamflow/contracts/comments';
import {
  CommentParams,
  ErrorResponse,
  PageQuery,
  TaskParams,
  WorkspaceParams,
} from '@teamflow/contracts/common';
import {
  Label,
  LabelCreate,
  LabelList,
  LabelParams,
  LabelRef,
  TaskLabelCreate,
  TaskLabelParams,
} from '@teamflow/contracts/labels';
import { DependencyCreate, DependencyParams, Task, TaskDependencies } from '@teamflow/contracts/tasks';
import { listActivity } from '@teamflow/core/activity/list-activity';
import { createComment } from '@teamflow/core/comments/create-comment';
import { deleteComment } from '@teamflow/core/comments/delete-comment';
import { getComment } from '@teamflow/core/comments/get-comment';
import { listComments } from '@teamflow/core/comments/list-comments';
import { updateComment } from '@teamflow/core/comments/update-comment';
import { createLabel } from '@teamflow/core/labels/create-label';
import { deleteLabel } from '@teamflow/core/labels/delete-label';
import { listLabels } from '@teamflow/core/labels/list-labels';
import { listTaskLabels } from '@teamflow/core/labels/list-task-labels';
import { addDependency } from '@teamflow/core/tasks/add-dependency';
import { addLabelToTask } from '@teamflow/core/tasks/add-label-to-task';
import { listDependencies } from '@teamflow/core/tasks/list-dependencies';
import { removeDependency } from '@teamflow/core/tasks/remove-dependency';
import { removeLabelFromTask } from '@teamflow/core/tasks/remove-label-from-task';
import type { ApiDeps } from '../deps';
import { allow, type RouteTable } from '../http/route-table';

/** Comments, labels, dependencies and activity: the parts hanging off tasks and workspaces. */
export function taskPartRoutes(table: RouteTable, router: Router, base: string, deps: ApiDeps): void {
  // Comments
  table.add(router, base, {
    method: 'get',
    path: '/tasks/:taskId/comments',
    summary: 'Comments on a task, oldest first',
    tag: 'Comments',
    access: allow('comment.read', 'task', 'taskId'),
    params: TaskParams,
    query: PageQuery,
    responses: { 200: CommentPage, 404: ErrorResponse },
    handler: ({ ctx, params, query }) => listComments(deps, ctx, params.taskId, query),
  });
  table.add(router, base, {
    method: 'post',
    path: '/tasks/:taskId/comments',
    summary: 'Comment on a task (markdown, sanitised)',
    tag: 'Comments',
    access: allow('comment.create', 'task', 'taskId'),
    params: TaskParams,
    body: CommentCreate,
    responses: { 201: Comment, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
    idempotent: { replay: (ctx, commentId) => getComment(deps, ctx, commentId) },
    handler: ({ ctx, params, body }) => createComment(deps, ctx, params.taskId, body),
  });
  table.add(router, base, {
    method: 'patch',
    path: '/comments/:commentId',
    summary: 'Edit your comment',
    tag: 'Comments',
    access: allow('comment.update', 'comment', 'commentId'),
    params: CommentParams,
    body: CommentUpdate,
    responses: { 200: Comment, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx, params, body }) => updateComment(deps, ctx, params.commentId, body),
  });
  table.add(router, base, {
    method: 'delete',
    path: '/comments/:commentId',
    summary: 'Delete a comment (author, admin or owner)',
    tag: 'Comments',
    access: allow('comment.delete', 'comment', 'commentId'),
    params: CommentParams,
    responses: { 204: null, 403: ErrorResponse, 404: ErrorResponse },
    handler: async ({ ctx, params }) => {
      await deleteComment(deps, ctx, params.commentId);
    },
  });

  // Labels
  table.add(router, base, {
    method: 'get',
    path: '/workspaces/:workspaceId/labels',
    summary: 'Labels of a workspace',
    tag: 'Labels',
    access: allow('label.read', 'workspace', 'workspaceId'),
    params: WorkspaceParams,
    query: PageQuery,
    responses: { 200: LabelList, 400: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx, query }) => listLabels(deps, ctx, query),
  });
  table.add(router, base, {
    method: 'post',
    path: '/workspaces/:workspaceId/labels',
    summary: 'Create a label',
    tag: 'Labels',
    access: allow('label.create', 'workspace', 'workspaceId'),
    params: WorkspaceParams,
    body: LabelCreate,
    responses: { 201: Label, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
    handler: ({ ctx, body }) => createLabel(deps, ctx, body),
  });
  table.add(router, base, {
    method: 'delete',
    path: '/workspaces/:workspaceId/labels/:labelId',
    summary: 'Delete a label',
    tag: 'Labels',
    access: allow('label.delete', 'workspace', 'workspaceId'),
    params: LabelParams,
    responses: { 204: null, 403: ErrorResponse, 404: ErrorResponse },
    handler: async ({ ctx, params }) => {
      await deleteLabel(deps, ctx, params.labelId);
    },
  });
  // The contract's form: DELETE on the collection, the label in the body (`{labelId}`).
  table.add(router, base, {
    method: 'delete',
    path: '/workspaces/:workspaceId/labels',
    summary: 'Delete a label (`{labelId}`)',
    tag: 'Labels',
    access: allow('label.delete', 'workspace', 'workspaceId'),
    params: WorkspaceParams,
    body: LabelRef,
    responses: { 204: null, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
    handler: async ({ ctx, body }) => {
      await deleteLabel(deps, ctx, body.labelId);
    },
  });
  table.add(router, base, {
    method: 'get',
    path: '/tasks/:taskId/labels',
    summary: 'Labels on a task',
    tag: 'Labels',
    access: allow('task.read', 'task', 'taskId'),
    params: TaskParams,
    query: PageQuery,
    responses: { 200: LabelList, 400: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx, params, query }) => listTaskLabels(deps, ctx, params.taskId, query),
  });
  table.add(router, base, {
    method: 'post',
    path: '/tasks/:taskId/labels',
    summary: 'Put a label on a task',
    tag: 'Labels',
    access: allow('task.update', 'task', 'taskId'),
    params: TaskParams,
    body: TaskLabelCreate,
    responses: { 200: Task, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx, params, body }) => addLabelToTask(deps, ctx, params.taskId, body.labelId),
  });
  table.add(router, base, {
    method: 'delete',
    path: '/tasks/:taskId/labels/:labelId',
    summary: 'Take a label off a task',
    tag: 'Labels',
    access: allow('task.update', 'task', 'taskId'),
    params: TaskLabelParams,
    responses: { 200: Task, 403: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx, params }) => removeLabelFromTask(deps, ctx, params.taskId, params.labelId),
  });
  // The contract's form: DELETE on the collection with the body POST takes (`{labelId}`).
  table.add(router, base, {
    method: 'delete',
    path: '/tasks/:taskId/labels',
    summary: 'Take a label off a task (`{labelId}`, as put on)',
    tag: 'Labels',
    access: allow('task.update', 'task', 'taskId'),
    params: TaskParams,
    body: TaskLabelCreate,
    responses: { 200: Task, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx, params, body }) => removeLabelFromTask(deps, ctx, params.taskId, body.labelId),
  });

  // Dependencies
  table.add(router, base, {
    method: 'get',
    path: '/tasks/:taskId/dependencies',
    summary: 'What a task depends on and what it blocks',
    tag: 'Tasks',
    access: allow('task.read', 'task', 'taskId'),
    params: TaskParams,
    responses: { 200: TaskDependencies, 404: ErrorResponse },
    handler: ({ ctx, params }) => listDependencies(deps, ctx, params.taskId),
  });
  table.add(router, base, {
    method: 'post',
    path: '/tasks/:taskId/dependencies',
    summary: 'Make a task depend on another (cycles are 409)',
    tag: 'Tasks',
    access: allow('task.update', 'task', 'taskId'),
    params: TaskParams,
    body: DependencyCreate,
    responses: {
      201: TaskDependencies,
      400: ErrorResponse,
      403: ErrorResponse,
      404: ErrorResponse,
      409: ErrorResponse,
    },
    handler: ({ ctx, params, body }) => addDependency(deps, ctx, params.taskId, body.dependsOnTaskId),
  });
  table.add(router, base, {
    method: 'delete',
    path: '/tasks/:taskId/dependencies/:dependsOnTaskId',
    summary: 'Remove a dependency',
    tag: 'Tasks',
    access: allow('task.update', 'task', 'taskId'),
    params: DependencyParams,
    responses: { 204: null, 403: ErrorResponse, 404: ErrorResponse },
    handler: async ({ ctx, params }) => {
      await removeDependency(deps, ctx, params.taskId, params.dependsOnTaskId);
    },
  });
  // The contract's form: DELETE on the collection with the body POST takes (`{dependsOnTaskId}`).
  table.add(router, base, {
    method: 'delete',
    path: '/tasks/:taskId/dependencies',
    summary: 'Remove a dependency (`{dependsOnTaskId}`, as added)',
    tag: 'Tasks',
    access: allow('task.update', 'task', 'taskId'),
    params: TaskParams,
    body: DependencyCreate,
    responses: { 204: null, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
    handler: async ({ ctx, params, body }) => {
      await removeDependency(deps, ctx, params.taskId, body.dependsOnTaskId);
    },
  });

  // Activity
  table.add(router, base, {
    method: 'get',
    path: '/tasks/:taskId/activity',
    summary: 'History of a task, newest first',
    tag: 'Activity',
    access: allow('activity.read', 'task', 'taskId'),
    params: TaskParams,
    query: ActivityQuery,
    responses: { 200: ActivityPage, 404: ErrorResponse },
    handler: ({ ctx, params, query }) => listActivity(deps, ctx, query, params.taskId),
  });
  table.add(router, base, {
    method: 'get',
    path: '/workspaces/:workspaceId/activity',
    summary:
      'Everything that happened in a workspace, newest first; with ?since=<seq>, the events after it, oldest first',
    tag: 'Activity',
    access: allow('activity.read', 'workspace', 'workspaceId'),
    params: WorkspaceParams,
    query: ActivityQuery,
    responses: { 200: ActivityPage, 404: ErrorResponse },
    handler: ({ ctx, query }) => listActivity(deps, ctx, query),
  });
}
