import { levelProgressOf, type Progress } from '@teamflow/contracts/progress';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { notFound } from '../platform/errors';
import { toUnlockedAchievement, toXpEvent } from './progress.mapper';
import {
  achievementsOf,
  findStats,
  gamificationEnabled,
  isMember,
  recentXpEvents,
  showsOnLeaderboard,
  userZone,
  workCalendarOf,
} from './progress.repository';
import { statsStreak } from './stats-streak';
import { settledThrough, settleStreak } from './streaks';

const RECENT = 20;

/**
 * A member's progress in the workspace (their own, or a teammate's). Everything is 0 and empty
 * while the workspace has gamification switched off; the streak is shown settled through the
 * person's yesterday, as the hourly job will store it.
 */
export async function getProgress(
  deps: Pick<CoreDeps, 'db'>,
  ctx: WorkspaceCtx,
  userId: string,
  now: Date = new Date(),
): Promise<Progress> {
  if (userId !== ctx.actor.id && !(await isMember(deps.db, ctx.workspaceId, userId)))
    throw notFound('Member');
  const enabled = await gamificationEnabled(deps.db, ctx.workspaceId);
  const showOnLeaderboard = await showsOnLeaderboard(deps.db, ctx.workspaceId, userId);
  const stats = enabled ? await findStats(deps.db, ctx.workspaceId, userId) : undefined;
  const empty = { current: 0, longest: 0, freezes: 0, lastActiveDate: null };
  if (!stats) {
    return {
      userId,
      enabled,
      showOnLeaderboard,
      xp: 0,
      level: 1,
      levelProgress: levelProgressOf(0),
      streak: empty,
      achievements: [],
      recent: [],
    };
  }
  const zone = (await userZone(deps.db, userId)) ?? 'UTC';
  const calendar = await workCalendarOf(deps.db, ctx.workspaceId, userId);
  const streak = settleStreak(statsStreak(stats), settledThrough(now, zone), calendar);
  return {
    userId,
    enabled,
    showOnLeaderboard,
    xp: stats.xp,
    level: stats.level,
    levelProgress: levelProgressOf(stats.xp),
    streak: {
      current: streak.current,
      longest: streak.longest,
      freezes: streak.freezes,
      lastActiveDate: streak.lastActiveDate,
    },
    achievements: (await achievementsOf(deps.db, ctx.workspaceId, userId)).map(toUnlockedAchievement),
    recent: (await recentXpEvents(deps.db, ctx.workspaceId, userId, RECENT)).map(toXpEvent),
  };
}
