import type { WorklogEntry } from '@teamflow/contracts/worklog';
import type { CoreDeps, Ctx } from '../platform/context';
import { notFound } from '../platform/errors';
import { toWorklogEntry } from './worklog.mapper';
import { findEntry } from './worklog.repository';

/** The caller's own entry with its analysis; anyone else's id is a 404 (the query is fenced by author). */
export async function getEntry(deps: CoreDeps, ctx: Ctx, entryId: string): Promise<WorklogEntry> {
  const row = await findEntry(deps.db, ctx.actor.id, entryId);
  if (!row) throw notFound('Entry');
  return toWorklogEntry(row);
}
