import type { InvitationCreate, InvitationCreated } from '@teamflow/contracts/workspaces';
import { recordChange } from '../activity/activity.repository';
import { hashToken, newOpaqueToken } from '../auth/tokens';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { forbidden } from '../platform/errors';
import { insertInvitation } from './workspaces.repository';
import { toInvitation } from './workspace.mapper';

const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Creates a one-time invitation. Only its hash is stored; the link (with the clear token) is
 * returned once to the inviter. The outbox event lets the email job send it.
 */
export async function createInvitation(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  input: InvitationCreate,
): Promise<InvitationCreated> {
  if (input.role === 'admin' && ctx.role !== 'owner' && ctx.role !== 'admin') throw forbidden();
  const token = newOpaqueToken();
  const row = await deps.db.transaction(async (tx) => {
    const created = await insertInvitation(tx, {
      workspaceId: ctx.workspaceId,
      email: input.email,
      role: input.role,
      tokenHash: hashToken(token),
      invitedBy: ctx.actor.id,
      expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
    });
    await recordChange(tx, {
      workspaceId: ctx.workspaceId,
      entityType: 'invitation',
      entityId: created.id,
      action: 'created',
      changes: { email: created.email, role: created.role },
      actor: ctx.actor,
      event: {
        type: 'MEMBER_INVITED',
        data: { invitationId: created.id, email: created.email, role: created.role },
      },
    });
    return created;
  });
  return {
    invitation: toInvitation(row),
    inviteUrl: `${deps.env.WEB_ORIGIN.replace(/\/$/, '')}/invite/${token}`,
  };
}
