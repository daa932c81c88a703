import type { CoreDeps } from '../platform/context';
import { isoWeekdayOf, localDateOf, localTimeOf } from '../platform/local-dates';
import { writeNotifications, type Intent } from '../notifications/write-notifications';
import { toCheckInSettings } from './check-in-settings';
import { awayOn, checkInMembers, postedOn, workspacesForSchedules } from './check-ins.repository';

/**
 * The reminder schedule (every 15 minutes): on a check-in day, once `reminderTime` has passed in
 * a member's own zone, a member with no update for their local date and not away gets one
 * `check_in_reminder` (dedupe key per workspace and date: a second worker or a retry adds nothing).
 */
export async function sendCheckInReminders(
  deps: Pick<CoreDeps, 'db'>,
  options: { now?: Date } = {},
): Promise<{ reminded: number }> {
  const now = options.now ?? new Date();
  let reminded = 0;
  for (const workspace of await workspacesForSchedules(deps.db)) {
    const settings = toCheckInSettings(workspace.settings);
    const members = await checkInMembers(deps.db, workspace.id);
    const byDate = new Map<string, string[]>();
    for (const m of members) {
      const date = localDateOf(now, m.timeZone);
      if (!settings.days.includes(isoWeekdayOf(date))) continue;
      if (localTimeOf(now, m.timeZone) < settings.reminderTime) continue;
      byDate.set(date, [...(byDate.get(date) ?? []), m.id]);
    }
    const intents: Intent[] = [];
    for (const [date, userIds] of byDate) {
      const posted = await postedOn(deps.db, workspace.id, date);
      const away = await awayOn(deps.db, userIds, date);
      for (const userId of userIds.filter((id) => !posted.has(id) && !away.has(id))) {
        intents.push({
          userId,
          type: 'check_in_reminder',
          dedupeKey: `check_in_reminder:${workspace.id}:${date}`,
          data: { date },
        });
      }
    }
    if (intents.length > 0) reminded += await writeNotifications(deps, workspace.id, null, null, intents);
  }
  return { reminded };
}
