import type { InvitationAccepted } from '@teamflow/contracts/workspaces';
import { emitEvent } from '../events/emit-event';
import { hashToken } from '../auth/tokens';
import type { CoreDeps, Ctx } from '../platform/context';
import { conflict, forbidden, notFound } from '../platform/errors';
import {
  findInvitationByHashForUpdate,
  findWorkspace,
  insertMember,
  markInvitationAccepted,
} from './workspaces.repository';
import { toWorkspace } from './workspace.mapper';

/** Joins the invited workspace with the invited role. The link is one-time and bound to the invited email. */
export async function acceptInvitation(
  deps: CoreDeps,
  ctx: Ctx & { email: string },
  token: string,
): Promise<InvitationAccepted> {
  return deps.db.transaction(async (tx) => {
    const invitation = await findInvitationByHashForUpdate(tx, hashToken(token));
    if (!invitation || invitation.revokedAt || invitation.expiresAt.getTime() <= Date.now()) {
      throw notFound('Invitation');
    }
    if (invitation.acceptedAt) throw conflict('This invitation has already been used');
    if (invitation.email !== ctx.email)
      throw forbidden('This invitation was sent to a different email address');
    const workspace = await findWorkspace(tx, invitation.workspaceId);
    if (!workspace) throw notFound('Invitation');
    const member = await insertMember(tx, {
      workspaceId: invitation.workspaceId,
      userId: ctx.actor.id,
      role: invitation.role,
    });
    if (!member) throw conflict('You are already a member of this workspace');
    await markInvitationAccepted(tx, invitation.id, ctx.actor.id);
    await emitEvent(
      tx,
      'MEMBER_JOINED',
      { userId: ctx.actor.id, name: ctx.actor.name, role: invitation.role },
      {
        workspaceId: invitation.workspaceId,
        entityId: ctx.actor.id,
        actor: ctx.actor,
        activity: { entityType: 'member', action: 'joined', changes: { role: invitation.role } },
      },
    );
    return { workspace: toWorkspace(workspace, invitation.role) };
  });
}
