import { V1 } from '../harness';
import { send, tag } from '../route-requests';
import { freshSprint, freshTask, freshTemplate, id, must, owner, recurringTask } from '../scene-fixtures';
import { only, project, task, ws, type RouteCase } from './route-case';

/** Planning: sprints, templates and recurring tasks. */
export const PLANNING_CASES: Record<string, RouteCase> = {
  // Sprints
  'POST /api/v1/projects/:projectId/sprints': {
    prepare: (s) => Promise.resolve({ params: project(s), body: { name: `Sprint ${tag()}` } }),
  },
  'GET /api/v1/projects/:projectId/sprints': only(project),
  'GET /api/v1/sprints/:sprintId': {
    prepare: async (s) => ({ params: { sprintId: id(await freshSprint(s)) } }),
  },
  'PATCH /api/v1/sprints/:sprintId': {
    prepare: async (s) => {
      const sprint = await freshSprint(s);
      return { params: { sprintId: id(sprint) }, body: { version: sprint.version, goal: `Goal ${tag()}` } };
    },
  },
  'POST /api/v1/sprints/:sprintId/tasks': {
    prepare: async (s) => ({
      params: { sprintId: id(await freshSprint(s)) },
      body: { taskIds: [id(await freshTask(s))] },
    }),
  },
  'DELETE /api/v1/sprints/:sprintId/tasks': {
    prepare: async (s) => {
      const sprint = await freshSprint(s);
      const t = await freshTask(s);
      await must(send(s.api, owner(s), 'post', `${V1}/sprints/${id(sprint)}/tasks`, { taskIds: [id(t)] }));
      return { params: { sprintId: id(sprint) }, body: { taskIds: [id(t)] } };
    },
  },
  'GET /api/v1/sprints/:sprintId/burndown': {
    prepare: async (s) => ({ params: { sprintId: id(await freshSprint(s)) } }),
  },
  'GET /api/v1/projects/:projectId/velocity': only(project, { query: { count: '3' } }),

  // Templates
  'POST /api/v1/projects/:projectId/templates': only(project, {
    body: { name: 'Release checklist', titlePattern: 'Release {{date}}' },
  }),
  'GET /api/v1/projects/:projectId/templates': only(project),
  'POST /api/v1/workspaces/:workspaceId/templates': only(ws, {
    body: { name: 'Standup notes', titlePattern: 'Standup {{weekday}}' },
  }),
  'GET /api/v1/workspaces/:workspaceId/templates': only(ws),
  'GET /api/v1/templates/:templateId': {
    prepare: async (s) => ({ params: { templateId: id(await freshTemplate(s)) } }),
  },
  'PATCH /api/v1/templates/:templateId': {
    prepare: async (s) => {
      const template = await freshTemplate(s);
      return {
        params: { templateId: id(template) },
        body: { version: template.version, name: `Renamed ${tag()}` },
      };
    },
  },
  'DELETE /api/v1/templates/:templateId': {
    prepare: async (s) => ({ params: { templateId: id(await freshTemplate(s)) } }),
  },

  // Recurrence
  'GET /api/v1/tasks/:taskId/recurrence': only(task),
  'PUT /api/v1/tasks/:taskId/recurrence': {
    prepare: async (s) => ({
      params: { taskId: id(await freshTask(s)) },
      body: { rule: 'FREQ=WEEKLY;BYDAY=MO', mode: 'every' },
    }),
  },
  'POST /api/v1/tasks/:taskId/recurrence/skip': {
    prepare: async (s) => ({ params: { taskId: id(await recurringTask(s)) } }),
  },
  'DELETE /api/v1/tasks/:taskId/recurrence': {
    prepare: async (s) => ({ params: { taskId: id(await recurringTask(s)) } }),
  },
};
