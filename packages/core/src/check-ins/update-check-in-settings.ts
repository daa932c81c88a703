import type { CheckInSettings, CheckInSettingsUpdate } from '@teamflow/contracts/check-ins';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { toCheckInSettings } from './check-in-settings';
import { upsertCheckInSettings } from './check-ins.repository';

/** Owners and admins change what they send; the rest keeps its value (or the default). */
export async function updateCheckInSettings(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  input: CheckInSettingsUpdate,
): Promise<CheckInSettings> {
  const values = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  return toCheckInSettings(await upsertCheckInSettings(deps.db, ctx.workspaceId, values));
}
