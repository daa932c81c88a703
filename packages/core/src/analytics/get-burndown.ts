import type { Burndown } from '@teamflow/contracts/sprints';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { refreshBurndown } from './refresh-burndown';

export async function getBurndown(deps: CoreDeps, _ctx: WorkspaceCtx, sprintId: string): Promise<Burndown> {
  return refreshBurndown(deps.db, sprintId);
}
