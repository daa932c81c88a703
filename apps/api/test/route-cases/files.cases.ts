import { auth, V1 } from '../harness';
import { tag } from '../route-requests';
import { freshAttachment, id, must, owner, TINY_PNG } from '../scene-fixtures';
import { only, project, task, type RouteCase } from './route-case';

/** Files: a task's attachments, a project's import and export. */
export const FILE_CASES: Record<string, RouteCase> = {
  // Attachments
  'POST /api/v1/tasks/:taskId/attachments': {
    prepare: (s) =>
      Promise.resolve({
        params: task(s),
        file: { field: 'file', name: `pixel-${tag()}.png`, content: TINY_PNG },
      }),
  },
  'GET /api/v1/tasks/:taskId/attachments': only(task),
  'GET /api/v1/attachments/:attachmentId': {
    prepare: async (s) => ({ params: { attachmentId: id(await freshAttachment(s, owner(s))) } }),
  },
  'GET /api/v1/attachments/:attachmentId/download': {
    prepare: async (s) => ({ params: { attachmentId: id(await freshAttachment(s, owner(s))) } }),
  },
  'DELETE /api/v1/attachments/:attachmentId': {
    prepare: async (s) => ({ params: { attachmentId: id(await freshAttachment(s, s.author)) } }),
  },

  // Import: the checked request is a dry run (200, the route's first success); before it the
  // owner commits one row, so the matrix also sees the PROJECT_IMPORTED event a commit emits.
  'POST /api/v1/projects/:projectId/import': {
    prepare: async (s) => {
      const csv = (title: string) => Buffer.from(`Title,Status\n${title},To Do\n`);
      await must(
        s.api
          .http()
          .post(`${V1}/projects/${s.base.projectId}/import`)
          .set(auth(owner(s)))
          .attach('file', csv(`Imported ${tag()}`), 'tasks.csv'),
      );
      return {
        params: project(s),
        query: { dryRun: 'true' },
        file: { field: 'file', name: 'tasks.csv', content: csv(`Checked ${tag()}`) },
      };
    },
  },
  'GET /api/v1/projects/:projectId/export': only(project, { query: { format: 'json' } }),
};
