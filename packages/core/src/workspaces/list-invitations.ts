import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { listPendingInvitations } from './workspaces.repository';
import { toInvitation } from './workspace.mapper';
import type { InvitationList } from '@teamflow/contracts/workspaces';

export async function listInvitations(deps: CoreDeps, ctx: WorkspaceCtx): Promise<InvitationList> {
  return {
    items: (await listPendingInvitations(deps.db, ctx.workspaceId)).map(toInvitation),
    nextCursor: null,
  };
}
