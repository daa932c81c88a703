import { levelFor } from '@teamflow/contracts/progress';
import type { CoreDeps } from '../platform/context';
import { earnedAchievements } from './achievements';
import {
  achievementFacts,
  insertAchievements,
  lockStats,
  progressPeople,
  saveStats,
  xpEventsInOrder,
  type UserStatsRow,
  workCalendarOf,
} from './progress.repository';
import { withStreak } from './stats-streak';
import { EMPTY_STREAK, recordActiveDay, settledThrough, settleStreak } from './streaks';

/**
 * maintenance/rebuild-progress: user_stats is derived, so it is recomputed from xp_events alone
 * with the same steps the incremental path takes (sum, level curve, streak reducer, then the
 * settle the hourly job would have done by `now`). Missing achievements are recorded silently.
 */
export async function rebuildUserStats(
  deps: Pick<CoreDeps, 'db'>,
  options: { workspaceId?: string; now?: Date } = {},
): Promise<{ rebuilt: number }> {
  const now = options.now ?? new Date();
  const people = await progressPeople(deps.db, options.workspaceId);
  for (const person of people) {
    await deps.db.transaction(async (tx) => {
      const current = await lockStats(tx, person.workspaceId, person.userId);
      const awards = await xpEventsInOrder(tx, person.workspaceId, person.userId);
      const calendar = await workCalendarOf(tx, person.workspaceId, person.userId);
      let streak = EMPTY_STREAK;
      let xp = 0;
      for (const award of awards) {
        xp += award.xp;
        if (award.xp > 0) streak = recordActiveDay(streak, award.localDate, calendar);
      }
      streak = settleStreak(streak, settledThrough(now, person.zone), calendar);
      const rebuilt: UserStatsRow = withStreak({ ...current, xp, level: levelFor(xp) }, streak);
      await saveStats(tx, rebuilt);
      const facts = await achievementFacts(tx, person.workspaceId, person.userId);
      const earned = earnedAchievements({
        ...facts,
        longestStreak: rebuilt.streakLongest,
        level: rebuilt.level,
      });
      await insertAchievements(tx, person.workspaceId, person.userId, earned, now);
    });
  }
  return { rebuilt: people.length };
}
