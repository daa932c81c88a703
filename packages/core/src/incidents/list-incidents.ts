import type { IncidentListQuery, IncidentPage } from '@teamflow/contracts/incidents';
import { z } from 'zod';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { decodeCursor, keysetPage } from '../platform/cursor';
import { toIncidents } from './incident.mapper';
import { listIncidentRows } from './incidents.repository';

// The list's name leads the tuple, so a cursor from another (createdAt, id) list is refused, not misread.
const Cursor = z.tuple([z.literal('incidents'), z.iso.datetime({ offset: true }), z.uuid()]);

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
    after: after && { createdAt: after[1], id: after[2] },
  });
  const { page, nextCursor } = keysetPage(rows, query.limit, (last) => ['incidents', last.cursorAt, last.id]);
  return {
    items: await toIncidents(deps.db, ctx.workspaceId, page),
    nextCursor,
  };
}
