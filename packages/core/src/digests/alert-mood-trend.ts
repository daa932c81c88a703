import { DigestSections } from '@teamflow/contracts/digests';
import { workspaceManagers } from '../blockers/blockers.repository';
import type { CoreDeps } from '../platform/context';
import { shiftDate } from '../platform/local-dates';
import { writeNotifications } from '../notifications/write-notifications';
import { findDailySummary } from './digests.repository';

export const MOOD_ALERT_BELOW = 2.5;
export const MOOD_ALERT_DAYS = 3;

/**
 * The team-mood trend alert: when the digests of this date and the two before it each show a team
 * average (3 or more moods) below 2.5, owners and admins (only they) get one `mood_trend`
 * notification for the date. It names no one: it reads the averages the digests already show.
 */
export async function alertMoodTrend(
  deps: Pick<CoreDeps, 'db'>,
  workspaceId: string,
  date: string,
): Promise<number> {
  const averages: number[] = [];
  for (let back = 0; back < MOOD_ALERT_DAYS; back += 1) {
    const row = await findDailySummary(deps.db, workspaceId, shiftDate(date, -back));
    const average = row
      ? DigestSections.shape.moodAverage.parse(
          (row.sections as { moodAverage?: unknown }).moodAverage ?? null,
        )
      : null;
    if (average === null || average >= MOOD_ALERT_BELOW) return 0;
    averages.push(average);
  }
  const managers = await workspaceManagers(deps.db, workspaceId);
  return writeNotifications(
    deps,
    workspaceId,
    null,
    null,
    managers.map((userId) => ({
      userId,
      type: 'mood_trend' as const,
      dedupeKey: `mood_trend:${workspaceId}:${date}`,
      data: { date, moodAverage: averages[0]! },
    })),
  );
}
