import type { Member, MemberUpdate } from '@teamflow/contracts/workspaces';
import { emitEvent } from '../events/emit-event';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { notFound } from '../platform/errors';
import { renewAccessStamps } from './access-stamp';
import { assertMayChangeRole } from './members.policy';
import {
  countOwnersForUpdate,
  findMemberForUpdate,
  listMembers,
  setMemberRole,
} from './workspaces.repository';

export async function updateMember(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  userId: string,
  input: MemberUpdate,
): Promise<Member> {
  const member = await deps.db.transaction(async (tx) => {
    const owners = await countOwnersForUpdate(tx, ctx.workspaceId);
    const target = await findMemberForUpdate(tx, ctx.workspaceId, userId);
    if (!target) throw notFound('Member');
    assertMayChangeRole(ctx.role, target.role, input.role, owners);
    if (target.role !== input.role) {
      await setMemberRole(tx, ctx.workspaceId, userId, input.role);
      await emitEvent(
        tx,
        'MEMBER_UPDATED',
        { userId, role: input.role },
        {
          workspaceId: ctx.workspaceId,
          entityId: userId,
          actor: ctx.actor,
          activity: {
            entityType: 'member',
            action: 'role_changed',
            changes: { role: { from: target.role, to: input.role } },
          },
        },
      );
    }
    const member = (await listMembers(tx, ctx.workspaceId)).find((m) => m.userId === userId)!;
    return {
      user: { id: member.userId, name: member.name, email: member.email, avatarUrl: member.avatarUrl },
      role: member.role,
      joinedAt: member.joinedAt.toISOString(),
    };
  });
  // Their next request, on any api instance, acts with the new role.
  await renewAccessStamps(deps.redis, [userId]);
  return member;
}
