import type { IncidentCreate, IncidentDetail } from '@teamflow/contracts/incidents';
import { checkMembers, checkTaskLinks } from '../async-links/linked-refs';
import { nextWorkspaceNumber } from '../async-links/links.repository';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { recordIncidentChange } from './incident-events';
import { incidentKey } from './incident.mapper';
import { insertIncident, insertIncidentEvents } from './incidents.repository';

/** Declares an incident (`investigating`, key `INC-n`); the timeline opens with the declaration. */
export async function createIncident(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  input: IncidentCreate,
): Promise<IncidentDetail> {
  return deps.db.transaction(async (tx) => {
    await checkTaskLinks(tx, ctx.workspaceId, input.taskIds);
    await checkMembers(tx, ctx.workspaceId, [input.commanderId], 'commanderId');
    const number = await nextWorkspaceNumber(tx, ctx.workspaceId, 'incidents');
    const row = await insertIncident(tx, {
      workspaceId: ctx.workspaceId,
      number,
      title: input.title,
      severity: input.severity,
      summary: input.summary || null,
      commanderId: input.commanderId ?? null,
      taskIds: input.taskIds ?? [],
      declaredBy: ctx.actor.id,
    });
    await insertIncidentEvents(tx, [
      {
        workspaceId: ctx.workspaceId,
        incidentId: row.id,
        kind: 'declared',
        message: `${ctx.actor.name} declared ${incidentKey(number)} (${input.severity})`,
        toValue: 'investigating',
        actorId: ctx.actor.id,
      },
    ]);
    return recordIncidentChange(tx, ctx.actor, row, 'declared', { severity: row.severity });
  });
}
