import type { IncidentNoteCreate, IncidentTimelineEntry } from '@teamflow/contracts/incidents';
import { loadRefs } from '../async-links/linked-refs';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { notFound } from '../platform/errors';
import { recordIncidentChange } from './incident-events';
import { toTimelineEntry } from './incident.mapper';
import { insertIncidentEvents, lockIncident } from './incidents.repository';

/** A note on the timeline (what was tried, what was seen); the live timeline hears it. */
export async function addIncidentNote(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  incidentId: string,
  input: IncidentNoteCreate,
): Promise<IncidentTimelineEntry> {
  return deps.db.transaction(async (tx) => {
    const row = await lockIncident(tx, incidentId);
    if (!row || row.workspaceId !== ctx.workspaceId) throw notFound('Incident');
    const [entry] = await insertIncidentEvents(tx, [
      {
        workspaceId: ctx.workspaceId,
        incidentId,
        kind: 'note',
        message: input.message,
        actorId: ctx.actor.id,
      },
    ]);
    await recordIncidentChange(tx, ctx.actor, row, 'noted', { message: input.message.slice(0, 200) });
    return toTimelineEntry(entry!, await loadRefs(tx, ctx.workspaceId, [ctx.actor.id], []));
  });
}
