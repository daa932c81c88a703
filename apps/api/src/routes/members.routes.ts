import type { Router } from 'express';
import { ErrorResponse, PageQuery, WorkspaceParams } from '@teamflow/contracts/common';
import {
  InvitationAccepted,
  InvitationCreate,
  InvitationCreated,
  InvitationList,
  InvitationParams,
  InvitationTokenParams,
  Member,
  MemberList,
  MemberParams,
  MemberUpdate,
} from '@teamflow/contracts/workspaces';
import { acceptInvitation } from '@teamflow/core/workspaces/accept-invitation';
import { createInvitation } from '@teamflow/core/workspaces/create-invitation';
import { listInvitations } from '@teamflow/core/workspaces/list-invitations';
import { revokeInvitation } from '@teamflow/core/workspaces/revoke-invitation';
import { listMembers } from '@teamflow/core/workspaces/list-members';
import { removeMember } from '@teamflow/core/workspaces/remove-member';
import { updateMember } from '@teamflow/core/workspaces/update-member';
import type { ApiDeps } from '../deps';
import { allow, USER, type RouteTable } from '../http/route-table';

export function memberRoutes(table: RouteTable, router: Router, base: string, deps: ApiDeps): void {
  const tag = 'Members';
  table.add(router, base, {
    method: 'get',
    path: '/workspaces/:workspaceId/members',
    summary: 'Members and their roles',
    tag,
    access: allow('member.read', 'workspace', 'workspaceId'),
    params: WorkspaceParams,
    query: PageQuery,
    responses: { 200: MemberList, 400: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx, query }) => listMembers(deps, ctx, query),
  });
  table.add(router, base, {
    method: 'patch',
    path: '/workspaces/:workspaceId/members/:userId',
    summary: "Change a member's role",
    tag,
    access: allow('member.update', 'workspace', 'workspaceId'),
    params: MemberParams,
    body: MemberUpdate,
    responses: {
      200: Member,
      400: ErrorResponse,
      403: ErrorResponse,
      404: ErrorResponse,
      409: ErrorResponse,
    },
    handler: ({ ctx, params, body }) => updateMember(deps, ctx, params.userId, body),
  });
  table.add(router, base, {
    method: 'delete',
    path: '/workspaces/:workspaceId/members/:userId',
    summary: 'Remove a member, or leave',
    tag,
    access: allow('member.remove', 'workspace', 'workspaceId'),
    params: MemberParams,
    responses: { 204: null, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
    handler: async ({ ctx, params }) => {
      await removeMember(deps, ctx, params.userId);
      // Their sockets leave the workspace's rooms now, not when the event is published.
      deps.realtime?.memberRemoved(ctx.workspaceId, params.userId);
    },
  });
  table.add(router, base, {
    method: 'post',
    path: '/workspaces/:workspaceId/invitations',
    summary: 'Invite someone by email',
    tag,
    access: allow('member.invite', 'workspace', 'workspaceId'),
    params: WorkspaceParams,
    body: InvitationCreate,
    responses: { 201: InvitationCreated, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx, body }) => createInvitation(deps, ctx, body),
  });
  table.add(router, base, {
    method: 'get',
    path: '/workspaces/:workspaceId/invitations',
    summary: 'Pending invitations',
    tag,
    access: allow('member.invite', 'workspace', 'workspaceId'),
    params: WorkspaceParams,
    query: PageQuery,
    responses: { 200: InvitationList, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx, query }) => listInvitations(deps, ctx, query),
  });
  table.add(router, base, {
    method: 'delete',
    path: '/workspaces/:workspaceId/invitations/:invitationId',
    summary: 'Revoke a pending invitation',
    tag,
    access: allow('member.invite', 'workspace', 'workspaceId'),
    params: InvitationParams,
    responses: { 204: null, 403: ErrorResponse, 404: ErrorResponse },
    handler: async ({ ctx, params }) => {
      await revokeInvitation(deps, ctx, params.invitationId);
    },
  });
  table.add(router, base, {
    method: 'post',
    path: '/invitations/:token/accept',
    summary: 'Accept an invitation (the invited email only)',
    tag,
    access: USER,
    params: InvitationTokenParams,
    responses: { 200: InvitationAccepted, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
    handler: ({ ctx, user, params }) => acceptInvitation(deps, { ...ctx, email: user.email }, params.token),
  });
}
