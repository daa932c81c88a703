import type { DeleteAccount } from '@teamflow/contracts/me';
import { confirmPassword } from '../auth/confirm-password';
import { emitEvent } from '../events/emit-event';
import type { CoreDeps, Ctx } from '../platform/context';
import { conflict } from '../platform/errors';
import { renewAccessStamps } from '../workspaces/access-stamp';
import { eraseAccount, membershipsOf, ownedWorkspacesForUpdate } from './me.repository';

/**
 * `DELETE /me`, in one transaction: refused (409) while the caller is the last owner of a
 * workspace that has other members (they must hand it over first). Otherwise their journal,
 * exports, insights, away days, progress, tokens and notifications are deleted, the mood in their
 * check-ins is cleared, they leave every workspace (a workspace where
 * they were alone is deleted with them), and the account becomes "Deleted user": its tasks and
 * comments stay, sign-in and every token stop working at once.
 */
export async function deleteAccount(deps: CoreDeps, ctx: Ctx, input: DeleteAccount): Promise<void> {
  await confirmPassword(deps, ctx.actor.id, input.password);
  await deps.db.transaction(async (tx) => {
    const owned = await ownedWorkspacesForUpdate(tx, ctx.actor.id);
    const stuck = owned.filter((w) => w.otherOwners === 0 && w.otherMembers > 0);
    if (stuck.length > 0)
      throw conflict(
        'You are the last owner of a workspace with other members: make someone else an owner first',
        {
          workspaces: stuck.map((w) => ({ id: w.id, name: w.name })),
        },
      );
    const sole = owned.filter((w) => w.otherMembers === 0).map((w) => w.id);
    const memberships = await membershipsOf(tx, ctx.actor.id);
    for (const m of memberships) {
      if (sole.includes(m.workspaceId)) continue;
      await emitEvent(
        tx,
        'MEMBER_REMOVED',
        { userId: ctx.actor.id },
        {
          workspaceId: m.workspaceId,
          entityId: ctx.actor.id,
          actor: ctx.actor,
          activity: { entityType: 'member', action: 'account_deleted', changes: { role: m.role } },
        },
      );
    }
    await eraseAccount(tx, ctx.actor.id, sole);
  });
  await renewAccessStamps(deps.redis, [ctx.actor.id]);
}
