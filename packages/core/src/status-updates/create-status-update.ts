import type { StatusUpdate, StatusUpdateCreate } from '@teamflow/contracts/status-updates';
import { checkTaskLinks } from '../async-links/linked-refs';
import { userTimeZone } from '../async-links/links.repository';
import { recordBlockerChange } from '../blockers/blocker-events';
import { insertBlockers, unresolvedBlockersReportedBy } from '../blockers/blockers.repository';
import { todayIn } from '../platform/local-dates';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { conflict } from '../platform/errors';
import { recordStatusUpdateChange } from './status-update-events';
import { loadStatusUpdateRefs, toStatusUpdate } from './status-update.mapper';
import { meaningfulLines } from './status-updates.policy';
import { findStatusUpdateOfDay, insertStatusUpdateOnce } from './status-updates.repository';

const BLOCKER_TITLE_MAX = 200;

/**
 * Posts the caller's check-in for a local date (default: today in the caller's own zone). One per
 * person per workspace per date: the unique index decides between racing requests, and the loser
 * gets 409 with the first update. Each non-empty `blockers` line opens a blocker linked to it
 * (except a line repeating one of the author's blockers that is still open).
 */
export async function createStatusUpdate(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  input: StatusUpdateCreate,
): Promise<StatusUpdate> {
  const date = input.date ?? todayIn(await userTimeZone(deps.db, ctx.actor.id));
  const created = await deps.db.transaction(async (tx) => {
    await checkTaskLinks(tx, ctx.workspaceId, input.taskIds);
    const row = await insertStatusUpdateOnce(tx, {
      workspaceId: ctx.workspaceId,
      userId: ctx.actor.id,
      date,
      done: input.done,
      doing: input.doing,
      blockers: input.blockers ?? '',
      mood: input.mood ?? null,
      taskIds: input.taskIds ?? [],
    });
    if (!row) return undefined;
    await recordStatusUpdateChange(tx, ctx, row, 'STATUS_UPDATE_POSTED');
    // A line naming a blocker of theirs that is still open (the draft carries those) is not a new one.
    const stillOpen = new Set(
      (await unresolvedBlockersReportedBy(tx, ctx.workspaceId, ctx.actor.id)).map((b) =>
        b.title.toLowerCase(),
      ),
    );
    const lines = meaningfulLines(input.blockers).filter((line) => !stillOpen.has(line.toLowerCase()));
    const opened = await insertBlockers(
      tx,
      lines.map((line) => ({
        workspaceId: ctx.workspaceId,
        title: line.slice(0, BLOCKER_TITLE_MAX),
        description: line.length > BLOCKER_TITLE_MAX ? line : null,
        reportedBy: ctx.actor.id,
        statusUpdateId: row.id,
      })),
    );
    for (const blocker of opened)
      await recordBlockerChange(tx, ctx.actor, blocker, 'opened', { from: 'status_update' });
    return toStatusUpdate(row, await loadStatusUpdateRefs(tx, ctx.workspaceId, [row]), ctx.actor.id);
  });
  if (created) return created;
  const first = await findStatusUpdateOfDay(deps.db, ctx.workspaceId, ctx.actor.id, date);
  throw conflict(`You already posted an update for ${date}; edit that one`, {
    current:
      first &&
      toStatusUpdate(first, await loadStatusUpdateRefs(deps.db, ctx.workspaceId, [first]), ctx.actor.id),
  });
}
