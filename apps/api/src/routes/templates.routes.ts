import type { Router } from 'express';
import { ErrorResponse, ProjectParams, WorkspaceParams } from '@teamflow/contracts/common';
import {
  TaskTemplate,
  TaskTemplateCreate,
  TaskTemplateList,
  TaskTemplateUpdate,
  TemplateParams,
} from '@teamflow/contracts/templates';
import { createTemplate } from '@teamflow/core/templates/create-template';
import { deleteTemplate } from '@teamflow/core/templates/delete-template';
import { getTemplate } from '@teamflow/core/templates/get-template';
import { listTemplates } from '@teamflow/core/templates/list-templates';
import { updateTemplate } from '@teamflow/core/templates/update-template';
import type { ApiDeps } from '../deps';
import { allow, type RouteTable } from '../http/route-table';

/** Task templates of a project or a workspace (`POST /projects/:projectId/tasks {templateId}` uses them). */
export function templateRoutes(table: RouteTable, router: Router, base: string, deps: ApiDeps): void {
  const tag = 'Templates';
  const created = { 201: TaskTemplate, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
  table.add(router, base, {
    method: 'post',
    path: '/projects/:projectId/templates',
    summary: 'Create a task template for this project',
    tag,
    access: allow('template.create', 'project', 'projectId'),
    params: ProjectParams,
    body: TaskTemplateCreate,
    responses: created,
    handler: ({ ctx, params, body }) => createTemplate(deps, ctx, params.projectId, body),
  });
  table.add(router, base, {
    method: 'get',
    path: '/projects/:projectId/templates',
    summary: "Templates offered in this project: the workspace's, then the project's own",
    tag,
    access: allow('template.read', 'project', 'projectId'),
    params: ProjectParams,
    responses: { 200: TaskTemplateList, 404: ErrorResponse },
    handler: ({ ctx, params }) => listTemplates(deps, ctx, params.projectId),
  });
  table.add(router, base, {
    method: 'post',
    path: '/workspaces/:workspaceId/templates',
    summary: 'Create a task template offered in every project of the workspace',
    tag,
    access: allow('template.create', 'workspace', 'workspaceId'),
    params: WorkspaceParams,
    body: TaskTemplateCreate,
    responses: created,
    handler: ({ ctx, body }) => createTemplate(deps, ctx, null, body),
  });
  table.add(router, base, {
    method: 'get',
    path: '/workspaces/:workspaceId/templates',
    summary: 'Workspace-wide task templates',
    tag,
    access: allow('template.read', 'workspace', 'workspaceId'),
    params: WorkspaceParams,
    responses: { 200: TaskTemplateList, 404: ErrorResponse },
    handler: ({ ctx }) => listTemplates(deps, ctx, null),
  });
  table.add(router, base, {
    method: 'get',
    path: '/templates/:templateId',
    summary: 'A task template',
    tag,
    access: allow('template.read', 'template', 'templateId'),
    params: TemplateParams,
    responses: { 200: TaskTemplate, 404: ErrorResponse },
    handler: ({ ctx, params }) => getTemplate(deps, ctx, params.templateId),
  });
  table.add(router, base, {
    method: 'patch',
    path: '/templates/:templateId',
    summary: 'Update a task template (409 with the current one when stale)',
    tag,
    access: allow('template.update', 'template', 'templateId'),
    params: TemplateParams,
    body: TaskTemplateUpdate,
    responses: {
      200: TaskTemplate,
      400: ErrorResponse,
      403: ErrorResponse,
      404: ErrorResponse,
      409: ErrorResponse,
    },
    handler: ({ ctx, params, body }) => updateTemplate(deps, ctx, params.templateId, body),
  });
  table.add(router, base, {
    method: 'delete',
    path: '/templates/:templateId',
    summary: 'Delete a task template (tasks made from it stay)',
    tag,
    access: allow('template.delete', 'template', 'templateId'),
    params: TemplateParams,
    responses: { 204: null, 403: ErrorResponse, 404: ErrorResponse },
    handler: async ({ ctx, params }) => {
      await deleteTemplate(deps, ctx, params.templateId);
    },
  });
}
