import { generateDigest } from '@teamflow/core/digests/generate-digest';
import { V1 } from '../harness';
import { send, tag } from '../route-requests';
import {
  freshBlocker,
  freshDate,
  freshDecision,
  freshIncident,
  freshStatusUpdate,
  id,
  must,
  owner,
} from '../scene-fixtures';
import { only, task, ws, type RouteCase } from './route-case';

/** Async updates: check-ins, status updates, blockers, incidents, decisions and digests. */
export const ASYNC_UPDATE_CASES: Record<string, RouteCase> = {
  'GET /api/v1/workspaces/:workspaceId/check-ins/settings': only(ws),
  'PATCH /api/v1/workspaces/:workspaceId/check-ins/settings': only(ws, { body: { reminderTime: '09:30' } }),
  'GET /api/v1/workspaces/:workspaceId/check-ins/today': only(ws),
  'POST /api/v1/workspaces/:workspaceId/status-updates': {
    prepare: (s) =>
      Promise.resolve({
        params: ws(s),
        body: {
          date: freshDate(),
          done: 'Shipped it',
          doing: 'Next one',
          blockers: `Waiting on ${tag()}`,
          mood: 3,
        },
      }),
  },
  'GET /api/v1/workspaces/:workspaceId/status-updates': only(ws),
  'GET /api/v1/workspaces/:workspaceId/status-updates/draft': only(ws),
  'PATCH /api/v1/status-updates/:statusUpdateId': {
    prepare: async (s) => {
      const update = await freshStatusUpdate(s, s.author);
      return {
        params: { statusUpdateId: id(update) },
        body: { version: update.version, doing: 'Changed plans' },
      };
    },
  },
  'DELETE /api/v1/status-updates/:statusUpdateId': {
    prepare: async (s) => ({ params: { statusUpdateId: id(await freshStatusUpdate(s, s.author)) } }),
  },
  'POST /api/v1/workspaces/:workspaceId/blockers': only(ws, {
    body: { title: 'Waiting on review', severity: 'high' },
  }),
  'GET /api/v1/workspaces/:workspaceId/blockers': only(ws, { query: { status: 'open' } }),
  'GET /api/v1/blockers/:blockerId': {
    prepare: async (s) => ({ params: { blockerId: id(await freshBlocker(s, s.author)) } }),
  },
  'POST /api/v1/blockers/:blockerId/acknowledge': {
    prepare: async (s) => ({
      params: { blockerId: id(await freshBlocker(s, s.author)) },
      body: { note: 'On it' },
    }),
  },
  'POST /api/v1/blockers/:blockerId/resolve': {
    prepare: async (s) => ({
      params: { blockerId: id(await freshBlocker(s, s.author)) },
      body: { resolution: 'Reviewed' },
    }),
  },
  'POST /api/v1/workspaces/:workspaceId/incidents': only(ws, {
    body: { title: 'API errors', severity: 'sev2' },
  }),
  'GET /api/v1/workspaces/:workspaceId/incidents': only(ws),
  'GET /api/v1/incidents/:incidentId': {
    prepare: async (s) => ({ params: { incidentId: id(await freshIncident(s)) } }),
  },
  'PATCH /api/v1/incidents/:incidentId': {
    prepare: async (s) => {
      const incident = await freshIncident(s);
      return {
        params: { incidentId: id(incident) },
        body: { version: incident.version, status: 'identified' },
      };
    },
  },
  'POST /api/v1/incidents/:incidentId/events': {
    prepare: async (s) => ({
      params: { incidentId: id(await freshIncident(s)) },
      body: { message: 'Rolled back' },
    }),
  },
  'POST /api/v1/incidents/:incidentId/action-items': {
    prepare: async (s) => {
      const incident = await freshIncident(s);
      await must(
        send(s.api, owner(s), 'patch', `${V1}/incidents/${id(incident)}`, {
          version: incident.version,
          postmortem: `## Action items\n- [ ] Add a canary ${tag()}`,
        }),
      );
      return { params: { incidentId: id(incident) }, body: { projectId: s.base.projectId } };
    },
  },
  'POST /api/v1/workspaces/:workspaceId/decisions': only(ws, {
    body: { title: 'Use Postgres', context: 'We need a database', decision: 'Postgres', status: 'accepted' },
  }),
  'GET /api/v1/workspaces/:workspaceId/decisions': only(ws, { query: { q: 'decision' } }),
  'GET /api/v1/decisions/:decisionId': {
    prepare: async (s) => ({ params: { decisionId: id(await freshDecision(s)) } }),
  },
  'PATCH /api/v1/decisions/:decisionId': {
    prepare: async (s) => {
      const decision = await freshDecision(s);
      return {
        params: { decisionId: id(decision) },
        body: { version: decision.version, status: 'accepted' },
      };
    },
  },
  'GET /api/v1/workspaces/:workspaceId/digests': only(ws),
  'GET /api/v1/workspaces/:workspaceId/digests/:date': {
    // As the digest schedule would have written it (no worker runs here).
    prepare: async (s) => {
      const date = freshDate();
      await generateDigest(s.api.deps, s.base.workspaceId, date);
      return { params: { ...ws(s), date } };
    },
  },
  'POST /api/v1/workspaces/:workspaceId/digests/:date/regenerate': {
    prepare: (s) => Promise.resolve({ params: { ...ws(s), date: freshDate() } }),
  },
  'GET /api/v1/tasks/:taskId/async-links': only(task),
};
