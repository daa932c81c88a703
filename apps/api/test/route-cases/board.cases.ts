import { V1 } from '../harness';
import { send, tag } from '../route-requests';
import {
  freshComment,
  freshKey,
  freshLabel,
  freshProject,
  freshTask,
  id,
  must,
  owner,
} from '../scene-fixtures';
import { only, project, task, ws, type RouteCase } from './route-case';

/** The board: projects, tasks and what hangs off a task (comments, labels, dependencies, activity, watching). */
export const BOARD_CASES: Record<string, RouteCase> = {
  // Projects
  'POST /api/v1/workspaces/:workspaceId/projects': {
    prepare: (s) => Promise.resolve({ params: ws(s), body: { name: `Project ${tag()}`, key: freshKey() } }),
  },
  'GET /api/v1/workspaces/:workspaceId/projects': only(ws),
  'GET /api/v1/projects/:projectId': only(project),
  'PATCH /api/v1/projects/:projectId': {
    prepare: async (s) => {
      const p = await freshProject(s);
      return { params: { projectId: id(p) }, body: { version: p.version, name: `Renamed ${tag()}` } };
    },
  },
  'DELETE /api/v1/projects/:projectId': {
    prepare: async (s) => ({ params: { projectId: id(await freshProject(s)) } }),
  },

  // Tasks
  'POST /api/v1/projects/:projectId/tasks': {
    prepare: (s) => Promise.resolve({ params: project(s), body: { title: `New task ${tag()}` } }),
  },
  'GET /api/v1/projects/:projectId/tasks': only(project),
  'GET /api/v1/tasks/:taskId': only(task),
  'PATCH /api/v1/tasks/:taskId': {
    prepare: async (s) => {
      const t = await freshTask(s, s.author);
      return {
        params: { taskId: id(t) },
        body: { version: t.version, title: `Changed ${tag()}`, priority: 'high' },
      };
    },
  },
  'POST /api/v1/tasks/:taskId/move': {
    prepare: async (s) => {
      const t = await freshTask(s, s.author);
      return { params: { taskId: id(t) }, body: { status: 'in_progress', version: t.version } };
    },
  },
  'DELETE /api/v1/tasks/:taskId': {
    prepare: async (s) => ({ params: { taskId: id(await freshTask(s, s.author)) } }),
  },

  // Comments
  'GET /api/v1/tasks/:taskId/comments': only(task),
  'POST /api/v1/tasks/:taskId/comments': {
    prepare: (s) => Promise.resolve({ params: task(s), body: { body: `Hello **${tag()}**` } }),
  },
  'PATCH /api/v1/comments/:commentId': {
    prepare: async (s) => ({
      params: { commentId: id(await freshComment(s, s.author)) },
      body: { body: `Edited ${tag()}` },
    }),
  },
  'DELETE /api/v1/comments/:commentId': {
    prepare: async (s) => ({ params: { commentId: id(await freshComment(s, s.author)) } }),
  },

  // Labels
  'GET /api/v1/workspaces/:workspaceId/labels': only(ws),
  'POST /api/v1/workspaces/:workspaceId/labels': {
    prepare: (s) => Promise.resolve({ params: ws(s), body: { name: `label-${tag()}`, color: '#22aa88' } }),
  },
  'DELETE /api/v1/workspaces/:workspaceId/labels/:labelId': {
    prepare: async (s) => ({ params: { ...ws(s), labelId: id(await freshLabel(s)) } }),
  },
  'DELETE /api/v1/workspaces/:workspaceId/labels': {
    prepare: async (s) => ({ params: ws(s), body: { labelId: id(await freshLabel(s)) } }),
  },
  'GET /api/v1/tasks/:taskId/labels': only(task),
  'POST /api/v1/tasks/:taskId/labels': {
    prepare: async (s) => ({ params: task(s), body: { labelId: id(await freshLabel(s)) } }),
  },
  'DELETE /api/v1/tasks/:taskId/labels/:labelId': {
    prepare: async (s) => {
      const label = await freshLabel(s);
      await must(
        send(s.api, owner(s), 'post', `${V1}/tasks/${s.base.taskId}/labels`, { labelId: id(label) }),
      );
      return { params: { ...task(s), labelId: id(label) } };
    },
  },

  'DELETE /api/v1/tasks/:taskId/labels': {
    prepare: async (s) => {
      const label = await freshLabel(s);
      await must(
        send(s.api, owner(s), 'post', `${V1}/tasks/${s.base.taskId}/labels`, { labelId: id(label) }),
      );
      return { params: task(s), body: { labelId: id(label) } };
    },
  },

  // Dependencies
  'GET /api/v1/tasks/:taskId/dependencies': only(task),
  'POST /api/v1/tasks/:taskId/dependencies': {
    prepare: async (s) => ({ params: task(s), body: { dependsOnTaskId: id(await freshTask(s)) } }),
  },
  'DELETE /api/v1/tasks/:taskId/dependencies/:dependsOnTaskId': {
    prepare: async (s) => {
      const other = await freshTask(s);
      await must(
        send(s.api, owner(s), 'post', `${V1}/tasks/${s.base.taskId}/dependencies`, {
          dependsOnTaskId: id(other),
        }),
      );
      return { params: { ...task(s), dependsOnTaskId: id(other) } };
    },
  },
  'DELETE /api/v1/tasks/:taskId/dependencies': {
    prepare: async (s) => {
      const other = await freshTask(s);
      await must(
        send(s.api, owner(s), 'post', `${V1}/tasks/${s.base.taskId}/dependencies`, {
          dependsOnTaskId: id(other),
        }),
      );
      return { params: task(s), body: { dependsOnTaskId: id(other) } };
    },
  },

  // Activity and search
  'GET /api/v1/tasks/:taskId/activity': only(task),
  'GET /api/v1/workspaces/:workspaceId/activity': only(ws),
  'GET /api/v1/workspaces/:workspaceId/search': only(ws, { query: { q: 'task' } }),

  // Watching (the /notifications routes are USER-scoped, not workspace-guarded: notifications.test.ts)
  'GET /api/v1/tasks/:taskId/watch': only(task),
  'PUT /api/v1/tasks/:taskId/watch': only(task),
  'DELETE /api/v1/tasks/:taskId/watch': only(task),
};
