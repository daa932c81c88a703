import type { Blocker } from '@teamflow/contracts/blockers';
import type { DbOrTx } from '@teamflow/db/client';
import { loadRefs, type Refs } from '../async-links/linked-refs';
import type { BlockerRow } from './blockers.repository';

export function toBlocker(row: BlockerRow, refs: Refs): Blocker {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    title: row.title,
    description: row.description,
    taskId: row.taskId,
    task: row.taskId ? (refs.tasks([row.taskId])[0] ?? null) : null,
    severity: row.severity,
    status: row.status,
    escalationLevel: row.escalationLevel,
    reportedBy: refs.person(row.reportedBy),
    statusUpdateId: row.statusUpdateId,
    acknowledgedBy: refs.personOrNull(row.acknowledgedBy),
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    acknowledgeNote: row.acknowledgeNote,
    resolvedBy: refs.personOrNull(row.resolvedBy),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    resolution: row.resolution,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Rows of one workspace → contract blockers, with people and tasks loaded in two queries. */
export async function toBlockers(db: DbOrTx, workspaceId: string, rows: BlockerRow[]): Promise<Blocker[]> {
  const refs = await loadRefs(
    db,
    workspaceId,
    rows.flatMap((r) => [r.reportedBy, r.acknowledgedBy, r.resolvedBy]),
    rows.flatMap((r) => (r.taskId ? [r.taskId] : [])),
  );
  return rows.map((r) => toBlocker(r, refs));
}
