import type { Router } from 'express';
import { ErrorResponse, PageQuery, ProjectParams, WorkspaceParams } from '@teamflow/contracts/common';
import { Project, ProjectCreate, ProjectList, ProjectUpdate } from '@teamflow/contracts/projects';
import { createProject } from '@teamflow/core/projects/create-project';
import { deleteProject } from '@teamflow/core/projects/delete-project';
import { getProject } from '@teamflow/core/projects/get-project';
import { listProjects } from '@teamflow/core/projects/list-projects';
import { updateProject } from '@teamflow/core/projects/update-project';
import type { ApiDeps } from '../deps';
import { allow, type RouteTable } from '../http/route-table';

export function projectRoutes(table: RouteTable, router: Router, base: string, deps: ApiDeps): void {
  const tag = 'Projects';
  table.add(router, base, {
    method: 'post',
    path: '/workspaces/:workspaceId/projects',
    summary: 'Create a project',
    tag,
    access: allow('project.create', 'workspace', 'workspaceId'),
    params: WorkspaceParams,
    body: ProjectCreate,
    responses: {
      201: Project,
      400: ErrorResponse,
      403: ErrorResponse,
      404: ErrorResponse,
      409: ErrorResponse,
    },
    handler: ({ ctx, body }) => createProject(deps, ctx, body),
  });
  table.add(router, base, {
    method: 'get',
    path: '/workspaces/:workspaceId/projects',
    summary: 'Projects in a workspace',
    tag,
    access: allow('project.read', 'workspace', 'workspaceId'),
    params: WorkspaceParams,
    query: PageQuery,
    responses: { 200: ProjectList, 400: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx, query }) => listProjects(deps, ctx, query),
  });
  table.add(router, base, {
    method: 'get',
    path: '/projects/:projectId',
    summary: 'A project',
    tag,
    access: allow('project.read', 'project', 'projectId'),
    params: ProjectParams,
    responses: { 200: Project, 404: ErrorResponse },
    handler: ({ ctx, params }) => getProject(deps, ctx, params.projectId),
  });
  table.add(router, base, {
    method: 'patch',
    path: '/projects/:projectId',
    summary: 'Update a project (send the version you saw)',
    tag,
    access: allow('project.update', 'project', 'projectId'),
    params: ProjectParams,
    body: ProjectUpdate,
    responses: {
      200: Project,
      400: ErrorResponse,
      403: ErrorResponse,
      404: ErrorResponse,
      409: ErrorResponse,
    },
    handler: ({ ctx, params, body }) => updateProject(deps, ctx, params.projectId, body),
  });
  table.add(router, base, {
    method: 'delete',
    path: '/projects/:projectId',
    summary: 'Delete a project (soft)',
    tag,
    access: allow('project.delete', 'project', 'projectId'),
    params: ProjectParams,
    responses: { 204: null, 403: ErrorResponse, 404: ErrorResponse },
    handler: async ({ ctx, params }) => {
      await deleteProject(deps, ctx, params.projectId);
    },
  });
}
