import type { MemberList } from '@teamflow/contracts/workspaces';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { listMembers as listMemberRows } from './workspaces.repository';

export async function listMembers(deps: CoreDeps, ctx: WorkspaceCtx): Promise<MemberList> {
  const rows = await listMemberRows(deps.db, ctx.workspaceId);
  return {
    items: rows.map((r) => ({
      user: { id: r.userId, name: r.name, email: r.email, avatarUrl: r.avatarUrl },
      role: r.role,
      joinedAt: r.joinedAt.toISOString(),
    })),
    nextCursor: null,
  };
}
