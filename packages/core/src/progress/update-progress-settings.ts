import type { ProgressSettings, ProgressSettingsUpdate } from '@teamflow/contracts/progress';
import { can } from '@teamflow/contracts/permissions';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { forbidden } from '../platform/errors';
import {
  gamificationEnabled,
  setGamificationEnabled,
  setShowOnLeaderboard,
  showsOnLeaderboard,
} from './progress.repository';

/**
 * The caller's leaderboard choice, and (owners only) gamification on or off for the workspace.
 * Switching off hides XP everywhere; the xp consumer keeps recording, so switching on is fair.
 */
export async function updateProgressSettings(
  deps: Pick<CoreDeps, 'db'>,
  ctx: WorkspaceCtx,
  input: ProgressSettingsUpdate,
): Promise<ProgressSettings> {
  if (input.enabled !== undefined && !can(ctx.role, 'progress.manage'))
    throw forbidden('Only an owner can switch progress on or off for the workspace');
  await deps.db.transaction(async (tx) => {
    if (input.enabled !== undefined) await setGamificationEnabled(tx, ctx.workspaceId, input.enabled);
    if (input.showOnLeaderboard !== undefined)
      await setShowOnLeaderboard(tx, ctx.workspaceId, ctx.actor.id, input.showOnLeaderboard);
  });
  return {
    enabled: await gamificationEnabled(deps.db, ctx.workspaceId),
    showOnLeaderboard: await showsOnLeaderboard(deps.db, ctx.workspaceId, ctx.actor.id),
  };
}
