import type { Router } from 'express';
import {
  AwayRangeList,
  AwayRanges,
  CheckInSettings,
  CheckInSettingsUpdate,
  CheckInsToday,
  CheckInsTodayQuery,
} from '@teamflow/contracts/check-ins';
import { ErrorResponse, WorkspaceParams } from '@teamflow/contracts/common';
import { getCheckInSettings } from '@teamflow/core/check-ins/get-check-in-settings';
import { getCheckInsToday } from '@teamflow/core/check-ins/get-check-ins-today';
import { listAwayRanges, setAwayRanges } from '@teamflow/core/check-ins/set-away-ranges';
import { updateCheckInSettings } from '@teamflow/core/check-ins/update-check-in-settings';
import type { ApiDeps } from '../deps';
import { allow, USER, type RouteTable } from '../http/route-table';

export function checkInRoutes(table: RouteTable, router: Router, base: string, deps: ApiDeps): void {
  const tag = 'Async updates';
  table.add(router, base, {
    method: 'get',
    path: '/workspaces/:workspaceId/check-ins/settings',
    summary: 'Check-in days, reminder and digest times, blocker escalation hours, AI digest on/off',
    tag,
    access: allow('checkIn.read', 'workspace', 'workspaceId'),
    params: WorkspaceParams,
    responses: { 200: CheckInSettings, 404: ErrorResponse },
    handler: ({ ctx }) => getCheckInSettings(deps, ctx),
  });
  table.add(router, base, {
    method: 'patch',
    path: '/workspaces/:workspaceId/check-ins/settings',
    summary: 'Change the check-in settings (owners and admins)',
    tag,
    access: allow('checkIn.settings.update', 'workspace', 'workspaceId'),
    params: WorkspaceParams,
    body: CheckInSettingsUpdate,
    responses: { 200: CheckInSettings, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx, body }) => updateCheckInSettings(deps, ctx, body),
  });
  table.add(router, base, {
    method: 'get',
    path: '/workspaces/:workspaceId/check-ins/today',
    summary: "Who posted, who is missing and who is away for a date (default: today in the workspace's zone)",
    tag,
    access: allow('checkIn.read', 'workspace', 'workspaceId'),
    params: WorkspaceParams,
    query: CheckInsTodayQuery,
    responses: { 200: CheckInsToday, 400: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx, query }) => getCheckInsToday(deps, ctx, query),
  });
  table.add(router, base, {
    method: 'get',
    path: '/me/away',
    summary: 'Your away days (dates in your own zone)',
    tag,
    access: USER,
    responses: { 200: AwayRangeList, 401: ErrorResponse },
    handler: ({ ctx }) => listAwayRanges(deps, ctx),
  });
  table.add(router, base, {
    method: 'put',
    path: '/me/away',
    summary: 'Replace your away days: no reminders, and the digest lists you as away, not missing',
    tag,
    access: USER,
    body: AwayRanges,
    responses: { 200: AwayRangeList, 400: ErrorResponse, 401: ErrorResponse },
    handler: ({ ctx, body }) => setAwayRanges(deps, ctx, body),
  });
}
