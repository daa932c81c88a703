import type { Incident, IncidentTimelineEntry } from '@teamflow/contracts/incidents';
import type { DbOrTx } from '@teamflow/db/client';
import { loadRefs, type Refs } from '../async-links/linked-refs';
import type { IncidentEventRow, IncidentRow } from './incidents.repository';

export const incidentKey = (number: number) => `INC-${number}`;

export function toIncident(row: IncidentRow, refs: Refs): Incident {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    key: incidentKey(row.number),
    number: row.number,
    title: row.title,
    severity: row.severity,
    status: row.status,
    summary: row.summary,
    postmortem: row.postmortem,
    commanderId: row.commanderId,
    commander: refs.personOrNull(row.commanderId),
    declaredBy: refs.person(row.declaredBy),
    taskIds: row.taskIds,
    tasks: refs.tasks(row.taskIds),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    timeToResolveMinutes: row.resolvedAt
      ? Math.round((row.resolvedAt.getTime() - row.createdAt.getTime()) / 60_000)
      : null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toTimelineEntry(row: IncidentEventRow, refs: Refs): IncidentTimelineEntry {
  return {
    id: row.id,
    incidentId: row.incidentId,
    kind: row.kind as IncidentTimelineEntry['kind'],
    message: row.message,
    from: row.fromValue,
    to: row.toValue,
    actor: refs.personOrNull(row.actorId),
    createdAt: row.createdAt.toISOString(),
  };
}

export async function toIncidents(db: DbOrTx, workspaceId: string, rows: IncidentRow[]): Promise<Incident[]> {
  const refs = await loadRefs(
    db,
    workspaceId,
    rows.flatMap((r) => [r.commanderId, r.declaredBy]),
    rows.flatMap((r) => r.taskIds),
  );
  return rows.map((r) => toIncident(r, refs));
}
