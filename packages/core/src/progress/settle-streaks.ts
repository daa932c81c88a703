import type { CoreDeps } from '../platform/context';
import { consumeXpEvents } from './consume-xp-events';
import { lockStats, progressPeople, saveStats, workCalendarOf } from './progress.repository';
import { statsStreak, withStreak } from './stats-streak';
import { settledThrough, settleStreak } from './streaks';

/**
 * progress/settle-streaks (hourly): settles each person's streak through their own yesterday, so
 * a missed workday spends a freeze or ends the streak even when they earn nothing. Idempotent: a
 * day is settled once (`streak_through`), however often it runs. It first brings each workspace's
 * xp consumer up to date, so a day is never settled as missed while its work waits in the stream
 * (a worker that was down for a while): the rebuild would count that day, and so does this.
 */
export async function settleStreaks(
  deps: Pick<CoreDeps, 'db'>,
  now: Date = new Date(),
): Promise<{ settled: number }> {
  let settled = 0;
  const people = await progressPeople(deps.db);
  for (const workspaceId of new Set(people.map((p) => p.workspaceId)))
    await consumeXpEvents(deps, workspaceId);
  for (const person of people) {
    const to = settledThrough(now, person.zone);
    const changed = await deps.db.transaction(async (tx) => {
      const row = await lockStats(tx, person.workspaceId, person.userId);
      if (row.streakThrough === null || row.streakThrough >= to) return false;
      const calendar = await workCalendarOf(tx, person.workspaceId, person.userId);
      await saveStats(tx, withStreak(row, settleStreak(statsStreak(row), to, calendar)));
      return true;
    });
    if (changed) settled += 1;
  }
  return { settled };
}
