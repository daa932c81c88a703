import { completedBreakdown, completedDigestJob } from '../scene-fixtures';
import { only, project, task, ws, type RouteCase } from './route-case';

/** AI: breakdowns, prioritising, summaries, duplicates, next steps and the workspace's budget. */
export const AI_CASES: Record<string, RouteCase> = {
  'POST /api/v1/tasks/:taskId/ai-breakdown': only(task, { body: {} }),
  'POST /api/v1/tasks/:taskId/ai-breakdown/accept': {
    prepare: async (s) => ({ params: task(s), body: { jobId: await completedBreakdown(s), indexes: [0] } }),
  },
  'POST /api/v1/projects/:projectId/ai-prioritize': only(project, { body: {} }),
  'POST /api/v1/projects/:projectId/ai-summary': only(project, { body: { provider: 'local' } }),
  'POST /api/v1/projects/:projectId/ai-duplicates': only(project, { body: { title: 'First task again' } }),
  'GET /api/v1/jobs/:jobId': {
    prepare: async (s) => ({ params: { jobId: await completedBreakdown(s) } }),
    variants: { 'a digest regenerate': async (s) => ({ params: { jobId: await completedDigestJob(s) } }) },
  },
  'POST /api/v1/workspaces/:workspaceId/ai/next': only(ws, { body: { provider: 'local' } }),
  'GET /api/v1/workspaces/:workspaceId/ai/usage': only(ws),
  'PUT /api/v1/workspaces/:workspaceId/ai/budget': only(ws, { body: { monthlyBudgetUsd: 25 } }),
};
