import type { CoreDeps } from '../platform/context';
import { writeNotifications } from '../notifications/write-notifications';
import { recordBlockerChange } from './blocker-events';
import { blockersDueForLevel, raiseEscalation, workspaceManagers } from './blockers.repository';

/**
 * The escalation schedule (every 15 minutes): a blocker still `open` after the workspace's
 * `blockerEscalationHours` reaches level 1, after twice that level 2; owners and admins hear of
 * each level once. Notifications go first, deduplicated per blocker and level, then the level is
 * raised by one conditional UPDATE: two workers or a retry notify nobody twice and emit one event.
 * Level 2's notification also reaches them by email (the notification email, per preferences).
 */
export async function escalateBlockers(
  deps: Pick<CoreDeps, 'db'>,
  options: { now?: Date } = {},
): Promise<{ escalated: number; notified: number }> {
  const now = options.now ?? new Date();
  let escalated = 0;
  let notified = 0;
  for (const level of [1, 2] as const) {
    for (const row of await blockersDueForLevel(deps.db, level, now)) {
      const managers = await workspaceManagers(deps.db, row.workspaceId);
      notified += await writeNotifications(
        deps,
        row.workspaceId,
        row.taskId,
        null,
        managers.map((userId) => ({
          userId,
          type: 'blocker_escalated' as const,
          dedupeKey: `blocker_escalated:${row.id}:${level}`,
          data: { blockerId: row.id, blockerTitle: row.title, escalationLevel: level },
        })),
      );
      const raised = await deps.db.transaction(async (tx) => {
        const updated = await raiseEscalation(tx, row.id, level);
        if (updated) await recordBlockerChange(tx, null, updated, 'escalated', { escalationLevel: level });
        return updated;
      });
      if (raised) escalated += 1;
    }
  }
  return { escalated, notified };
}
