import type { Router } from 'express';
import { ErrorResponse, WorkspaceParams } from '@teamflow/contracts/common';
import {
  IncidentActionItems,
  IncidentCreate,
  IncidentDetail,
  IncidentListQuery,
  IncidentNoteCreate,
  IncidentPage,
  IncidentParams,
  IncidentTimelineEntry,
  IncidentUpdate,
} from '@teamflow/contracts/incidents';
import { addIncidentNote } from '@teamflow/core/incidents/add-incident-note';
import { createActionItemTasks } from '@teamflow/core/incidents/create-action-item-tasks';
import { createIncident } from '@teamflow/core/incidents/create-incident';
import { getIncident } from '@teamflow/core/incidents/get-incident';
import { listIncidents } from '@teamflow/core/incidents/list-incidents';
import { updateIncident } from '@teamflow/core/incidents/update-incident';
import type { ApiDeps } from '../deps';
import { allow, type RouteTable } from '../http/route-table';

export function incidentRoutes(table: RouteTable, router: Router, base: string, deps: ApiDeps): void {
  const tag = 'Async updates';
  table.add(router, base, {
    method: 'post',
    path: '/workspaces/:workspaceId/incidents',
    summary: 'Declare an incident (status investigating, key INC-n)',
    tag,
    access: allow('incident.create', 'workspace', 'workspaceId'),
    params: WorkspaceParams,
    body: IncidentCreate,
    responses: { 201: IncidentDetail, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx, body }) => createIncident(deps, ctx, body),
  });
  table.add(router, base, {
    method: 'get',
    path: '/workspaces/:workspaceId/incidents',
    summary: 'Incidents, newest first, by status and severity',
    tag,
    access: allow('incident.read', 'workspace', 'workspaceId'),
    params: WorkspaceParams,
    query: IncidentListQuery,
    responses: { 200: IncidentPage, 400: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx, query }) => listIncidents(deps, ctx, query),
  });
  table.add(router, base, {
    method: 'get',
    path: '/incidents/:incidentId',
    summary: 'An incident with its timeline, oldest first',
    tag,
    access: allow('incident.read', 'incident', 'incidentId'),
    params: IncidentParams,
    responses: { 200: IncidentDetail, 404: ErrorResponse },
    handler: ({ ctx, params }) => getIncident(deps, ctx, params.incidentId),
  });
  table.add(router, base, {
    method: 'patch',
    path: '/incidents/:incidentId',
    summary: 'Change an incident (status forward only; resolved may reopen); 409 if stale or not allowed',
    tag,
    access: allow('incident.update', 'incident', 'incidentId'),
    params: IncidentParams,
    body: IncidentUpdate,
    responses: {
      200: IncidentDetail,
      400: ErrorResponse,
      403: ErrorResponse,
      404: ErrorResponse,
      409: ErrorResponse,
    },
    handler: ({ ctx, params, body }) => updateIncident(deps, ctx, params.incidentId, body),
  });
  table.add(router, base, {
    method: 'post',
    path: '/incidents/:incidentId/events',
    summary: 'Add a note to the timeline',
    tag,
    access: allow('incident.update', 'incident', 'incidentId'),
    params: IncidentParams,
    body: IncidentNoteCreate,
    responses: { 201: IncidentTimelineEntry, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx, params, body }) => addIncidentNote(deps, ctx, params.incidentId, body),
  });
  table.add(router, base, {
    method: 'post',
    path: '/incidents/:incidentId/action-items',
    summary: "Make the postmortem's open action items into tasks of a project (linked to the incident)",
    tag,
    access: allow('incident.update', 'incident', 'incidentId'),
    params: IncidentParams,
    body: IncidentActionItems,
    responses: {
      200: IncidentDetail,
      400: ErrorResponse,
      403: ErrorResponse,
      404: ErrorResponse,
      409: ErrorResponse,
    },
    handler: ({ ctx, params, body }) => createActionItemTasks(deps, ctx, params.incidentId, body),
  });
}
