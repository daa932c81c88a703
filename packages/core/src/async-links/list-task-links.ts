import type { TaskAsyncLinks } from '@teamflow/contracts/task-links';
import { toBlockers } from '../blockers/blocker.mapper';
import { blockersOfTask } from '../blockers/blockers.repository';
import { toDecisions } from '../decisions/decision.mapper';
import { decisionsOfTask } from '../decisions/decisions.repository';
import { toIncidents } from '../incidents/incident.mapper';
import { incidentsOfTask } from '../incidents/incidents.repository';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';

/** What the task detail shows beside the task: the decisions, incidents and blockers linked to it. */
export async function listTaskLinks(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  taskId: string,
): Promise<TaskAsyncLinks> {
  const [decisions, incidents, blockers] = await Promise.all([
    decisionsOfTask(deps.db, ctx.workspaceId, taskId),
    incidentsOfTask(deps.db, ctx.workspaceId, taskId),
    blockersOfTask(deps.db, taskId),
  ]);
  return {
    decisions: await toDecisions(deps.db, ctx.workspaceId, decisions),
    incidents: await toIncidents(deps.db, ctx.workspaceId, incidents),
    blockers: await toBlockers(deps.db, ctx.workspaceId, blockers),
  };
}
