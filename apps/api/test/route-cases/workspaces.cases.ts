import { tag } from '../route-requests';
import { freshInvitation, freshMember, id } from '../scene-fixtures';
import { only, ws, type RouteCase } from './route-case';

/** Workspaces, their members and invitations. */
export const WORKSPACE_CASES: Record<string, RouteCase> = {
  // Workspaces
  'GET /api/v1/workspaces/:workspaceId': only(ws),
  'PATCH /api/v1/workspaces/:workspaceId': {
    prepare: (s) => Promise.resolve({ params: ws(s), body: { name: `Renamed ${tag()}` } }),
  },
  'DELETE /api/v1/workspaces/:workspaceId': { fresh: true, ...only(ws) },

  // Members and invitations
  'GET /api/v1/workspaces/:workspaceId/members': only(ws),
  'PATCH /api/v1/workspaces/:workspaceId/members/:userId': {
    prepare: async (s) => ({
      params: { ...ws(s), userId: (await freshMember(s)).id },
      body: { role: 'viewer' },
    }),
  },
  'DELETE /api/v1/workspaces/:workspaceId/members/:userId': {
    fresh: true,
    // Their own membership is leaving; anyone else's is removing a member.
    prepare: async (s) => ({ params: { ...ws(s), userId: s.mine ? s.actor.id : (await freshMember(s)).id } }),
  },
  'POST /api/v1/workspaces/:workspaceId/invitations': {
    prepare: (s) =>
      Promise.resolve({ params: ws(s), body: { email: `invitee-${tag()}@example.test`, role: 'member' } }),
  },
  'GET /api/v1/workspaces/:workspaceId/invitations': only(ws),
  'DELETE /api/v1/workspaces/:workspaceId/invitations/:invitationId': {
    prepare: async (s) => ({ params: { ...ws(s), invitationId: id(await freshInvitation(s)) } }),
  },
};
