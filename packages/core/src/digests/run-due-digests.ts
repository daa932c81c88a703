import { toCheckInSettings } from '../check-ins/check-in-settings';
import { workspacesForSchedules } from '../check-ins/check-ins.repository';
import type { CoreDeps } from '../platform/context';
import { isoWeekdayOf, localDateOf, localTimeOf } from '../platform/local-dates';
import { generateDigest } from './generate-digest';

/**
 * The digest schedule (every 15 minutes): a workspace whose local time is past its `digestTime`
 * on a check-in day gets that local date's digest, written once (see generateDigest).
 */
export async function runDueDigests(
  deps: Pick<CoreDeps, 'db' | 'env' | 'reads'>,
  options: { now?: Date } = {},
): Promise<{ generated: number }> {
  const now = options.now ?? new Date();
  let generated = 0;
  for (const workspace of await workspacesForSchedules(deps.db)) {
    const settings = toCheckInSettings(workspace.settings);
    const date = localDateOf(now, workspace.timeZone);
    if (!settings.days.includes(isoWeekdayOf(date))) continue;
    if (localTimeOf(now, workspace.timeZone) < settings.digestTime) continue;
    if ((await generateDigest(deps, workspace.id, date)).written) generated += 1;
  }
  return { generated };
}
