import { only, ws, type RouteCase } from './route-case';

/** Progress: a person's own and another's, the leaderboard, the settings and the quest. */
export const PROGRESS_CASES: Record<string, RouteCase> = {
  // The owner-only `enabled` switch is proven in progress.test.ts.
  'GET /api/v1/workspaces/:workspaceId/progress/me': only(ws),
  'GET /api/v1/workspaces/:workspaceId/progress/users/:userId': {
    prepare: (s) => Promise.resolve({ params: { ...ws(s), userId: s.team.users.member.id } }),
  },
  'GET /api/v1/workspaces/:workspaceId/progress/leaderboard': only(ws, { query: { period: 'month' } }),
  'PATCH /api/v1/workspaces/:workspaceId/progress/settings': only(ws, { body: { showOnLeaderboard: true } }),
  'GET /api/v1/workspaces/:workspaceId/progress/quest': only(ws),
};
