import type { ActivityAction, ActivityChanges } from '@teamflow/contracts/activity';
import type { Sprint } from '@teamflow/contracts/sprints';
import type { DbOrTx } from '@teamflow/db/client';
import { activity, emitEvent } from '../events/emit-event';
import type { WorkspaceCtx } from '../platform/context';
import { notFound } from '../platform/errors';
import { toSprint } from './sprint.mapper';
import { findSprintRecord } from './sprints.repository';

/** Reads the sprint as it now is and records the change with a SPRINT_UPDATED event (same transaction). */
export async function recordSprintChange<A extends ActivityAction<'sprint'>>(
  tx: DbOrTx,
  ctx: WorkspaceCtx,
  sprintId: string,
  action: A,
  changes: ActivityChanges<'sprint', A>,
): Promise<Sprint> {
  const record = await findSprintRecord(tx, sprintId);
  if (!record) throw notFound('Sprint');
  const sprint = toSprint(record);
  await emitEvent(tx, 'SPRINT_UPDATED', sprint, {
    workspaceId: ctx.workspaceId,
    entityId: sprint.id,
    actor: ctx.actor,
    version: sprint.version,
    projectId: sprint.projectId,
    activity: activity('sprint', action, changes),
  });
  return sprint;
}
