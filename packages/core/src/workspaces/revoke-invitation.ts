import { emitEvent } from '../events/emit-event';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { notFound } from '../platform/errors';
import { revokeInvitationRow } from './workspaces.repository';

export async function revokeInvitation(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  invitationId: string,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    if (!(await revokeInvitationRow(tx, ctx.workspaceId, invitationId))) throw notFound('Invitation');
    await emitEvent(
      tx,
      'INVITATION_REVOKED',
      { invitationId },
      {
        workspaceId: ctx.workspaceId,
        entityId: invitationId,
        actor: ctx.actor,
        activity: { entityType: 'invitation', action: 'revoked' },
      },
    );
  });
}
