import type { Router } from 'express';
import { ErrorResponse, WorkspaceParams } from '@teamflow/contracts/common';
import {
  Leaderboard,
  LeaderboardQuery,
  Progress,
  ProgressSettings,
  ProgressSettingsUpdate,
  ProgressUserParams,
  Quest,
  QuestQuery,
} from '@teamflow/contracts/progress';
import { getLeaderboard } from '@teamflow/core/progress/get-leaderboard';
import { getProgress } from '@teamflow/core/progress/get-progress';
import { getQuest } from '@teamflow/core/progress/get-quest';
import { updateProgressSettings } from '@teamflow/core/progress/update-progress-settings';
import type { ApiDeps } from '../deps';
import { allow, type RouteTable } from '../http/route-table';

export function progressRoutes(table: RouteTable, router: Router, base: string, deps: ApiDeps): void {
  const tag = 'Progress';
  table.add(router, base, {
    method: 'get',
    path: '/workspaces/:workspaceId/progress/me',
    summary: "The caller's XP, level, streak, achievements and recent XP (with the reason for each)",
    tag,
    access: allow('progress.read', 'workspace', 'workspaceId'),
    params: WorkspaceParams,
    responses: { 200: Progress, 404: ErrorResponse },
    handler: ({ ctx }) => getProgress(deps, ctx, ctx.actor.id),
  });
  table.add(router, base, {
    method: 'get',
    path: '/workspaces/:workspaceId/progress/users/:userId',
    summary: "A member's progress in the workspace",
    tag,
    access: allow('progress.read', 'workspace', 'workspaceId'),
    params: ProgressUserParams,
    responses: { 200: Progress, 400: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx, params }) => getProgress(deps, ctx, params.userId),
  });
  table.add(router, base, {
    method: 'get',
    path: '/workspaces/:workspaceId/progress/leaderboard',
    summary: 'Members who have not opted out, by XP earned in the period (week, month or all)',
    tag,
    access: allow('progress.read', 'workspace', 'workspaceId'),
    params: WorkspaceParams,
    query: LeaderboardQuery,
    responses: { 200: Leaderboard, 400: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx, query }) => getLeaderboard(deps, ctx, query.period),
  });
  table.add(router, base, {
    method: 'patch',
    path: '/workspaces/:workspaceId/progress/settings',
    summary: "The caller's leaderboard choice; owners also switch gamification for the workspace",
    tag,
    access: allow('progress.settings', 'workspace', 'workspaceId'),
    params: WorkspaceParams,
    body: ProgressSettingsUpdate,
    responses: { 200: ProgressSettings, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx, body }) => updateProgressSettings(deps, ctx, body),
  });
  table.add(router, base, {
    method: 'get',
    path: '/workspaces/:workspaceId/progress/quest',
    summary: "The active sprint's goal as a team quest: committed against done points, and who did them",
    tag,
    access: allow('progress.read', 'workspace', 'workspaceId'),
    params: WorkspaceParams,
    query: QuestQuery,
    responses: { 200: Quest, 400: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx, query }) => getQuest(deps, ctx, query.projectId),
  });
}
