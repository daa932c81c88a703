import { levelFor, type Leaderboard, type LeaderboardPeriod } from '@teamflow/contracts/progress';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { isoWeekdayOf, shiftDate, todayIn } from '../platform/local-dates';
import { gamificationEnabled, leaderboardRows } from './progress.repository';

const SIZE = 50;

/** The first local date of the period, in the workspace's zone: this ISO week, this month, or all time. */
export function periodStart(period: LeaderboardPeriod, zone: string, now: Date): string | null {
  const today = todayIn(zone, now);
  if (period === 'week') return shiftDate(today, 1 - isoWeekdayOf(today));
  if (period === 'month') return `${today.slice(0, 8)}01`;
  return null;
}

/**
 * Members by XP earned in the period (xp_events, so only what the rules paid), leaving out those
 * who opted out and those with nothing yet. Empty while gamification is switched off.
 */
export async function getLeaderboard(
  deps: Pick<CoreDeps, 'db'>,
  ctx: WorkspaceCtx,
  period: LeaderboardPeriod,
  now: Date = new Date(),
): Promise<Leaderboard> {
  const from = periodStart(period, ctx.timeZone, now);
  const enabled = await gamificationEnabled(deps.db, ctx.workspaceId);
  if (!enabled) return { period, from, enabled, items: [] };
  const rows = await leaderboardRows(deps.db, ctx.workspaceId, from, SIZE);
  return {
    period,
    from,
    enabled,
    items: rows.map((r, i) => ({
      rank: i + 1,
      user: { id: r.userId, name: r.name, avatarUrl: r.avatarUrl },
      xp: r.xp,
      level: levelFor(r.totalXp),
    })),
  };
}
