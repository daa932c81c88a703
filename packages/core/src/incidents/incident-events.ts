import type { ActivityAction, ActivityChanges } from '@teamflow/contracts/activity';
import type { IncidentDetail } from '@teamflow/contracts/incidents';
import type { DbOrTx } from '@teamflow/db/client';
import { loadRefs } from '../async-links/linked-refs';
import { activity, emitEvent, type ActivityChangesWithout } from '../events/emit-event';
import type { Actor } from '../platform/context';
import { toIncident, toTimelineEntry } from './incident.mapper';
import { listIncidentEventRows, type IncidentRow } from './incidents.repository';

/** The incident with its timeline, oldest first. */
export async function incidentDetail(db: DbOrTx, row: IncidentRow): Promise<IncidentDetail> {
  const timeline = await listIncidentEventRows(db, row.id);
  const refs = await loadRefs(
    db,
    row.workspaceId,
    [row.commanderId, row.declaredBy, ...timeline.map((e) => e.actorId)],
    row.taskIds,
  );
  return { ...toIncident(row, refs), timeline: timeline.map((e) => toTimelineEntry(e, refs)) };
}

/** Records a change with an INCIDENT_UPDATED event (same transaction); returns the detail. */
export async function recordIncidentChange<A extends ActivityAction<'incident'>>(
  tx: DbOrTx,
  actor: Actor | null,
  row: IncidentRow,
  action: A,
  changes: ActivityChangesWithout<'incident', A, 'key'>,
): Promise<IncidentDetail> {
  const detail = await incidentDetail(tx, row);
  const { timeline: _timeline, ...incident } = detail;
  // With the key it leaves out, `changes` is the entry's shape.
  const entry = { key: incident.key, ...changes } as ActivityChanges<'incident', A>;
  await emitEvent(tx, 'INCIDENT_UPDATED', incident, {
    workspaceId: row.workspaceId,
    entityId: row.id,
    actor,
    version: row.version,
    activity: activity('incident', action, entry),
  });
  return detail;
}
