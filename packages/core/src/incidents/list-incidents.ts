import type { IncidentListQuery, IncidentPage } from '@teamflow/contracts/incidents';
import { z } from 'zod';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { decodeCursor, encodeCursor } from '../platform/cursor';
import { toIncidents } from './incident.mapper';
import { listIncidentRows } from './incidents.repository';

const Cursor = z.tuple([z.iso.datetime(), z.uuid()]);

/** Newest first, optionally by status and severity. */
export async function listIncidents(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  query: IncidentListQuery,
): Promise<IncidentPage> {
  const after = query.cursor ? decodeCursor(query.cursor, Cursor) : undefined;
  const rows = await listIncidentRows(deps.db, ctx.workspaceId, {
    status: query.status,
    severity: query.severity,
    limit: query.limit + 1,
    after: after && { createdAt: new Date(after[0]), id: after[1] },
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: await toIncidents(deps.db, ctx.workspaceId, page),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
  };
}
