import type { IncidentListQuery, IncidentPage } from '@teamflow/contracts/incidents';
import { z } from 'zod';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { decodeCursor, keysetPage } from '../platform/cursor';
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
  const { page, nextCursor } = keysetPage(rows, query.limit, (last) => [
    last.createdAt.toISOString(),
    last.id,
  ]);
  return {
    items: await toIncidents(deps.db, ctx.workspaceId, page),
    nextCursor,
  };
}
