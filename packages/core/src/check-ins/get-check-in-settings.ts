import type { CheckInSettings } from '@teamflow/contracts/check-ins';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { settingsOf } from './check-in-settings';

export async function getCheckInSettings(deps: CoreDeps, ctx: WorkspaceCtx): Promise<CheckInSettings> {
  return settingsOf(deps.db, ctx.workspaceId);
}
