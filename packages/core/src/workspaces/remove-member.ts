import { emitEvent } from '../events/emit-event';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { notFound } from '../platform/errors';
import { renewAccessStamps } from './access-stamp';
import { assertMayRemove } from './members.policy';
import { countOwnersForUpdate, deleteMember, findMemberForUpdate } from './workspaces.repository';

/** Removes a member, or lets a member leave. Their tasks and comments stay; their next request is a stranger's. */
export async function removeMember(deps: CoreDeps, ctx: WorkspaceCtx, userId: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const owners = await countOwnersForUpdate(tx, ctx.workspaceId);
    const target = await findMemberForUpdate(tx, ctx.workspaceId, userId);
    if (!target) throw notFound('Member');
    assertMayRemove(ctx.role, userId === ctx.actor.id, target.role, owners);
    await deleteMember(tx, ctx.workspaceId, userId);
    await emitEvent(
      tx,
      'MEMBER_REMOVED',
      { userId },
      {
        workspaceId: ctx.workspaceId,
        entityId: userId,
        actor: ctx.actor,
        activity: {
          entityType: 'member',
          action: userId === ctx.actor.id ? 'left' : 'removed',
          changes: { role: target.role },
        },
      },
    );
  });
  await renewAccessStamps(deps.redis, [userId]);
}
