import { TASK_KEY_PATTERN } from '@teamflow/contracts/projects';
import type { LinkedTask } from '@teamflow/contracts/refs';
import type { StatusUpdateDraft } from '@teamflow/contracts/status-updates';
import { toBlockers } from '../blockers/blocker.mapper';
import { unresolvedBlockersReportedBy } from '../blockers/blockers.repository';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { meaningfulLines } from './status-updates.policy';
import {
  doneTaskKeys,
  lastStatusUpdateOf,
  tasksAssignedIn,
  tasksFinishedBy,
} from './status-updates.repository';

const LOOK_BACK_MS = 24 * 3600_000;
const bullet = (t: LinkedTask) => `- ${t.key} ${t.title}`;
const text = (lines: string[]) => [...new Set(lines)].join('\n');

/**
 * The caller's draft from their own activity since their last update (a day back if none): tasks
 * they finished, tasks of theirs in progress or blocked, their unresolved blockers, and the `doing`
 * lines of their last update whose tasks are not done. Nothing is saved.
 */
export async function getStatusUpdateDraft(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  now: Date = new Date(),
): Promise<StatusUpdateDraft> {
  const last = await lastStatusUpdateOf(deps.db, ctx.workspaceId, ctx.actor.id);
  const since = last?.createdAt ?? new Date(now.getTime() - LOOK_BACK_MS);
  const [done, doing, blocked, openRows] = await Promise.all([
    tasksFinishedBy(deps.db, ctx.workspaceId, ctx.actor.id, since),
    tasksAssignedIn(deps.db, ctx.workspaceId, ctx.actor.id, ['in_progress', 'in_review']),
    tasksAssignedIn(deps.db, ctx.workspaceId, ctx.actor.id, ['blocked']),
    unresolvedBlockersReportedBy(deps.db, ctx.workspaceId, ctx.actor.id),
  ]);
  const lastDoing = meaningfulLines(last?.doing);
  const finished = await doneTaskKeys(deps.db, ctx.workspaceId, [
    ...new Set(lastDoing.flatMap((line) => line.match(TASK_KEY_PATTERN) ?? [])),
  ]);
  const carriedDoing = lastDoing.filter(
    (line) => !(line.match(TASK_KEY_PATTERN) ?? []).some((key) => finished.has(key)),
  );
  const doingKeys = new Set(doing.map((t) => t.key));
  const openBlockers = await toBlockers(deps.db, ctx.workspaceId, openRows);
  return {
    done,
    doing,
    blockers: blocked,
    openBlockers,
    carriedDoing,
    text: {
      done: text(done.map(bullet)),
      doing: text([
        ...doing.map(bullet),
        // A carried line about a task already listed above would say it twice.
        ...carriedDoing
          .filter((line) => !(line.match(TASK_KEY_PATTERN) ?? []).some((key) => doingKeys.has(key)))
          .map((line) => `- ${line}`),
      ]),
      blockers: text([...blocked.map(bullet), ...openBlockers.map((b) => `- ${b.title}`)]),
    },
    since: last ? last.createdAt.toISOString() : null,
  };
}
