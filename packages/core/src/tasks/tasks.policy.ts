import { can } from '@teamflow/contracts/permissions';
import type { WorkspaceCtx } from '../platform/context';
import { forbidden } from '../platform/errors';

/** Owners and admins delete any task; members only the ones they created. */
export function assertMayDeleteTask(ctx: WorkspaceCtx, createdBy: string): void {
  if (!can(ctx.role, 'task.delete', createdBy === ctx.actor.id)) {
    throw forbidden('Only the task’s creator or an admin can delete it');
  }
}
